using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Tests.Support;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class DeterministicUNetTests
{
    [TestMethod]
    public void LearnsSquaresAndSamplesAreIdentical()
    {
        var data = TinyData.Squares(48, annotators: 1);
        TorchSharp.torch.random.manual_seed(1); // weight init draws from the global generator
        using var model = new DeterministicUNet(new DeterministicUNetConfig(1, 2, UNetConfig.Small));
        var report = SegmentationTrainer.Train(model, data, new TrainingOptions { Epochs = 15, BatchSize = 8, Seed = 1, LearningRate = 3e-3 });
        Assert.IsTrue(report.LossHistory[^1] < report.LossHistory[0] / 2, $"loss {report.LossHistory[0]} -> {report.LossHistory[^1]}");

        var prediction = new SegmentationPredictor(model).Predict(data.Images, data.Count, 16, 16, samples: 3, seed: 7);
        double dice = 0;
        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.Annotation(i, 0);
            var pred = prediction.PredictedLabelOf(i);
            int inter = 0, sum = 0;
            for (int p = 0; p < truth.Length; p++) { inter += truth[p] & pred[p]; sum += truth[p] + pred[p]; }
            dice += 2.0 * inter / sum;
        }
        dice /= data.Count;
        // A 2-level U-Net separates 0.8 squares from 0.2 background almost perfectly; 0.8 leaves room for border pixels.
        Assert.IsTrue(dice > 0.8, $"mean Dice {dice:F3}, loss {report.LossHistory[0]} -> {report.LossHistory[^1]}, fg {prediction.PredictedLabel.Count(b => b == 1)}");
        var samples = prediction.SamplesOf(0);
        CollectionAssert.AreEqual(samples.Slice(0, 256).ToArray(), samples.Slice(512, 256).ToArray());
    }
}
