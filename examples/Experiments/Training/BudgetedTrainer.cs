using System.Diagnostics;
using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Experiments.Training;

/// <summary>
/// Runs <see cref="SegmentationTrainer"/> under a <see cref="TrainingBudget"/>: the step limit is the trainer's
/// <see cref="TrainingOptions.MaxSteps"/>; the CPU-time limit is checked after every step through the progress
/// callback, which ends the run between two steps.
/// </summary>
public static class BudgetedTrainer
{
    /// <summary>Trains <paramref name="model"/> in place and leaves it in evaluation mode.</summary>
    /// <param name="model">An untrained model.</param>
    /// <param name="train">Training data.</param>
    /// <param name="budget">The limits.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="seed">Seed of batch order and annotator draws.</param>
    /// <param name="log">Receives progress lines.</param>
    /// <param name="device">Torch device to train on.</param>
    public static BudgetedRun Train(SegmentationModel model, AmbiguousDataset train, TrainingBudget budget,
        int batchSize, double learningRate, int seed, Action<string>? log = null, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(budget);
        budget.Validate();
        var losses = new List<double>();
        var watch = new Stopwatch();
        TimeSpan cpuStart = Environment.CpuUsage.TotalTime;
        TimeSpan Cpu() => Environment.CpuUsage.TotalTime - cpuStart;
        TimeSpan Used() => budget.WallClock ? watch.Elapsed : Cpu();
        var options = new TrainingOptions
        {
            Epochs = 0,                                  // no epoch limit: the budget ends training
            MaxSteps = budget.Steps ?? int.MaxValue,
            BatchSize = batchSize,
            LearningRate = learningRate,
            Seed = seed,
            Device = device,
            LogEvery = 0,
            Progress = p =>
            {
                if (p.ValidationScore is not null) return;
                losses.Add(p.Loss);
                if (p.Step % 100 == 0)
                    log?.Invoke($"step {p.Step}: loss {RecentMean(losses):F4} ({Cpu().TotalSeconds:F0} s CPU, {watch.Elapsed.TotalSeconds:F0} s wall)");
                if (budget.CpuTime is { } limit && Used() >= limit) throw new BudgetReached();
            },
        };
        string stoppedBy = "steps";
        watch.Start();
        try
        {
            SegmentationTrainer.Train(model, train, options);
        }
        catch (BudgetReached)
        {
            // Thrown between steps, after the optimiser step and outside native code: the weights are consistent.
            stoppedBy = "time";
        }
        watch.Stop();
        model.eval();
        return new BudgetedRun(losses.Count, watch.Elapsed, Cpu(), RecentMean(losses), stoppedBy);
    }

    private static double RecentMean(List<double> losses)
    {
        if (losses.Count == 0) return double.NaN;
        int n = Math.Min(50, losses.Count);
        return losses.Skip(losses.Count - n).Average();
    }

    /// <summary>Ends a run when its time is up; never escapes <see cref="Train"/>.</summary>
    private sealed class BudgetReached : Exception;
}
