using System.Runtime.InteropServices;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Reporting;
using ProbSeg.ML.Experiments.Training;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;
using TorchSharp;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>Trains and evaluates each model of a <see cref="ComparisonSetup"/> in turn, one at a time.</summary>
public static class ComparisonRunner
{
    /// <summary>Runs every model; <paramref name="afterEach"/> sees the results so far (to rewrite the report as they come).</summary>
    /// <param name="setup">The comparison.</param>
    /// <param name="figureRow">Builds a figure row from a test index and the model's prediction of it.</param>
    /// <param name="afterEach">Called with the results so far after every model.</param>
    public static IReadOnlyList<ModelResult> Run(ComparisonSetup setup, Func<int, PredictionView, FigureRow> figureRow,
        Action<IReadOnlyList<ModelResult>>? afterEach = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(figureRow);
        var results = new List<ModelResult>();
        var shape = new ModelShape(setup.Train.Channels, setup.Train.Classes, setup.Width);
        foreach (ModelEntry entry in setup.Models)
        {
            Console.WriteLine($"[{entry.Name}] training ({setup.Budget}) — load {MachineInfo.LoadAverage()}");
            results.Add(RunWithRetry(setup, entry, shape, figureRow));
            afterEach?.Invoke(results);
        }
        return results;
    }

    /// <summary>
    /// Runs one model; on a native LibTorch error, runs it once more from scratch (same seed, so the same trajectory).
    /// </summary>
    /// <remarks>
    /// Seen once here, in Adam's step after ~2,000 clean steps: <c>Expected false to be true</c> from
    /// <c>c10::Scalar::toFloat</c>, i.e. a Scalar argument whose tag was garbage. TorchSharp 0.107 passes temporary
    /// Scalars' handles to native calls without keeping the managed wrappers alive, so a garbage collection during the
    /// call can finalize one first: a rare, timing-dependent race that a rerun does not repeat.
    /// </remarks>
    private static ModelResult RunWithRetry(ComparisonSetup setup, ModelEntry entry, ModelShape shape, Func<int, PredictionView, FigureRow> figureRow)
    {
        try
        {
            return RunOne(setup, entry, shape, figureRow, retried: false);
        }
        catch (ExternalException e)
        {
            Console.WriteLine($"[{entry.Name}] native error, running the model again from scratch: {e.Message.Split('\n')[0]}");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            try
            {
                return RunOne(setup, entry, shape, figureRow, retried: true);
            }
            catch (ExternalException again)
            {
                return new ModelResult(entry, 0, null, null, null, $"native error twice: {again.Message.Split('\n')[0]}", Retried: true);
            }
        }
    }

    private static ModelResult RunOne(ComparisonSetup setup, ModelEntry entry, ModelShape shape, Func<int, PredictionView, FigureRow> figureRow,
        bool retried)
    {
        torch.random.manual_seed(setup.Seed);                 // weight init draws from the global generator
        using SegmentationModel model = entry.Create(shape);
        long parameters = model.parameters().Sum(p => p.numel());
        BudgetedRun run;
        try
        {
            run = BudgetedTrainer.Train(model, setup.Train, setup.Budget, setup.BatchSize, setup.LearningRate, setup.Seed,
                line => Console.WriteLine($"[{entry.Name}] {line}"), setup.Device);
        }
        catch (TrainingDivergedException e)
        {
            Console.WriteLine($"[{entry.Name}] diverged: {e.Message}");
            return new ModelResult(entry, parameters, null, null, null, e.Message, retried);
        }
        Console.WriteLine($"[{entry.Name}] {run.Steps} steps in {run.CpuTime.TotalSeconds:F0} s CPU, {run.Elapsed.TotalSeconds:F0} s wall (stopped by {run.StoppedBy}); evaluating");
        ModelEvaluation evaluation = ModelEvaluator.Evaluate(model, setup.Test, setup.Truth, setup.Evaluation, setup.FigureImages.ToHashSet(), setup.Device);
        string figure = setup.FigurePath(entry.Name);
        FigureWriter.Write(figure, setup.FigureImages.Select(i => figureRow(i, evaluation.Views[i])).ToArray(),
            setup.Test.Height, setup.Test.Width, setup.Test.Classes);
        var s = evaluation.Summary;
        Console.WriteLine($"[{entry.Name}] GED{setup.Evaluation.FewSamples} {s.GedFew.Mean:F4}  GED{setup.Evaluation.Samples} {s.GedMany.Mean:F4}  HM-IoU {s.HmIou.Mean:F4}  " +
            $"diversity {s.Diversity.Mean:F4}  Dice {s.Dice.Mean:F4}  ({evaluation.Elapsed.TotalSeconds:F0} s)");
        return new ModelResult(entry, parameters, run, evaluation, figure, null, retried);
    }
}
