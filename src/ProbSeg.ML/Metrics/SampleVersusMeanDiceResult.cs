namespace ProbSeg.ML.Metrics;

/// <summary>How the samples' Dice compares with the mean prediction's Dice, for one image.</summary>
/// <param name="FractionBetter">Share of the defined (sample, annotator, foreground class) comparisons where the sample's Dice is strictly higher; NaN when none is defined.</param>
/// <param name="MedianGain">Mean over (annotator, class) of the median over samples of (sample Dice − mean Dice), SSN's <c>median_gain</c>; NaN when undefined.</param>
/// <param name="Comparisons">Defined comparisons (both Dice values defined).</param>
/// <param name="Better">Comparisons the sample won.</param>
/// <param name="MeanDicePerClass">Dice of the mean prediction per class 0..K−1, averaged over present annotators (both-empty excluded); NaN where undefined.</param>
public sealed record SampleVersusMeanDiceResult(double FractionBetter, double MedianGain, int Comparisons, int Better,
    IReadOnlyList<double> MeanDicePerClass);
