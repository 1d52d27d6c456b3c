using ProbSeg.ML.Data;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Training;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>Everything one comparison needs: data, truth, models, budget and where figures go.</summary>
/// <param name="Train">Training set.</param>
/// <param name="Test">Held-out images.</param>
/// <param name="Truth">Ground truth of each test image.</param>
/// <param name="Models">The models to compare.</param>
/// <param name="Width">The shared backbone width.</param>
/// <param name="Budget">Training budget per model.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="Seed">Seed of weights (TorchSharp's generator is seeded with it before each model is built), batches and samples.</param>
/// <param name="Evaluation">Sample counts and conventions.</param>
/// <param name="FigureImages">Test indices shown in the figures.</param>
/// <param name="FigurePath">Path of a model's figure, from its registry name.</param>
/// <param name="Device">Torch device models train and sample on.</param>
public sealed record ComparisonSetup(
    AmbiguousDataset Train,
    AmbiguousDataset Test,
    IReadOnlyList<ImageTruth> Truth,
    IReadOnlyList<ModelEntry> Models,
    BackboneWidth Width,
    TrainingBudget Budget,
    int BatchSize,
    double LearningRate,
    int Seed,
    EvaluationSettings Evaluation,
    IReadOnlyList<int> FigureImages,
    Func<string, string> FigurePath,
    string Device = "cpu");
