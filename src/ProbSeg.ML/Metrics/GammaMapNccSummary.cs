namespace ProbSeg.ML.Metrics;

/// <summary>S_NCC over a data set.</summary>
/// <param name="Ncc">S_NCC per image and its mean over images with a defined value.</param>
/// <param name="UndefinedAnnotatorCount">(image, annotator) comparisons whose NCC was undefined (constant map), over all images.</param>
public sealed record GammaMapNccSummary(MetricSummary Ncc, int UndefinedAnnotatorCount);
