namespace ProbSeg.ML.Data.Readers;

/// <summary>How a reader maps stored pixel values to the floats models see.</summary>
public enum ImageScaling
{
    /// <summary>Divide by the storage range: 255 for 8-bit data, 65535 for 16-bit PNGs; float data is kept as is.</summary>
    UnitRange,
    /// <summary><see cref="UnitRange"/> minus 0.5, i.e. [−0.5, 0.5]: PHiSeg's LIDC input (<c>image - 0.5</c> in
    /// <c>data/batch_provider.py</c>; its per-image normalisation is discarded there, anchors.md §0.3).</summary>
    CenteredHalf,
    /// <summary>Per image, subtract the mean and divide by the standard deviation over all its pixels and channels
    /// (PHiSeg's <c>utils.normalise_image</c>); a constant image becomes all zeros.</summary>
    PerImageStandardise,
    /// <summary>Values as stored.</summary>
    None,
}
