namespace ProbSeg.ML.Metrics;

/// <summary>Samples versus the mean prediction over a data set.</summary>
/// <param name="PooledFractionBetter">Won comparisons over all defined comparisons of all images.</param>
/// <param name="FractionBetter">Per-image share of won comparisons, and its mean.</param>
/// <param name="MedianGain">Per-image median Dice gain, and its mean (SSN's <c>median_gain_mean</c>).</param>
/// <param name="MeanDicePerClass">For each class 0..K−1, the mean prediction's Dice per image and its mean.</param>
public sealed record SampleVersusMeanDiceSummary(double PooledFractionBetter, MetricSummary FractionBetter,
    MetricSummary MedianGain, IReadOnlyList<MetricSummary> MeanDicePerClass);
