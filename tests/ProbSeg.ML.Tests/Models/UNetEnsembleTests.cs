using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class UNetEnsembleTests
{
    private static readonly AmbiguousDataset Data = TinyData.Squares(8, annotators: 2);

    private static UNetEnsemble NewModel(int members = 4, EnsembleAnnotatorAssignment assignment = EnsembleAnnotatorAssignment.MemberAnnotator)
    {
        torch.random.manual_seed(1);
        return new UNetEnsemble(new UNetEnsembleConfig(1, 2, UNetConfig.Small, Members: members, Assignment: assignment));
    }

    [TestMethod]
    public void TrainsWithFiniteLossPerMember()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2); // four U-Nets per step: two steps suffice
        model.train();
        Tensor labels = ModelChecks.Labels(Data, 4, 0);
        var batch = new TrainingBatch(ModelChecks.Images(Data, 4), labels, labels.unsqueeze(1), ones(4, 1, ScalarType.Bool), 0);
        LossResult loss = model.ComputeLoss(batch);
        double sum = Enumerable.Range(0, 4).Sum(k => loss.Terms[$"ce_member{k}"].item<float>());
        Assert.AreEqual(sum, loss.Total.item<float>(), 1e-4, "the total is the sum of the members' losses");
    }

    [TestMethod]
    public void MemberKTrainsOnAnnotatorKModAWithFallbackWhereMissing()
    {
        using var model = NewModel();
        const long Fallback = 3; // stands for the batch's random present annotator, distinguishable from both slots
        Tensor annotations = stack([ones(2, 4, 4, ScalarType.Int64), zeros(2, 4, 4, ScalarType.Int64)], 1); // slot 0 = 1, slot 1 = 0
        annotations[1, 1] = full(4, 4, 255L);                                                                // image 1 lacks slot 1
        Tensor present = tensor(new[] { true, true, true, false }, new long[] { 2, 2 });
        var batch = new TrainingBatch(zeros(2, 1, 4, 4), full(2, 4, 4, Fallback), annotations, present, 0);

        long[] Per(Tensor t) => [t[0, 0, 0].item<long>(), t[1, 0, 0].item<long>()];
        CollectionAssert.AreEqual(new long[] { 1, 1 }, Per(model.MemberTargets(batch, 0)));
        CollectionAssert.AreEqual(new long[] { 0, Fallback }, Per(model.MemberTargets(batch, 1)));
        CollectionAssert.AreEqual(new long[] { 1, 1 }, Per(model.MemberTargets(batch, 2)));
        CollectionAssert.AreEqual(new long[] { 0, Fallback }, Per(model.MemberTargets(batch, 3)));

        using var random = NewModel(assignment: EnsembleAnnotatorAssignment.RandomAnnotator);
        CollectionAssert.AreEqual(new long[] { Fallback, Fallback }, Per(random.MemberTargets(batch, 1)));
    }

    [TestMethod]
    public void SamplesCycleThroughMembers()
    {
        using var model = NewModel(members: 3);
        Tensor images = ModelChecks.Images(Data, 2);
        Tensor logits = ModelChecks.Sample(model, images, samples: 5, seed: 1);
        CollectionAssert.AreEqual(new long[] { 5, 2, 2, 16, 16 }, logits.shape);
        using var noGrad = no_grad();
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[3], model.MemberLogits(images, 0)) < 1e-6, "sample 3 is not member 0");
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[4], model.MemberLogits(images, 1)) < 1e-6, "sample 4 is not member 1");
        Assert.IsTrue(ModelChecks.MaxAbsDiff(logits[0], logits[1]) > 1e-4, "members 0 and 1 agree exactly");
    }

    [TestMethod]
    public void ScoreIsTheMeanOfAllMembersSoftmaxesForAnySampleCount()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2);
        model.eval();
        float[] expected;
        using (no_grad())
        {
            Tensor images = ModelChecks.Images(Data, Data.Count);
            expected = stack(Enumerable.Range(0, 4).Select(k => model.MemberLogits(images, k)), 0).softmax(2).mean([0]).data<float>().ToArray();
        }
        var predictor = new SegmentationPredictor(model);
        foreach (int n in new[] { 1, 3, 4, 6 })
        {
            float[] score = predictor.Predict(Data.Images, Data.Count, 16, 16, samples: n, seed: 1).Score;
            double maxDiff = score.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
            Assert.IsTrue(maxDiff < 1e-5, $"N = {n}: Score differs from the members' mean by {maxDiff}");
        }
    }

    [TestMethod]
    public void ReloadedModelDrawsTheSameSamples()
    {
        using var model = NewModel();
        ModelChecks.TrainBriefly(model, Data, steps: 2);
        ModelChecks.AssertReloadGivesSameSamples(model, ModelChecks.Images(Data, 2), samples: 5);
    }
}
