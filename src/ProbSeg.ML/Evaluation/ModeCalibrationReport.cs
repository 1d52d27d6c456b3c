using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>Mode-frequency calibration over a data set (Kohl et al. 2018, Cityscapes class-flip evaluation).</summary>
/// <param name="Assignment">How samples were assigned to modes.</param>
/// <param name="Groups">Per group of images, the bisector points of its mode categories.</param>
/// <param name="Points">Every (image, mode) pair: true probability and predicted frequency, for a scatter.</param>
/// <param name="UnassignedFraction">Per-image share of samples that matched no mode (always 0 with <see cref="ModeAssignment.NearestMode"/>), and its mean.</param>
/// <param name="PixelMarginals">
/// Pixel-wise marginal calibration: per class, pixels binned by the share of samples labelling them with the class
/// (the "confidence"), against the true marginal probability of the class at that pixel, Σ_modes p·[mask = class]
/// (the "accuracy"). Calibrated sampling puts every bin on the diagonal.
/// </param>
/// <param name="SwitchableClasses">Kohl's pixel-wise frequencies per switchable class (class-flip sets; empty otherwise).</param>
public sealed record ModeCalibrationReport(ModeAssignment Assignment, IReadOnlyList<ModeGroupCalibration> Groups,
    IReadOnlyList<ModeFrequencyPoint> Points, MetricSummary UnassignedFraction, ReliabilityDiagram PixelMarginals,
    IReadOnlyList<SwitchableClassFrequency> SwitchableClasses);
