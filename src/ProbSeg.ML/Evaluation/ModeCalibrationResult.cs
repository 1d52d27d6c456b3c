using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>Mode-frequency calibration of one image.</summary>
/// <param name="Group">Index of the image's <see cref="ModeGroup"/>.</param>
/// <param name="AssignedModes">The mode id (in the image's <see cref="ImageModes.Distribution"/>) of each sample, −1 when unassigned.</param>
/// <param name="Frequencies">Predicted frequency and true probability of each category of the group.</param>
public sealed record ModeCalibrationResult(int Group, IReadOnlyList<int> AssignedModes, ModeFrequencyResult Frequencies);
