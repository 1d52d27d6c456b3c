namespace ProbSeg.ML.Estimators;

/// <summary>
/// How well a model's distribution of segmentations matches the annotators, averaged over images
/// (<c>mlContext.Segmentation().Evaluate</c>).
/// </summary>
/// <remarks>
/// Computed by the engine's metric library (<c>ProbSeg.ML.Metrics</c>). Default conventions (PHiSeg <c>utils.py</c>,
/// anchors §0): d = 1 − IoU averaged over the foreground classes; a pair with no foreground in either mask has IoU 1;
/// GED and the diversities are V-statistics over all pairs; absent annotator slots are skipped. Images with no present
/// annotator are skipped; under <see cref="Metrics.EmptyPairConvention.Exclude"/> an image whose score is undefined is
/// left out of that score's mean.
/// </remarks>
public sealed class SegmentationMetrics
{
    internal SegmentationMetrics(double ged, double sampleDiversity, double annotatorDiversity, double hungarianIoU, double diceOfMean,
        int count, double[] gedPerImage)
    {
        Ged = ged;
        SampleDiversity = sampleDiversity;
        AnnotatorDiversity = annotatorDiversity;
        HungarianIoU = hungarianIoU;
        DiceOfMean = diceOfMean;
        Count = count;
        GedPerImage = gedPerImage;
    }

    /// <summary>Generalised energy distance D²_GED = 2·E d(S, Y) − E d(S, S') − E d(Y, Y') (lower is better).</summary>
    public double Ged { get; }

    /// <summary>Mean d(S, S') between samples: how varied the model's segmentations are.</summary>
    public double SampleDiversity { get; }

    /// <summary>Mean d(Y, Y') between annotators: how much the experts disagree.</summary>
    public double AnnotatorDiversity { get; }

    /// <summary>
    /// Hungarian-matched IoU between the samples and the annotations, the annotations repeated to the number of
    /// samples (Kohl et al. 2019, HM-IoU; higher is better).
    /// </summary>
    public double HungarianIoU { get; }

    /// <summary>
    /// Dice of the predicted label map (arg-max of the mean probabilities) against the strict majority vote of the present
    /// annotators (a pixel takes a class when more than half of them chose it, else background), averaged over the
    /// foreground classes; a pair with no foreground scores 1 (higher is better).
    /// </summary>
    public double DiceOfMean { get; }

    /// <summary>Number of images scored.</summary>
    public int Count { get; }

    /// <summary>GED of each scored image, in row order.</summary>
    public IReadOnlyList<double> GedPerImage { get; }
}
