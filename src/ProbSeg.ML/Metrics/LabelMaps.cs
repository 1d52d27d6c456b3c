using ProbSeg.ML.Data;

namespace ProbSeg.ML.Metrics;

/// <summary>
/// A stack of label maps of one image, <c>[Count, PixelCount]</c> class ids as bytes: model samples or annotator masks.
/// </summary>
/// <remarks>
/// An annotator slot whose first pixel is <see cref="AmbiguousDataset.MissingAnnotation"/> (255) is absent and every
/// metric skips it; an all-zero mask is a real "nothing there" vote.
/// <example><code>
/// var samples = new LabelMaps(sampleBytes, count: 16, pixelCount: 128 * 128);
/// var annotations = new LabelMaps(dataset.Annotations(i), dataset.Annotators, dataset.PixelCount);
/// </code></example>
/// </remarks>
public readonly ref struct LabelMaps
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as <paramref name="count"/> maps of <paramref name="pixelCount"/> pixels.</summary>
    /// <exception cref="ArgumentException">The span length is not <c>count · pixelCount</c>, or a count is not positive.</exception>
    public LabelMaps(ReadOnlySpan<byte> data, int count, int pixelCount)
    {
        if (count < 0) throw new ArgumentException($"Map count must be non-negative, got {count}.", nameof(count));
        if (pixelCount < 1) throw new ArgumentException($"Pixel count must be positive, got {pixelCount}.", nameof(pixelCount));
        if (data.Length != (long)count * pixelCount)
            throw new ArgumentException($"Label maps hold {data.Length} bytes; shape [{count}, {pixelCount}] needs {(long)count * pixelCount}.", nameof(data));
        Data = data;
        Count = count;
        PixelCount = pixelCount;
    }

    /// <summary>All maps, <c>[Count, PixelCount]</c>.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of maps (slots), including absent annotators.</summary>
    public int Count { get; }

    /// <summary>Pixels per map, H·W.</summary>
    public int PixelCount { get; }

    /// <summary>Map <paramref name="index"/>, <c>[PixelCount]</c>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"Map {index} is outside [0, {Count}).");
            return Data.Slice(index * PixelCount, PixelCount);
        }
    }

    /// <summary>Whether map <paramref name="index"/> holds an annotation (its first pixel is not <see cref="AmbiguousDataset.MissingAnnotation"/>).</summary>
    public bool IsPresent(int index) => AmbiguousDataset.IsPresent(this[index]);

    /// <summary>The indices of the maps that are present, in order.</summary>
    public int[] PresentIndices()
    {
        var present = new List<int>(Count);
        for (int i = 0; i < Count; i++)
            if (IsPresent(i)) present.Add(i);
        return present.ToArray();
    }
}
