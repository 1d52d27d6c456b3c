using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProbSeg.ML.Metrics;

/// <summary>
/// Class probabilities of one image, <c>[Count, Classes, PixelCount]</c> floats: the softmax of each model sample
/// (<c>Count = N</c>) or the mean prediction (<c>Count = 1</c>).
/// </summary>
public readonly ref struct ProbabilityMaps
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as <paramref name="count"/> maps of <paramref name="classes"/> × <paramref name="pixelCount"/> probabilities.</summary>
    /// <exception cref="ArgumentException">The span length does not match the shape, or fewer than 2 classes.</exception>
    public ProbabilityMaps(ReadOnlySpan<float> data, int count, int classes, int pixelCount)
    {
        if (count < 1) throw new ArgumentException($"Probability map count must be positive, got {count}.", nameof(count));
        if (classes < 2) throw new ArgumentException($"Class count must be at least 2, got {classes}.", nameof(classes));
        if (pixelCount < 1) throw new ArgumentException($"Pixel count must be positive, got {pixelCount}.", nameof(pixelCount));
        long expected = (long)count * classes * pixelCount;
        if (data.Length != expected)
            throw new ArgumentException($"Probabilities hold {data.Length} floats; shape [{count}, {classes}, {pixelCount}] needs {expected}.", nameof(data));
        Data = data;
        Count = count;
        Classes = classes;
        PixelCount = pixelCount;
    }

    /// <summary>All probabilities, <c>[Count, Classes, PixelCount]</c>.</summary>
    public ReadOnlySpan<float> Data { get; }

    /// <summary>Number of maps N.</summary>
    public int Count { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>Pixels per map, H·W.</summary>
    public int PixelCount { get; }

    /// <summary>Probabilities of map <paramref name="index"/>, <c>[Classes, PixelCount]</c>.</summary>
    public ReadOnlySpan<float> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"Map {index} is outside [0, {Count}).");
            int size = Classes * PixelCount;
            return Data.Slice(index * size, size);
        }
    }

    /// <summary>The mean over the maps, <c>[Classes, PixelCount]</c> (the mean prediction when the maps are samples).</summary>
    public float[] Mean()
    {
        int size = Classes * PixelCount;
        var mean = new float[size];
        ref float acc = ref MemoryMarshal.GetArrayDataReference(mean);
        for (int i = 0; i < Count; i++)
        {
            var map = this[i];
            ref float src = ref MemoryMarshal.GetReference(map);
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; x + 8 <= size; x += 8)
                    (Vector256.LoadUnsafe(ref acc, (nuint)x) + Vector256.LoadUnsafe(ref src, (nuint)x)).StoreUnsafe(ref acc, (nuint)x);
            for (; x < size; x++) mean[x] += map[x];
        }
        float scale = 1f / Count;
        for (int x = 0; x < size; x++) mean[x] *= scale;
        return mean;
    }

    /// <summary>The arg-max label map of each map, <c>[Count, PixelCount]</c> (ties go to the lower class id).</summary>
    public byte[] Argmax()
    {
        var labels = new byte[Count * PixelCount];
        for (int i = 0; i < Count; i++)
            ArgmaxInto(this[i], Classes, PixelCount, labels.AsSpan(i * PixelCount, PixelCount));
        return labels;
    }

    internal static void ArgmaxInto(ReadOnlySpan<float> probabilities, int classes, int pixelCount, Span<byte> labels)
    {
        var best = probabilities[..pixelCount];
        labels.Clear();
        Span<float> bestValue = pixelCount <= 4096 ? stackalloc float[pixelCount] : new float[pixelCount];
        best.CopyTo(bestValue);
        for (int k = 1; k < classes; k++)
        {
            var plane = probabilities.Slice(k * pixelCount, pixelCount);
            for (int x = 0; x < pixelCount; x++)
            {
                if (plane[x] > bestValue[x]) { bestValue[x] = plane[x]; labels[x] = (byte)k; }
            }
        }
    }

    /// <summary>Throws if any probability is NaN or outside [0, 1] (with a little slack for rounding).</summary>
    internal void ThrowIfInvalid(string what)
    {
        const float slack = 1e-4f;
        var data = Data;
        int x0 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // NaN fails both comparisons, so it is caught too.
            ref float src = ref MemoryMarshal.GetReference(data);
            Vector256<float> low = Vector256.Create(-slack), high = Vector256.Create(1 + slack);
            for (; x0 + 8 <= data.Length; x0 += 8)
            {
                var v = Vector256.LoadUnsafe(ref src, (nuint)x0);
                if ((Vector256.GreaterThanOrEqual(v, low) & Vector256.LessThanOrEqual(v, high)).ExtractMostSignificantBits() != 0xFFu) break;
            }
        }
        for (int x = x0; x < data.Length; x++)
        {
            float p = data[x];
            if (!(p >= -slack && p <= 1 + slack))
                throw new ArgumentException($"{what}: probability {p} at flat index {x} is not in [0, 1].");
        }
    }
}
