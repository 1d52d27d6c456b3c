namespace ProbSeg.ML.Metrics;

/// <summary>Predicted mode frequencies of one image against the true mode probabilities.</summary>
/// <param name="PredictedFrequency">Share of the samples assigned to each mode.</param>
/// <param name="TrueProbability">The true probability of each mode (as given).</param>
/// <param name="UnassignedFraction">Share of the samples assigned to no mode (id −1).</param>
public sealed record ModeFrequencyResult(IReadOnlyList<double> PredictedFrequency, IReadOnlyList<double> TrueProbability,
    double UnassignedFraction);
