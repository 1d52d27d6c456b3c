namespace ProbSeg.ML.Metrics;

/// <summary>One point of a mode-frequency bisector plot: a mode's mean true probability against its mean predicted frequency.</summary>
/// <param name="Mode">Mode id.</param>
/// <param name="TrueProbability">Mean over images of the mode's true probability.</param>
/// <param name="PredictedFrequency">Mean over images of the share of samples assigned to the mode.</param>
/// <param name="PredictedStandardDeviation">Population standard deviation of that share over images.</param>
public readonly record struct ModeCalibrationPoint(int Mode, double TrueProbability, double PredictedFrequency, double PredictedStandardDeviation);
