namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>What a figure shows of one image's prediction.</summary>
/// <param name="MeanForeground">1 − mean P(background), <c>[H·W]</c>.</param>
/// <param name="Samples">The first few sampled label maps, each <c>[H·W]</c>.</param>
/// <param name="Uncertainty">Predictive entropy in bits, <c>[H·W]</c>.</param>
public sealed record PredictionView(float[] MeanForeground, IReadOnlyList<byte[]> Samples, float[] Uncertainty);
