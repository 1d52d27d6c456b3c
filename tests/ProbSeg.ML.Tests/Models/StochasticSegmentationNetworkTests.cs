using ProbSeg.ML.Distributions;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Tests.Support;
using ProbSeg.ML.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class StochasticSegmentationNetworkTests
{
    private static StochasticSegmentationNetwork Tiny(int rank = 3, int seed = 1, StochasticSegmentationNetworkScore score = StochasticSegmentationNetworkScore.MeanProbabilities)
    {
        torch.random.manual_seed(seed); // weight init draws from the global generator
        return new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, Rank: rank, MonteCarloSamples: 6, Score: score));
    }

    [TestMethod]
    public void LossEqualsAnExplicitLoopOverTheSameSamples()
    {
        using var scope = NewDisposeScope();
        torch.random.manual_seed(5);
        const int m = 4, b = 2, k = 3, h = 2, w = 3;
        Tensor samples = randn([m, b, k, h, w], dtype: ScalarType.Float64).mul(2);
        Tensor targets = randint(0, k, [b, h, w]);
        double loss = StochasticSegmentationNetworkLoss.Compute(samples, targets).item<double>();

        double[] s = samples.data<double>().ToArray();
        long[] y = targets.data<long>().ToArray();
        double expected = 0;
        for (int bi = 0; bi < b; bi++)
        {
            var perSample = new double[m];
            for (int mi = 0; mi < m; mi++)
                for (int p = 0; p < h * w; p++)
                {
                    double At(int c) => s[(((mi * b + bi) * k + c) * h * w) + p];
                    double logNormaliser = Math.Log(Enumerable.Range(0, k).Sum(c => Math.Exp(At(c))));
                    perSample[mi] += At((int)y[bi * h * w + p]) - logNormaliser;
                }
            double max = perSample.Max();
            double logMeanExp = max + Math.Log(perSample.Sum(v => Math.Exp(v - max))) - Math.Log(m);
            expected -= logMeanExp / b;
        }
        Assert.AreEqual(expected, loss, 1e-10);
        Assert.ThrowsExactly<ArgumentException>(() => StochasticSegmentationNetworkLoss.Compute(samples, targets.add(5)));
    }

    [TestMethod]
    public void HundredSamplesComeFromOneBackbonePass()
    {
        using var model = Tiny();
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor images = ModelBatches.Images(TinyData.Squares(2), 0, 2);
        long before = model.Backbone.ForwardCalls;
        Tensor samples = model.SampleLogits(images, 100);
        Assert.AreEqual(before + 1, model.Backbone.ForwardCalls);
        CollectionAssert.AreEqual(new long[] { 100, 2, 2, 16, 16 }, samples.shape);
        Assert.IsTrue(samples[0].sub(samples[1]).abs().max().item<float>() > 1e-3, "samples must differ");
    }

    [TestMethod]
    public void TrainsAFewStepsWithFiniteLossLowRankAndDiagonal()
    {
        var data = TinyData.Squares(16);
        foreach (int rank in new[] { 3, 0 })
        {
            using var model = Tiny(rank);
            Assert.AreEqual(rank == 0, model.IsDiagonal);
            var terms = new List<IReadOnlyDictionary<string, double>>();
            var report = SegmentationTrainer.Train(model, data, new TrainingOptions
            {
                MaxSteps = 4, BatchSize = 4, Seed = 1, Progress = p => terms.Add(p.Terms),
            });
            Assert.AreEqual(4, report.Steps);
            Assert.IsTrue(report.LossHistory.All(double.IsFinite), $"rank {rank}: {string.Join(", ", report.LossHistory)}");
            Assert.IsTrue(terms.All(t => t.ContainsKey("nll") && t["fallback"] == 0), $"rank {rank}");
            var prediction = new SegmentationPredictor(model).Predict(data.Images.AsSpan(0, 2 * 256), 2, 16, 16, samples: 4, seed: 3);
            Assert.IsTrue(prediction.Score.All(float.IsFinite));
        }
    }

    [TestMethod]
    public void LossFallsByHalfWithinSixEpochsOnSquares()
    {
        var data = TinyData.Squares(48, annotators: 1);
        torch.random.manual_seed(1);
        using var model = new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, Rank: 5));
        var report = SegmentationTrainer.Train(model, data, new TrainingOptions { Epochs = 6, BatchSize = 8, Seed = 1, LearningRate = 3e-3 });
        // A probe run fell from ~180 to ~3.4 in 15 epochs; half within 6 is a loose bound that broken gradients would miss.
        Assert.IsTrue(report.LossHistory[^1] < report.LossHistory[0] / 2, $"loss {report.LossHistory[0]} -> {report.LossHistory[^1]}");
    }

    [TestMethod]
    public void BrokenCovarianceIsCountedRaisedAndReportedAsALossTerm()
    {
        using var model = Tiny();
        var reasons = new List<string>();
        model.CovarianceFallback += (_, reason) => reasons.Add(reason);
        using (no_grad())
            model.named_parameters().Single(p => p.name == "_heads._factor.weight").parameter.fill_(float.NaN);
        using var scope = NewDisposeScope();
        model.train();
        LossResult loss = model.ComputeLoss(ModelBatches.First(TinyData.Squares(2), 2));
        Assert.AreEqual(1L, model.CovarianceFallbacks);
        Assert.AreEqual(1, reasons.Count);
        StringAssert.Contains(reasons[0], "independent normals");
        Assert.AreEqual(1f, loss.Terms["fallback"].item<float>());
        Assert.IsTrue(float.IsFinite(loss.Total.item<float>()), "the independent-normal fallback keeps the loss finite");
    }

    [TestMethod]
    public void FactorManipulationMovesLogitsAlongExactlyTheChosenColumn()
    {
        using var model = Tiny(rank: 4);
        model.eval();
        using var scope = NewDisposeScope();
        Tensor image = ModelBatches.Images(TinyData.Squares(1), 0, 1);
        double[] weights = [-3, 0, 1.5, 3];
        var manipulation = SampleManipulation.AlongFactor(2, weights);
        ManipulatedSamples result = model.Manipulate(image[0], manipulation, seed: 9);
        Assert.AreEqual(4, result.Count);

        Tensor column;
        using (no_grad()) column = model.Distribution(image).CovFactor!.select(2, 2).squeeze(0).contiguous(); // [K·H·W]
        float[] p = column.data<float>().ToArray();
        float[] atZero = result.LogitsOf(1).ToArray();
        for (int i = 0; i < weights.Length; i++)
        {
            float[] logits = result.LogitsOf(i).ToArray();
            for (int n = 0; n < p.Length; n++)
                Assert.AreEqual(weights[i] * p[n], logits[n] - atZero[n], 1e-4, $"w={weights[i]} element {n}");
        }
        // Same seed, same result; the model's train/eval mode is left as it was.
        CollectionAssert.AreEqual(result.Logits, model.Manipulate(image, manipulation, seed: 9).Logits);
        Assert.IsFalse(model.training);
    }

    [TestMethod]
    public void ArchiveRoundTripGivesIdenticalSamplesForTheSameSeed()
    {
        var data = TinyData.Squares(8);
        using var model = Tiny();
        SegmentationTrainer.Train(model, data, new TrainingOptions { MaxSteps = 2, BatchSize = 4, Seed = 2 }); // non-trivial BN statistics
        using var loaded = (StochasticSegmentationNetwork)ModelArchive.FromBytes(ModelArchive.ToBytes(model));
        Assert.AreEqual(model.Config, loaded.Config with { UNet = model.Config.UNet });
        CollectionAssert.AreEqual(model.Config.UNet.Channels, loaded.Config.UNet.Channels);
        model.eval();
        loaded.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor images = ModelBatches.Images(data, 0, 2);
        torch.random.manual_seed(11);
        Tensor original = model.SampleLogits(images, 5);
        torch.random.manual_seed(11);
        Tensor reloaded = loaded.SampleLogits(images, 5);
        Assert.IsTrue(original.eq(reloaded).all().item<bool>(), "same weights and seed must give identical samples");
    }

    [TestMethod]
    public void MeanLogitsScoreIsTheSoftmaxOfTheMean()
    {
        using var model = Tiny(score: StochasticSegmentationNetworkScore.MeanLogits);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor images = ModelBatches.Images(TinyData.Squares(2), 0, 2);
        Tensor samples = model.SampleLogits(images, 3);
        Tensor expected = model.Distribution(images).Mean.reshape(2, 2, 16, 16).softmax(1);
        Assert.IsTrue(model.MeanProbabilities(images, samples).allclose(expected, rtol: 0, atol: 1e-6));
    }

    [TestMethod]
    public void InvalidConfigurationsAreRejectedWithClearMessages()
    {
        var odd = Assert.ThrowsExactly<ArgumentException>(() => new StochasticSegmentationNetwork(
            new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, MonteCarloSamples: 5)));
        StringAssert.Contains(odd.Message, "even");
        Assert.ThrowsExactly<ArgumentException>(() => new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, Rank: -1).Validate());
        // Without antithetic pairs an odd count is fine (the TF fork's plain rsample).
        new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, MonteCarloSamples: 5, Antithetic: false).Validate();
    }
}
