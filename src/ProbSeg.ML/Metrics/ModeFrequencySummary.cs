namespace ProbSeg.ML.Metrics;

/// <summary>Mode-frequency calibration over a data set.</summary>
/// <param name="Modes">One bisector-plot point per mode.</param>
/// <param name="MeanAbsoluteError">Mean over modes of |predicted frequency − true probability| (of the per-mode means).</param>
/// <param name="UnassignedFraction">Per-image share of samples that matched no mode, and its mean.</param>
public sealed record ModeFrequencySummary(IReadOnlyList<ModeCalibrationPoint> Modes, double MeanAbsoluteError, MetricSummary UnassignedFraction);
