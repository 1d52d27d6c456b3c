using Microsoft.ML;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.LoadCheck;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>Seeding, device choice, logging and validation behave as ML.NET users expect.</summary>
[TestClass]
public sealed class TrainerBehaviourTests
{
    private static string[] TrainAndHash(MLContext ml, DeterministicUNetOptions options)
    {
        var train = EstimatorTestData.SquaresView(ml, 8);
        using var model = ml.Segmentation().Trainers.DeterministicUNet(options).Fit(train);
        return OutputHashes.Compute(model.Transform(EstimatorTestData.SquaresView(ml, 2, seed: 7))).Select(h => h.Hash).ToArray();
    }

    [TestMethod]
    public void SeedComesFromTheMLContext()
    {
        var options = EstimatorTestData.FastOptions(seed: null);
        options.Epochs = 1;
        string[] first = TrainAndHash(new MLContext(seed: 5), options);
        string[] again = TrainAndHash(new MLContext(seed: 5), options);
        string[] other = TrainAndHash(new MLContext(seed: 6), options);
        CollectionAssert.AreEqual(first, again, "the same MLContext seed trains the same model");
        Assert.AreNotEqual(first[0], other[0], "another MLContext seed initialises other weights");
    }

    [TestMethod]
    public void GpuRequestedWithoutCudaAndWithoutFallbackThrows()
    {
        if (TorchSharp.torch.cuda.is_available()) Assert.Inconclusive("CUDA is available on this machine.");
        var ml = new MLContext(seed: 1) { GpuDeviceId = 0, FallbackToCpu = false };
        var e = Assert.ThrowsExactly<InvalidOperationException>(() =>
            ml.Segmentation().Trainers.DeterministicUNet(EstimatorTestData.FastOptions()).Fit(EstimatorTestData.SquaresView(ml, 2)));
        StringAssert.Contains(e.Message, "MLContext.GpuDeviceId is 0 but CUDA is not available");
    }

    [TestMethod]
    public void GpuFallbackWarnsThroughMLContextLogAndTrainsOnCpu()
    {
        if (TorchSharp.torch.cuda.is_available()) Assert.Inconclusive("CUDA is available on this machine.");
        var ml = new MLContext(seed: 1) { GpuDeviceId = 0, FallbackToCpu = true };
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) messages.Add(e.Message); };
        var options = EstimatorTestData.FastOptions();
        options.Epochs = 1;
        options.LogEvery = 1;
        using var model = ml.Segmentation().Trainers.DeterministicUNet(options).Fit(EstimatorTestData.SquaresView(ml, 8));
        Assert.AreEqual("cpu", model.Device);
        string log = string.Join("\n", messages);
        StringAssert.Contains(log, "falling back to the CPU");
        StringAssert.Contains(log, "DeterministicUNet: 8 images [1, 16, 16], 2 annotator slots, 2 classes");
        StringAssert.Contains(log, "epoch 0 step 1: loss");
    }

    [TestMethod]
    public void ValidationSetIsScoredByGedAndReported()
    {
        var ml = new MLContext(seed: 1);
        var progress = new List<TrainingProgress>();
        var options = EstimatorTestData.FastOptions();
        options.Epochs = 2;
        options.ValidationSet = EstimatorTestData.SquaresView(ml, 4, seed: 8);
        options.ValidationSamples = 2;
        options.Progress = progress.Add;
        using var model = ml.Segmentation().Trainers.DeterministicUNet(options).Fit(EstimatorTestData.SquaresView(ml, 16));
        var scores = progress.Where(p => p.ValidationScore is not null).Select(p => p.ValidationScore!.Value).ToArray();
        Assert.HasCount(2, scores, "validated once per epoch");
        Assert.IsTrue(scores.All(s => s is >= 0 and <= 2), string.Join(", ", scores));
        Assert.IsTrue(progress.Any(p => p.ValidationScore is null && p.Terms.ContainsKey("ce")), "per-step progress carries the loss terms");
    }

    [TestMethod]
    public void ValidationSetWithAnotherImageShapeIsRejected()
    {
        var ml = new MLContext(seed: 1);
        var options = EstimatorTestData.FastOptions();
        options.ValidationSet = ml.Segmentation().Data.FromDataset(Support.TinyData.Squares(2, size: 32));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ml.Segmentation().Trainers.DeterministicUNet(options).Fit(EstimatorTestData.SquaresView(ml, 4)));
        StringAssert.Contains(e.Message, "expected shape [1, 16, 16] (as the training data), got a vector with dimensions [1, 32, 32]");
        Assert.AreEqual("validationData", e.ParamName);
    }
}
