namespace ProbSeg.ML.Metrics;

/// <summary>Uncertainty analysis of one image (Czolbe et al.).</summary>
/// <param name="UncertaintyMap">Entropy of the mean prediction in bits per pixel <c>[H·W]</c>.</param>
/// <param name="Breakdown">Uncertainty by TP/TN/FP/FN on consensus pixels and by annotator agreement.</param>
/// <param name="ErrorCorrelation">Mean over draws of Pearson r(uncertainty, pixel error of a sample vs a random annotator); NaN when no draw is defined.</param>
/// <param name="UndefinedCorrelations">Draws left out because a map was constant (r undefined).</param>
public sealed record UncertaintyAnalysisResult(float[] UncertaintyMap, UncertaintyBreakdown Breakdown, double ErrorCorrelation,
    int UndefinedCorrelations);
