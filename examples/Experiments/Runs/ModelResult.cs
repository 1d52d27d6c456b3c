using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Training;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>One model's outcome: trained and evaluated, or the reason it failed.</summary>
/// <param name="Entry">The model.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Training">The training run (null if it failed).</param>
/// <param name="Evaluation">The evaluation (null if training failed).</param>
/// <param name="FigurePath">The sample grid PNG (null if none was written).</param>
/// <param name="Failure">Why the model has no results, or null.</param>
/// <param name="Retried">Whether a native error ended the first attempt and these results come from a second run.</param>
public sealed record ModelResult(ModelEntry Entry, long Parameters, BudgetedRun? Training, ModelEvaluation? Evaluation,
    string? FigurePath, string? Failure, bool Retried = false);
