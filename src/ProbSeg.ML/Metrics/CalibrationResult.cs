namespace ProbSeg.ML.Metrics;

/// <summary>Class-wise calibration of one image's mean prediction.</summary>
/// <param name="Ece">Mean over classes of <paramref name="EcePerClass"/> (how SSN averages its per-image ECE vectors); NaN without annotators.</param>
/// <param name="UnweightedEce">Mean over classes of <paramref name="UnweightedEcePerClass"/>.</param>
/// <param name="EcePerClass">Expected calibration error of each class 0..K−1.</param>
/// <param name="UnweightedEcePerClass">Mean |confidence − accuracy| over non-empty bins, per class (SSN's <c>unweighted_ece</c>).</param>
/// <param name="Diagram">The image's reliability-diagram bins.</param>
public sealed record CalibrationResult(double Ece, double UnweightedEce, IReadOnlyList<double> EcePerClass, IReadOnlyList<double> UnweightedEcePerClass,
    ReliabilityDiagram Diagram);
