using Microsoft.ML;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Estimators;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>The design's user-facing example, scaled down: synthetic data → Probabilistic U-Net → scores → metrics.</summary>
[TestClass]
public sealed class QuickstartTests
{
    [TestMethod]
    public void SyntheticDataTrainsAProbabilisticUNetAndEvaluates()
    {
        var ml = new MLContext(seed: 1);
        IDataView train = ml.Segmentation().Data.LoadSynthetic(new SyntheticOptions { Count = 16, ImageSize = 16, Seed = 1 });
        IDataView test = ml.Segmentation().Data.LoadSynthetic(new SyntheticOptions { Count = 4, ImageSize = 16, Seed = 2 });
        var trainer = ml.Segmentation().Trainers.ProbabilisticUNet(new ProbabilisticUNetOptions
        {
            LatentDim = 2, Epochs = 1, BatchSize = 8, UNetChannels = [8, 16, 32], ConvolutionsPerLevel = 2, NumberOfSamples = 4,
        });
        using var model = trainer.Fit(train);
        SegmentationMetrics metrics = ml.Segmentation().Evaluate(model.Transform(test));

        Assert.AreEqual(4, metrics.Count);
        // GED² lies in [0, 2] (d ∈ [0, 1]); the synthetic annotators disagree by design, so their diversity is positive.
        Assert.IsTrue(metrics.Ged is >= 0 and <= 2, $"GED {metrics.Ged}");
        Assert.IsTrue(metrics.AnnotatorDiversity > 0, $"annotator diversity {metrics.AnnotatorDiversity}");
        Assert.IsTrue(metrics.HungarianIoU is >= 0 and <= 1, $"HM-IoU {metrics.HungarianIoU}");
    }
}
