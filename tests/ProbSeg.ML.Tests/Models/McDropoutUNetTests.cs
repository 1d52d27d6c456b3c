using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Tests.Support;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class McDropoutUNetTests
{
    private static readonly AmbiguousDataset Data = TinyData.Squares(8, annotators: 2);

    private static McDropoutUNet NewModel()
    {
        torch.random.manual_seed(1);
        return new McDropoutUNet(new McDropoutUNetConfig(1, 2, UNetConfig.Small));
    }

    [TestMethod]
    public void TrainsWithFiniteLoss()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data);
    }

    [TestMethod]
    public void SamplingKeepsDropoutOnAndBatchNormInInferenceMode()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data); // non-trivial running statistics
        var norms = model.modules().OfType<BatchNorm2d>().ToList();
        Assert.IsTrue(norms.Count > 0);
        Assert.IsTrue(model.DropoutModules.Count > model.Config.UNet.Levels, "dropout before every block and the head");
        float[][] statsBefore = norms.Select(n => n.running_mean!.data<float>().ToArray()).ToArray();

        Tensor images = ModelChecks.Images(Data, 3);
        Tensor logits = ModelChecks.Sample(model, images, samples: 4, seed: 2);
        CollectionAssert.AreEqual(new long[] { 4, 3, 2, 16, 16 }, logits.shape);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[0], logits[1]) > 1e-4, "dropout samples are identical");

        for (int i = 0; i < norms.Count; i++)
            CollectionAssert.AreEqual(statsBefore[i], norms[i].running_mean!.data<float>().ToArray(), $"BatchNorm {i} running mean moved while sampling");
        Assert.IsTrue(model.modules().All(m => !m.training), "a module was left in training mode after sampling");
        using (no_grad())
            Assert.IsTrue(ModelChecks.MaxAbsDiff(model.Logits(images), model.Logits(images)) < 1e-6, "dropout still active outside sampling");
    }

    [TestMethod]
    public void ChunkedSamplePassesKeepShapeAndDrawFreshMasks()
    {
        using var model = NewModel();
        model.MaxPixelsPerPass = 2 * 16 * 16;        // one sample of both images per pass
        Tensor logits = ModelChecks.Sample(model, ModelChecks.Images(Data, 2), samples: 3, seed: 2);
        CollectionAssert.AreEqual(new long[] { 3, 2, 2, 16, 16 }, logits.shape);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[1], logits[2]) > 1e-4, "samples from different passes are identical");
    }

    [TestMethod]
    public void ReloadedModelDrawsTheSameSamples()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2);
        ModelChecks.AssertReloadGivesSameSamples(model, ModelChecks.Images(Data, 2));
    }
}
