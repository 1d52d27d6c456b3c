namespace ProbSeg.ML.Metrics;

/// <summary>Uncertainty analysis over a data set.</summary>
/// <param name="Breakdown">All pixels of all images, by condition and by annotator agreement.</param>
/// <param name="ErrorCorrelation">Per-image mean r(uncertainty, error) and its mean over images (Czolbe's <c>uncertainty_seg_error_correl</c>).</param>
/// <param name="UndefinedCorrelations">Draws over all images whose r was undefined (constant map) and left out.</param>
public sealed record UncertaintyAnalysisSummary(UncertaintyBreakdown Breakdown, MetricSummary ErrorCorrelation, int UndefinedCorrelations);
