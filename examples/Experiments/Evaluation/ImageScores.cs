namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>The metrics of one image.</summary>
/// <param name="GedFew">GED with the first <see cref="EvaluationSettings.FewSamples"/> samples (GED₁₆).</param>
/// <param name="GedMany">GED with all <see cref="EvaluationSettings.Samples"/> samples (GED₁₀₀).</param>
/// <param name="HmIou">Hungarian-matched IoU of the first <see cref="EvaluationSettings.FewSamples"/> samples (HM-IoU₁₆).</param>
/// <param name="Diversity">Sample diversity E d(S,S') over all samples.</param>
/// <param name="TruthDiversity">The ground truth's own diversity E d(Y,Y').</param>
/// <param name="Dice">Dice of the predicted label (arg-max of the mean) with the majority mask.</param>
public sealed record ImageScores(double GedFew, double GedMany, double HmIou, double Diversity, double TruthDiversity, double Dice);
