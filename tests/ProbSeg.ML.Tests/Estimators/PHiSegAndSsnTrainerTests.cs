using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Distributions;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>The PHiSeg and Stochastic Segmentation Network trainers: fit, transform, options, sample manipulation.</summary>
[TestClass]
public sealed class PHiSegAndSsnTrainerTests
{
    private const int Samples = 4;

    // n0 = 8: PHiSeg's channel tails of 12 trip oneDNN NaNs on this machine (see PHiSegTests).
    private static PHiSegOptions TinyPHiSeg() => Fast(new PHiSegOptions { ResolutionLevels = 3, LatentLevels = 2, BaseChannels = 8, ConvolutionsPerLevel = 1 });

    private static StochasticSegmentationNetworkOptions TinySsn(int rank) =>
        Fast(new StochasticSegmentationNetworkOptions { Rank = rank, MonteCarloSamples = 4, UNetChannels = [8, 16, 32], ConvolutionsPerLevel = 2 });

    private static T Fast<T>(T options) where T : SegmentationTrainerOptions
    {
        options.Epochs = 1;
        options.BatchSize = 4;
        options.NumberOfSamples = Samples;
        options.Seed = 3;
        options.LogEvery = 0;
        return options;
    }

    [TestMethod]
    public void PHiSegFitsAndTransformsIntoTheFourColumns()
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Segmentation().Trainers.PHiSeg(TinyPHiSeg()).Fit(EstimatorTestData.SquaresView(ml, 8));
        var phiseg = Assert.IsInstanceOfType<PHiSeg>(model.Model);
        Assert.AreEqual(new PHiSegConfig(1, 2, 3, 2, 8, ConvsPerLevel: 1), phiseg.Config);
        AssertFourOutputs(ml, model);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(0)] // the diagonal ablation
    public void SsnFitsAndTransformsIntoTheFourColumns(int rank)
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Segmentation().Trainers.StochasticSegmentationNetwork(TinySsn(rank)).Fit(EstimatorTestData.SquaresView(ml, 8));
        var ssn = Assert.IsInstanceOfType<StochasticSegmentationNetwork>(model.Model);
        Assert.AreEqual(rank, ssn.Config.Rank);
        Assert.AreEqual(rank == 0, ssn.IsDiagonal);
        Assert.AreEqual(4, ssn.Config.MonteCarloSamples);
        AssertFourOutputs(ml, model);
    }

    private static void AssertFourOutputs(MLContext ml, SegmentationTransformer model)
    {
        IDataView scored = model.Transform(EstimatorTestData.SquaresView(ml, 3, seed: 5));
        AssertVector(scored.Schema["Score"], NumberDataViewType.Single, 2, 16, 16);
        AssertVector(scored.Schema["PredictedLabel"], NumberDataViewType.Byte, 16, 16);
        AssertVector(scored.Schema["Samples"], NumberDataViewType.Byte, Samples, 16, 16);
        AssertVector(scored.Schema["Uncertainty"], NumberDataViewType.Single, 16, 16);
        var score = EstimatorTestData.Column<float>(scored, "Score");
        var samples = EstimatorTestData.Column<byte>(scored, "Samples");
        var uncertainty = EstimatorTestData.Column<float>(scored, "Uncertainty");
        Assert.HasCount(3, score);
        for (int i = 0; i < 3; i++)
        {
            for (int p = 0; p < 256; p++)
                Assert.AreEqual(1f, score[i][p] + score[i][256 + p], 1e-5f, "class probabilities sum to 1 per pixel");
            Assert.IsTrue(samples[i].All(v => v < 2), "sampled labels are class ids");
            Assert.IsTrue(uncertainty[i].All(u => u is >= 0 and <= 1.0001f), "binary entropy is within [0, 1] bit");
        }
    }

    private static void AssertVector(DataViewSchema.Column column, DataViewType itemType, params int[] dimensions)
    {
        var type = column.Type as VectorDataViewType;
        Assert.IsNotNull(type, $"{column.Name} is {column.Type}");
        Assert.AreEqual(itemType, type.ItemType, column.Name);
        CollectionAssert.AreEqual(dimensions, type.Dimensions.ToArray(), column.Name);
    }

    [TestMethod]
    public void PHiSegRejectsImagesThatDoNotHalveAtEveryLevel()
    {
        var ml = new MLContext(seed: 1);
        var options = TinyPHiSeg();
        options.ResolutionLevels = 6; // five halvings: 16 is not divisible by 32
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Segmentation().Trainers.PHiSeg(options).Fit(EstimatorTestData.SquaresView(ml, 2)));
        Assert.AreEqual("ResolutionLevels", e.ParamName);
        StringAssert.Contains(e.Message, "Images of shape [1, 16, 16] do not fit: height and width must be divisible by 32");
    }

    [TestMethod]
    public void PHiSegOptionsNameTheBadOne()
    {
        var trainers = new MLContext().Segmentation().Trainers;
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainers.PHiSeg(new PHiSegOptions { ResolutionLevels = 3, LatentLevels = 4 }));
        Assert.AreEqual("LatentLevels", e.ParamName);
        StringAssert.Contains(e.Message, "LatentLevels must be in [1, ResolutionLevels = 3].");
        e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainers.PHiSeg(new PHiSegOptions { KLWeight = double.NaN }));
        Assert.AreEqual("KLWeight", e.ParamName);
        e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainers.PHiSeg(baseChannels: 0));
        Assert.AreEqual("BaseChannels", e.ParamName);
    }

    [TestMethod]
    public void SsnOptionsNameTheBadOne()
    {
        var trainers = new MLContext().Segmentation().Trainers;
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainers.StochasticSegmentationNetwork(rank: -1));
        Assert.AreEqual("Rank", e.ParamName);
        StringAssert.Contains(e.Message, "Rank must be ≥ 0 (0 = diagonal covariance).");
        e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            trainers.StochasticSegmentationNetwork(new StochasticSegmentationNetworkOptions { MonteCarloSamples = 5 }));
        Assert.AreEqual("MonteCarloSamples", e.ParamName);
        StringAssert.Contains(e.Message, "must be even with antithetic sampling");
        // Without antithetic pairs an odd count is fine.
        _ = trainers.StochasticSegmentationNetwork(new StochasticSegmentationNetworkOptions { MonteCarloSamples = 5, Antithetic = false });
        e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            trainers.StochasticSegmentationNetwork(new StochasticSegmentationNetworkOptions { Score = (StochasticSegmentationNetworkScore)7 }));
        Assert.AreEqual("Score", e.ParamName);
    }

    [TestMethod]
    public void FlatOverloadsCarryTheDefaultsOfThePapers()
    {
        var phiseg = new PHiSegOptions();
        Assert.AreEqual((7, 5, 32, 2, 1.0, true, true), (phiseg.ResolutionLevels, phiseg.LatentLevels, phiseg.BaseChannels, phiseg.LatentChannels,
            phiseg.KLWeight, phiseg.ExponentialKLWeighting, phiseg.DeepSupervision));
        var ssn = new StochasticSegmentationNetworkOptions();
        Assert.AreEqual((10, 20, true, StochasticSegmentationNetworkScore.MeanProbabilities), (ssn.Rank, ssn.MonteCarloSamples, ssn.Antithetic, ssn.Score));
    }

    [TestMethod]
    public void SsnTransformerManipulatesASampleAlongAFactor()
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Segmentation().Trainers.StochasticSegmentationNetwork(TinySsn(rank: 2)).Fit(EstimatorTestData.SquaresView(ml, 8));
        float[] image = EstimatorTestData.Squares(1, seed: 5).Image(0).ToArray();
        var sweep = SampleManipulation.AlongFactor(1, -3, 0, 3);
        ManipulatedSamples first = model.Manipulate(image, sweep, seed: 2);
        Assert.AreEqual(3, first.Count);
        Assert.AreEqual((2, 16, 16), (first.Classes, first.Height, first.Width));
        Assert.HasCount(3 * 2 * 256, first.Logits);
        CollectionAssert.AreEqual(first.Logits, model.Manipulate(image, sweep, seed: 2).Logits, "the seed fixes the noise");
        // Moving along factor 1 changes the logits (the factor is not all zeros after init): weight −3 differs from +3.
        CollectionAssert.AreNotEqual(first.LogitsOf(0).ToArray(), first.LogitsOf(2).ToArray());

        var e = Assert.ThrowsExactly<ArgumentException>(() => model.Manipulate(image.AsSpan(0, 10), sweep));
        StringAssert.Contains(e.Message, "Expected one image of shape [1, 16, 16] (256 values), got 10 values.");
    }

    [TestMethod]
    public void ManipulatingAnotherModelSaysWhy()
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Segmentation().Trainers.PHiSeg(TinyPHiSeg()).Fit(EstimatorTestData.SquaresView(ml, 4));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() =>
            model.Manipulate(new float[256], SampleManipulation.Temperature(1, 2)));
        StringAssert.Contains(e.Message, "needs a StochasticSegmentationNetwork; this transformer's model is a PHiSeg");
    }
}
