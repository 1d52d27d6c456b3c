namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>A model's scores on a test set and the predictions kept for figures.</summary>
/// <param name="Scores">Per-image scores, in test order.</param>
/// <param name="Summary">Their summaries.</param>
/// <param name="Views">Predictions of the figure images, by test index.</param>
/// <param name="Elapsed">Wall-clock time of sampling and scoring.</param>
public sealed record ModelEvaluation(IReadOnlyList<ImageScores> Scores, ScoreSummary Summary,
    IReadOnlyDictionary<int, PredictionView> Views, TimeSpan Elapsed);
