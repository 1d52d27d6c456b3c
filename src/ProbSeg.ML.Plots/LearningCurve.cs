using ProbSeg.ML.Training;

namespace ProbSeg.ML.Plots;

/// <summary>What a learning-curve figure shows: the loss of every step, named loss terms per step (e.g. <c>ce</c>,
/// <c>kl</c>), and the validation scores.</summary>
/// <param name="Loss">Total loss of every step, in order.</param>
/// <param name="Terms">Each loss term's value at every step (one panel each).</param>
/// <param name="Validation">(step, score) of every validation.</param>
/// <param name="ValidationName">What the validation score is (GED by default in the trainers).</param>
public sealed record LearningCurve(IReadOnlyList<double> Loss, IReadOnlyDictionary<string, IReadOnlyList<double>> Terms,
    IReadOnlyList<(int Step, double Score)> Validation, string ValidationName = "validation GED")
{
    /// <summary>The curve of a finished run; <paramref name="terms"/> adds the per-step loss terms it recorded.</summary>
    public static LearningCurve From(TrainingReport report, TrainingTermRecorder? terms = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new LearningCurve(report.LossHistory, terms?.Terms ?? new Dictionary<string, IReadOnlyList<double>>(), report.ValidationHistory);
    }
}
