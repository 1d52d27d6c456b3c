using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>Per-metric summaries (mean, standard error, per-image values) of one model on a test set.</summary>
public sealed record ScoreSummary(MetricSummary GedFew, MetricSummary GedMany, MetricSummary HmIou, MetricSummary Diversity,
    MetricSummary TruthDiversity, MetricSummary Dice)
{
    /// <summary>Summarises per-image scores, in image order.</summary>
    public static ScoreSummary From(IReadOnlyList<ImageScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        MetricSummary Of(Func<ImageScores, double> pick) => MetricSummary.FromValues(scores.Select(pick).ToArray());
        return new ScoreSummary(Of(s => s.GedFew), Of(s => s.GedMany), Of(s => s.HmIou), Of(s => s.Diversity),
            Of(s => s.TruthDiversity), Of(s => s.Dice));
    }
}
