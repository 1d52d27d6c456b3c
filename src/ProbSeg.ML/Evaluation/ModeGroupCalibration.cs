using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>Mode-frequency calibration of one group of images (the bisector plot of Kohl et al.).</summary>
/// <param name="Group">The group and its mode names.</param>
/// <param name="Images">Images of the group accumulated.</param>
/// <param name="Summary">Per mode category: mean true probability against mean predicted frequency over the group's images.</param>
public sealed record ModeGroupCalibration(ModeGroup Group, int Images, ModeFrequencySummary Summary);
