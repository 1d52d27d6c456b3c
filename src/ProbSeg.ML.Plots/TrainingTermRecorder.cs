using ProbSeg.ML.Training;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Records every step's loss terms from <see cref="TrainingOptions.Progress"/> (the <see cref="TrainingReport"/> keeps
/// only the total loss), for <see cref="LearningCurve"/>.
/// </summary>
/// <example><code>
/// var terms = new TrainingTermRecorder();
/// options.Progress = terms.Record;
/// var report = SegmentationTrainer.Train(model, train, options);
/// LearningCurveFigure.Save(LearningCurve.From(report, terms), "curve.png");
/// </code></example>
public sealed class TrainingTermRecorder
{
    private readonly Dictionary<string, List<double>> _terms = [];

    /// <summary>Each term's value per step, in step order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Terms =>
        _terms.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value.ToArray());

    /// <summary>Takes one progress report; validation reports (no terms) are ignored.</summary>
    public void Record(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.ValidationScore is not null) return;
        foreach (var (name, value) in progress.Terms)
        {
            if (!_terms.TryGetValue(name, out var list)) _terms[name] = list = [];
            list.Add(value);
        }
    }
}
