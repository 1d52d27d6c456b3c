using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Runs;
using ProbSeg.ML.Experiments.Training;

namespace ProbSeg.ML.Tests.Experiments;

[TestClass]
public sealed class ExperimentArgumentsTests
{
    private static readonly HashSet<string> Allowed = ["seed", "models", "minutes-per-model"];

    [TestMethod]
    public void ParsesValuesListsAndEqualsForm()
    {
        var args = ExperimentArguments.Parse(["synthetic", "--seed", "7", "--models=det,punet", "--minutes-per-model", "0.5"], Allowed);

        Assert.AreEqual("synthetic", args.Command);
        Assert.AreEqual(7, args.Int("seed", 1));
        Assert.AreEqual(0.5, args.Double("minutes-per-model", 3));
        CollectionAssert.AreEqual(new[] { "det", "punet" }, args.List("models")!.ToArray());
    }

    [TestMethod]
    public void TyposAndBadValuesAreErrorsNamingTheOption()
    {
        var typo = Assert.ThrowsExactly<ArgumentException>(() => ExperimentArguments.Parse(["synthetic", "--sed", "7"], Allowed));
        StringAssert.Contains(typo.Message, "--sed");
        var bad = ExperimentArguments.Parse(["synthetic", "--seed", "seven"], Allowed);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => bad.Int("seed", 1)).Message, "--seed");
        var unknownModel = Assert.ThrowsExactly<ArgumentException>(() => ModelRegistry.Select(["det", "unet++"]));
        StringAssert.Contains(unknownModel.Message, "unet++");
    }

    [TestMethod]
    public void ACudaDeviceWithoutCudaIsAnErrorNamingTheOption()
    {
        if (TorchSharp.torch.cuda.is_available()) Assert.Inconclusive("CUDA is available on this machine.");
        var args = ExperimentArguments.Parse(["lidc", "--device", "cuda", "--out", Path.GetTempPath()], CommonOptions.Names.ToHashSet());

        var e = Assert.ThrowsExactly<ArgumentException>(() => CommonOptions.Read(args, defaultMinutes: 1));

        StringAssert.Contains(e.Message, "--device cuda");
        var auto = CommonOptions.Read(ExperimentArguments.Parse(["lidc", "--out", Path.GetTempPath()], CommonOptions.Names.ToHashSet()), 1);
        Assert.AreEqual("cpu", auto.Device);
        Assert.AreEqual("1 CPU-minute per model", auto.Budget.ToString());
    }

    [TestMethod]
    public void AGpuBudgetSaysItCountsWallClockTime()
    {
        var budget = new TrainingBudget(TimeSpan.FromMinutes(10), null) { WallClock = true };

        Assert.AreEqual("10 GPU-minutes (wall-clock) per model", budget.ToString());
    }
}
