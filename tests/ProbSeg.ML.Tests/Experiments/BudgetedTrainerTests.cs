using ProbSeg.ML.Experiments.Training;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Tests.Support;

namespace ProbSeg.ML.Tests.Experiments;

[TestClass]
public sealed class BudgetedTrainerTests
{
    [TestMethod]
    public void StepBudgetStopsAtExactlyThatStep()
    {
        var data = TinyData.Squares(16);
        TorchSharp.torch.random.manual_seed(1);
        using var model = new DeterministicUNet(new DeterministicUNetConfig(1, 2, UNetConfig.Small));

        // 7 steps of batch 4 cross an epoch boundary (4 steps per epoch), so the epoch limit must not end it early.
        BudgetedRun run = BudgetedTrainer.Train(model, data, new TrainingBudget(null, 7), batchSize: 4, learningRate: 1e-3, seed: 1);

        Assert.AreEqual(7, run.Steps);
        Assert.AreEqual("steps", run.StoppedBy);
        Assert.IsFalse(model.training);
    }

    [TestMethod]
    public void TimeBudgetEndsTrainingBetweenSteps()
    {
        var data = TinyData.Squares(16);
        TorchSharp.torch.random.manual_seed(1);
        using var model = new DeterministicUNet(new DeterministicUNetConfig(1, 2, UNetConfig.Small));

        // A one-tick CPU budget is spent by the first step; the run must stop there instead of running a million steps.
        BudgetedRun run = BudgetedTrainer.Train(model, data, new TrainingBudget(TimeSpan.FromTicks(1), 1_000_000),
            batchSize: 4, learningRate: 1e-3, seed: 1);

        Assert.AreEqual(1, run.Steps);
        Assert.AreEqual("time", run.StoppedBy);
        Assert.IsTrue(double.IsFinite(run.FinalLoss));
        Assert.IsFalse(model.training);
    }
}
