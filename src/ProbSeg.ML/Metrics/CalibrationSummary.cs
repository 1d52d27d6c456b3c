namespace ProbSeg.ML.Metrics;

/// <summary>Calibration over a data set.</summary>
/// <param name="Ece">Per-image ECE (mean over classes) and its mean: SSN's reported <c>ece_mean</c>.</param>
/// <param name="UnweightedEce">Per-image unweighted ECE (mean over classes) and its mean.</param>
/// <param name="EcePerClass">For each class, the per-image ECE and its mean.</param>
/// <param name="Pooled">Reliability diagram of all pixels of all images, for plotting and for a pooled ECE
/// (<see cref="ReliabilityDiagram.ExpectedCalibrationError"/>).</param>
public sealed record CalibrationSummary(MetricSummary Ece, MetricSummary UnweightedEce, IReadOnlyList<MetricSummary> EcePerClass,
    ReliabilityDiagram Pooled);
