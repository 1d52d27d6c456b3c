using ProbSeg.ML.Estimators;

namespace Microsoft.ML;

/// <summary>Adds probabilistic segmentation to <see cref="MLContext"/> (in ML.NET's namespace, as ML.NET's own add-on catalogs).</summary>
public static class MLContextSegmentationExtensions
{
    /// <summary>
    /// The probabilistic segmentation catalog: trainers that learn a distribution of segmentations from multi-annotator
    /// data, data loading and conversion, and evaluation (GED, diversity, HM-IoU, Dice).
    /// </summary>
    /// <param name="mlContext">The ML.NET context; its seed, log and GPU settings apply.</param>
    public static SegmentationCatalog Segmentation(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new SegmentationCatalog(mlContext);
    }
}
