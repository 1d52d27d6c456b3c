namespace ProbSeg.ML.Data.Readers;

/// <summary>Options every dataset reader understands: which rows, how to scale pixels, and an optional centre crop and
/// average-pool downsampling for quick CPU runs.</summary>
/// <remarks>Geometry is applied first (crop, then pool), scaling last, so <see cref="ImageScaling.PerImageStandardise"/>
/// sees the final image. Labels are cropped the same way and pooled by majority vote per block, ties going to the higher
/// class id so thin foreground survives.</remarks>
public class DatasetReadOptions
{
    /// <summary>Pixel scaling; <see cref="ImageScaling.UnitRange"/> by default (PHiSeg and SSN use
    /// <see cref="ImageScaling.CenteredHalf"/> on LIDC).</summary>
    public ImageScaling Scaling { get; set; } = ImageScaling.UnitRange;

    /// <summary>Images to skip from the start (in the reader's order).</summary>
    public int Skip { get; set; }

    /// <summary>The most images to read after <see cref="Skip"/>; all when null.</summary>
    public int? MaxCount { get; set; }

    /// <summary>Centre-crop images and masks to a square of this side (offset ⌊(size − crop)/2⌋, as numpy's
    /// <c>[26:-26]</c> takes 128 from 180); no crop when null.</summary>
    public int? CropSize { get; set; }

    /// <summary>Downsample by this integer factor after cropping: images by block average, labels by block majority.
    /// 1 (default) keeps the size.</summary>
    public int PoolFactor { get; set; } = 1;

    /// <summary>How stored mask values become class ids (readers of fixed formats ignore it).</summary>
    public MaskValues MaskValues { get; set; } = MaskValues.Auto;

    /// <summary>Number of classes K; inferred as max(2, largest id + 1) when null. A label ≥ K is an error.</summary>
    public int? Classes { get; set; }

    internal (int Start, int Count) Range(int total, string source)
    {
        if (Skip < 0) throw new ArgumentOutOfRangeException(nameof(Skip), Skip, "Skip cannot be negative.");
        if (MaxCount is < 0) throw new ArgumentOutOfRangeException(nameof(MaxCount), MaxCount, "MaxCount cannot be negative.");
        if (Skip > total) throw new ArgumentOutOfRangeException(nameof(Skip), Skip, $"{source} holds {total} images; cannot skip {Skip}.");
        return (Skip, Math.Min(MaxCount ?? int.MaxValue, total - Skip));
    }
}
