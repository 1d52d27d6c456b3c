using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class MHeadsTests
{
    private static readonly AmbiguousDataset Data = TinyData.Squares(8, annotators: 2);

    private static MHeads NewModel(double epsilon = 0.05)
    {
        torch.random.manual_seed(1);
        return new MHeads(new MHeadsConfig(1, 2, UNetConfig.Small, Epsilon: epsilon));
    }

    [TestMethod]
    public void TrainsWithFiniteLoss()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data);
    }

    [TestMethod]
    public void RelaxedOracleWeightsGiveTheBestHeadOneMinusEpsilon()
    {
        Tensor perHead = tensor(new float[] { 1, 5, 2, 3, 0.5f, 9 }, new long[] { 3, 2 }); // M = 3 heads, B = 2 images
        float[] weights = MHeads.RelaxedOracleWeights(perHead, 0.1).data<float>().ToArray();
        // Image 0's best head is 2, image 1's is 1; the others share ε = 0.1 equally (0.05 each).
        CollectionAssert.AreEqual(new[] { 0.05f, 0.05f, 0.05f, 0.9f, 0.9f, 0.05f }, weights, Comparer<float>.Create((a, b) => Math.Abs(a - b) < 1e-6 ? 0 : a.CompareTo(b)));
        CollectionAssert.AreEqual(new[] { 1f, 1f }, MHeads.RelaxedOracleWeights(tensor(new float[] { 4, 2 }, new long[] { 1, 2 }), 0.1).data<float>().ToArray());
    }

    [TestMethod]
    public void LossIsTheRelaxedWinnerTakesAllOfPerImageCrossEntropies()
    {
        using var model = NewModel(epsilon: 0.2);
        model.train(); // batch statistics: a second pass on the same batch gives the same logits
        Tensor images = ModelChecks.Images(Data, 4), targets = ModelChecks.Labels(Data, 4, 1);
        var batch = new TrainingBatch(images, targets, targets.unsqueeze(1), ones(4, 1, ScalarType.Bool), 0);
        double total = model.ComputeLoss(batch).Total.item<float>();

        using var noGrad = no_grad();
        Tensor logits = model.HeadLogits(images);
        var perHead = new double[4, 4];
        for (int m = 0; m < 4; m++)
        for (int b = 0; b < 4; b++)
            perHead[m, b] = nn.functional.cross_entropy(logits[m, b].unsqueeze(0), targets[b].unsqueeze(0)).item<float>();
        double expected = 0;
        for (int b = 0; b < 4; b++)
        {
            int best = Enumerable.Range(0, 4).MinBy(m => perHead[m, b]);
            for (int m = 0; m < 4; m++) expected += perHead[m, b] * (m == best ? 0.8 : 0.2 / 3);
        }
        Assert.AreEqual(expected / 4, total, 1e-4);
    }

    [TestMethod]
    public void SamplesAreTheHeadsInTurn()
    {
        using var model = NewModel();
        Tensor images = ModelChecks.Images(Data, 2);
        Tensor logits = ModelChecks.Sample(model, images, samples: 6, seed: 1);
        CollectionAssert.AreEqual(new long[] { 6, 2, 2, 16, 16 }, logits.shape);
        using var noGrad = no_grad();
        Tensor heads = model.HeadLogits(images);
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[5], heads[1]) < 1e-6, "sample 5 is not head 1");
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[0], logits[1]) > 1e-4, "heads 0 and 1 agree exactly");
    }

    [TestMethod]
    public void ScoreIsTheMeanOfAllHeadsEvenWithFewerSamples()
    {
        using var model = NewModel();
        model.eval();
        float[] expected;
        using (no_grad()) expected = model.HeadLogits(ModelChecks.Images(Data, Data.Count)).softmax(2).mean([0]).data<float>().ToArray();
        float[] score = new SegmentationPredictor(model).Predict(Data.Images, Data.Count, 16, 16, samples: 1, seed: 1).Score;
        Assert.IsTrue(score.Zip(expected, (a, b) => Math.Abs(a - b)).Max() < 1e-5);
    }

    [TestMethod]
    public void ReloadedModelDrawsTheSameSamples()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2);
        ModelChecks.AssertReloadGivesSameSamples(model, ModelChecks.Images(Data, 2), samples: 4);
    }
}
