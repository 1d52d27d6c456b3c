namespace ProbSeg.ML.Data;

/// <summary>
/// Images with several annotations each, held in memory as contiguous arrays: the engine's data type.
/// </summary>
/// <remarks>
/// <para>Images are float <c>[N, C, H, W]</c>; annotations are class ids <c>[N, A, H, W]</c> as bytes, where <c>A</c> is
/// the largest number of annotator slots. An empty mask (all zeros) is a real "nothing there" vote. A slot that an
/// annotator did not fill is marked by <see cref="MissingAnnotation"/> in every pixel; metrics and training skip it.</para>
/// <para>Groups (e.g. the patient) drive group-level splits so near-duplicate slices never cross a split.</para>
/// </remarks>
public sealed class AmbiguousDataset
{
    /// <summary>The label value that marks an annotator slot as absent (all pixels of that slot carry it).</summary>
    public const byte MissingAnnotation = 255;

    /// <summary>Creates a dataset over the given arrays (not copied).</summary>
    /// <param name="images">Float pixels <c>[count, channels, height, width]</c>.</param>
    /// <param name="labels">Class ids <c>[count, annotators, height, width]</c>; <see cref="MissingAnnotation"/> marks an absent slot.</param>
    /// <param name="count">Number of images.</param>
    /// <param name="channels">Image channels.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="annotators">Annotator slots per image.</param>
    /// <param name="classes">Number of classes K (≥ 2); label ids are in [0, K).</param>
    /// <param name="ids">Optional id per image (defaults to the index).</param>
    /// <param name="groups">Optional group per image, e.g. the patient (defaults to the id).</param>
    public AmbiguousDataset(float[] images, byte[] labels, int count, int channels, int height, int width,
        int annotators, int classes, string[]? ids = null, string[]? groups = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (count < 0 || channels < 1 || height < 1 || width < 1)
            throw new ArgumentException($"Invalid shape [N={count}, C={channels}, H={height}, W={width}].");
        if (annotators < 1) throw new ArgumentException($"Annotator count must be at least 1, got {annotators}.", nameof(annotators));
        if (classes < 2) throw new ArgumentException($"Class count must be at least 2, got {classes}.", nameof(classes));
        if (images.LongLength != (long)count * channels * height * width)
            throw new ArgumentException($"Images hold {images.LongLength} values; shape [{count},{channels},{height},{width}] needs {(long)count * channels * height * width}.", nameof(images));
        if (labels.LongLength != (long)count * annotators * height * width)
            throw new ArgumentException($"Labels hold {labels.LongLength} values; shape [{count},{annotators},{height},{width}] needs {(long)count * annotators * height * width}.", nameof(labels));
        if (ids is not null && ids.Length != count) throw new ArgumentException($"{ids.Length} ids for {count} images.", nameof(ids));
        if (groups is not null && groups.Length != count) throw new ArgumentException($"{groups.Length} groups for {count} images.", nameof(groups));
        Images = images;
        Labels = labels;
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        Annotators = annotators;
        Classes = classes;
        Ids = ids ?? Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Groups = groups ?? Ids;
    }

    /// <summary>Float pixels <c>[N, C, H, W]</c>.</summary>
    public float[] Images { get; }
    /// <summary>Class ids <c>[N, A, H, W]</c>.</summary>
    public byte[] Labels { get; }
    /// <summary>Number of images N.</summary>
    public int Count { get; }
    /// <summary>Channels C.</summary>
    public int Channels { get; }
    /// <summary>Height H.</summary>
    public int Height { get; }
    /// <summary>Width W.</summary>
    public int Width { get; }
    /// <summary>Annotator slots A.</summary>
    public int Annotators { get; }
    /// <summary>Number of classes K.</summary>
    public int Classes { get; }
    /// <summary>Id of each image.</summary>
    public string[] Ids { get; }
    /// <summary>Group of each image (e.g. patient), used for group-level splits.</summary>
    public string[] Groups { get; }

    /// <summary>Pixels per image plane, H·W.</summary>
    public int PixelCount => Height * Width;
    /// <summary>Values per image, C·H·W.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The pixels of image <paramref name="index"/>, <c>[C, H, W]</c>.</summary>
    public ReadOnlySpan<float> Image(int index) => Images.AsSpan(index * ImageSize, ImageSize);

    /// <summary>All annotator slots of image <paramref name="index"/>, <c>[A, H, W]</c>.</summary>
    public ReadOnlySpan<byte> Annotations(int index) => Labels.AsSpan(index * Annotators * PixelCount, Annotators * PixelCount);

    /// <summary>Annotator slot <paramref name="annotator"/> of image <paramref name="index"/>, <c>[H, W]</c>.</summary>
    public ReadOnlySpan<byte> Annotation(int index, int annotator) =>
        Labels.AsSpan((index * Annotators + annotator) * PixelCount, PixelCount);

    /// <summary>Whether slot <paramref name="annotator"/> of image <paramref name="index"/> holds an annotation.</summary>
    public bool HasAnnotation(int index, int annotator) => IsPresent(Annotation(index, annotator));

    /// <summary>The annotator slots of image <paramref name="index"/> that hold an annotation.</summary>
    public int[] PresentAnnotators(int index)
    {
        var present = new List<int>(Annotators);
        for (int a = 0; a < Annotators; a++)
            if (HasAnnotation(index, a)) present.Add(a);
        return present.ToArray();
    }

    /// <summary>A slot is absent when its first pixel carries <see cref="MissingAnnotation"/> (readers write whole slots).</summary>
    public static bool IsPresent(ReadOnlySpan<byte> mask) => mask.Length > 0 && mask[0] != MissingAnnotation;

    /// <summary>A new dataset with the images at <paramref name="indices"/> (copied, in that order).</summary>
    public AmbiguousDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int n = indices.Count;
        var images = new float[(long)n * ImageSize];
        var labels = new byte[(long)n * Annotators * PixelCount];
        var ids = new string[n];
        var groups = new string[n];
        int labelSize = Annotators * PixelCount;
        for (int k = 0; k < n; k++)
        {
            int i = indices[k];
            if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(indices), $"Index {i} is outside [0, {Count}).");
            Image(i).CopyTo(images.AsSpan(k * ImageSize, ImageSize));
            Annotations(i).CopyTo(labels.AsSpan(k * labelSize, labelSize));
            ids[k] = Ids[i];
            groups[k] = Groups[i];
        }
        return new AmbiguousDataset(images, labels, n, Channels, Height, Width, Annotators, Classes, ids, groups);
    }

    /// <summary>The first <paramref name="count"/> images (or all, if fewer).</summary>
    public AmbiguousDataset Take(int count) => Subset(Enumerable.Range(0, Math.Min(count, Count)).ToArray());
}
