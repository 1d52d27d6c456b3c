using Microsoft.ML;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Evaluation;

namespace ProbSeg.ML.Tests.Estimators;

[TestClass]
public sealed class AnalyzeTests
{
    [TestMethod]
    public void AnalyzeRunsEveryAnalysisIncludingGammaMapsAndModeCalibration()
    {
        var ml = new MLContext(seed: 1);
        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 12, ImageSize = 16, Seed = 4 });
        IDataView data = ml.Segmentation().Data.FromDataset(synthetic.Dataset);
        using var model = ml.Segmentation().Trainers.ProbabilisticUNet(new ProbabilisticUNetOptions
        {
            LatentDim = 2, Epochs = 1, BatchSize = 6, UNetChannels = [8, 16, 32], ConvolutionsPerLevel = 2, NumberOfSamples = 4,
        }).Fit(data);

        EvaluationReport report = ml.Segmentation().Analyze(model, data, modes: ModeReference.FromSynthetic(synthetic), numberOfSamples: 4);

        Assert.AreEqual(12, report.Images);
        // γ-maps need each sample's softmax: Analyze samples through the model, so none may be skipped.
        Assert.IsNotNull(report.GammaMaps);
        Assert.AreEqual(0, report.GammaMapsSkipped);
        Assert.IsNotNull(report.ModeCalibration);
        Assert.IsNotNull(report.Calibration);
        Assert.IsNotNull(report.Uncertainty);
        var scalars = report.Scalars().ToDictionary(p => p.Key, p => p.Value);
        Assert.IsTrue(scalars.Keys.Any(k => k.Contains("GED", StringComparison.OrdinalIgnoreCase)), string.Join(", ", scalars.Keys));
    }

    [TestMethod]
    public void AnalyzeNamesAMissingLabelColumn()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Segmentation().Data.LoadSynthetic(new SyntheticOptions { Count = 6, ImageSize = 16 });
        using var model = ml.Segmentation().Trainers.DeterministicUNet(new DeterministicUNetOptions
        {
            Epochs = 1, BatchSize = 6, UNetChannels = [8, 16], ConvolutionsPerLevel = 1,
        }).Fit(data);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Segmentation().Analyze(model, data, labelColumnName: "Annotations"));
        StringAssert.Contains(error.Message, "Annotations");
    }
}
