using ProbSeg.ML.Data;
using ProbSeg.ML.Distributions;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class ProbabilisticUNetTests
{
    private static readonly AmbiguousDataset Data = TinyData.Squares(8, annotators: 2);

    private static ProbabilisticUNet NewModel(int warmup = 0)
    {
        torch.random.manual_seed(1); // weight init draws from the global generator
        return new ProbabilisticUNet(new ProbabilisticUNetConfig(1, 2, UNetConfig.Small, KlWarmupSteps: warmup));
    }

    private static TrainingBatch Batch(int count, int step = 0)
    {
        Tensor labels = ModelChecks.Labels(Data, count, 0);
        return new TrainingBatch(ModelChecks.Images(Data, count), labels, labels.unsqueeze(1), ones(count, 1, ScalarType.Bool), step);
    }

    [TestMethod]
    public void TrainsWithFiniteLoss()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data);
        model.train();
        LossResult loss = model.ComputeLoss(Batch(4));
        Assert.IsTrue(double.IsFinite(loss.Terms["ce"].item<float>()));
        Assert.IsTrue(loss.Terms["kl"].item<float>() >= 0);
    }

    [TestMethod]
    public void LossIsSummedCrossEntropyPlusBetaTimesKlOfPosteriorToPrior()
    {
        using var model = NewModel();
        model.train(); // batch statistics: recomputing prior and posterior on the same batch gives the same values
        TrainingBatch batch = Batch(4);
        LossResult loss = model.ComputeLoss(batch);
        DiagonalGaussian prior = model.Prior(batch.Images), posterior = model.Posterior(batch.Images, batch.Targets);
        double expected = DiagonalGaussian.KlDivergence(posterior, prior).mean().item<float>();
        double reversed = DiagonalGaussian.KlDivergence(prior, posterior).mean().item<float>();
        double kl = loss.Terms["kl"].item<float>();
        Assert.AreEqual(expected, kl, 1e-5 + 1e-4 * expected);
        Assert.IsTrue(Math.Abs(reversed - kl) > 1e-4, $"KL {kl} also matches the reversed direction {reversed}");
        // β = 1, no warm-up: total = CE + KL, with CE summed over 256 pixels (≈ 256·ln 2 at init, far above a pixel mean).
        double ce = loss.Terms["ce"].item<float>();
        Assert.AreEqual(ce + kl, loss.Total.item<float>(), 1e-3);
        Assert.IsTrue(ce > 50, $"CE {ce} looks like a pixel mean, not a per-image sum");
    }

    [TestMethod]
    public void KlWarmupRampsBetaLinearlyFromZero()
    {
        using var model = NewModel(warmup: 10);
        Assert.AreEqual(0, model.BetaAt(0));
        Assert.AreEqual(0.5, model.BetaAt(5), 1e-12);
        Assert.AreEqual(1, model.BetaAt(25));
        model.train();
        LossResult first = model.ComputeLoss(Batch(4, step: 0));
        Assert.AreEqual(first.Terms["ce"].item<float>(), first.Total.item<float>(), 1e-4);
    }

    [TestMethod]
    public void SamplesHaveShapeSBKHWAndDiffer()
    {
        using var model = NewModel();
        Tensor logits = ModelChecks.Sample(model, ModelChecks.Images(Data, 3), samples: 5, seed: 2);
        CollectionAssert.AreEqual(new long[] { 5, 3, 2, 16, 16 }, logits.shape);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[0], logits[1]) > 1e-4, "two prior samples decoded to the same logits");
    }

    [TestMethod]
    public void ChunkedFCombPassesGiveTheSameSamples()
    {
        using var model = NewModel();
        Tensor images = ModelChecks.Images(Data, 2);
        Tensor whole = ModelChecks.Sample(model, images, samples: 5, seed: 3);
        model.MaxPixelsPerPass = 2 * 16 * 16 * 2;   // two samples per pass: chunks of 2, 2, 1
        Tensor chunked = ModelChecks.Sample(model, images, samples: 5, seed: 3);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(whole, chunked) < 1e-5, "chunking changed the samples");
    }

    [TestMethod]
    public void RunsTheUNetOncePerBatchHoweverManySamples()
    {
        using var model = NewModel();
        Tensor images = ModelChecks.Images(Data, 2);
        foreach (int samples in new[] { 1, 16 })
        {
            long before = model.Backbone.ForwardCalls;
            ModelChecks.Sample(model, images, samples, seed: 1);
            Assert.AreEqual(1, model.Backbone.ForwardCalls - before, $"U-Net calls for {samples} samples");
        }
        long start = model.Backbone.ForwardCalls;
        using (no_grad()) model.LatentWalk(images, 0, 1, [-3, 0, 3]);
        Assert.AreEqual(1, model.Backbone.ForwardCalls - start, "U-Net calls for a 3×3 latent walk");
    }

    [TestMethod]
    public void LatentWalkGridVariesAlongBothDimensionsAroundThePriorMean()
    {
        using var model = NewModel();
        model.eval();
        using var noGrad = no_grad();
        Tensor images = ModelChecks.Images(Data, 2);
        Tensor grid = model.LatentWalk(images, 0, 1, [-3, 0, 3]);
        CollectionAssert.AreEqual(new long[] { 3, 3, 2, 2, 16, 16 }, grid.shape);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(grid[0, 1], grid[2, 1]) > 1e-4, "moving along the first dimension changed nothing");
        Assert.IsTrue(ModelChecks.MaxAbsDiff(grid[1, 0], grid[1, 2]) > 1e-4, "moving along the second dimension changed nothing");
        // The centre is z = prior mean whichever dimensions are walked.
        Tensor centre = model.LatentWalk(images, 2, 3, [0])[0, 0];
        Assert.IsTrue(ModelChecks.MaxAbsDiff(grid[1, 1], centre) < 1e-5);
        Assert.ThrowsExactly<ArgumentException>(() => model.LatentWalk(images, 1, 1, [0]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.LatentWalk(images, 0, 6, [0]));
    }

    [TestMethod]
    public void ReconstructsFromThePosteriorAndRejectsMissingLabels()
    {
        using var model = NewModel();
        model.eval();
        using var noGrad = no_grad();
        Tensor images = ModelChecks.Images(Data, 2), labels = ModelChecks.Labels(Data, 2, 0);
        Tensor atMean = model.Reconstruct(images, labels, samples: 2, usePosteriorMean: true);
        CollectionAssert.AreEqual(new long[] { 2, 2, 2, 16, 16 }, atMean.shape);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(atMean[0], atMean[1]) < 1e-6, "posterior-mean reconstructions differ");
        torch.random.manual_seed(4);
        Tensor sampled = model.Reconstruct(images, labels, samples: 2);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(sampled[0], sampled[1]) > 1e-5, "posterior samples decoded identically");
        var error = Assert.ThrowsExactly<ArgumentException>(() => model.Reconstruct(images, full(2, 16, 16, 255L)));
        StringAssert.Contains(error.Message, "255");
    }

    [TestMethod]
    public void ReloadedModelDrawsTheSameSamples()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2);
        ModelChecks.AssertReloadGivesSameSamples(model, ModelChecks.Images(Data, 2));
    }
}
