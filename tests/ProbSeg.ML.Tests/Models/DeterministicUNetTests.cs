using ProbSeg.ML.Data.Synthetic;
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

    [TestMethod]
    public void LearnsTheSyntheticSetMajorityVote()
    {
        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 160, ImageSize = 16, Seed = 3 });
        var data = synthetic.Dataset;
        var train = data.Subset(Enumerable.Range(0, 128).ToArray());
        var test = data.Subset(Enumerable.Range(128, 32).ToArray());
        TorchSharp.torch.random.manual_seed(3);
        using var model = new DeterministicUNet(new DeterministicUNetConfig(1, 2, UNetConfig.Small));
        SegmentationTrainer.Train(model, train, new TrainingOptions { Epochs = 8, BatchSize = 8, Seed = 3, LearningRate = 3e-3 });

        var prediction = new SegmentationPredictor(model).Predict(test.Images, test.Count, 16, 16, samples: 1, seed: 1);
        long inter = 0, sum = 0;
        int px = test.PixelCount;
        for (int i = 0; i < test.Count; i++)
        {
            var pred = prediction.PredictedLabelOf(i);
            for (int p = 0; p < px; p++)
            {
                int votes = 0;
                for (int a = 0; a < test.Annotators; a++) votes += test.Annotation(i, a)[p];
                int majority = 2 * votes > test.Annotators ? 1 : 0;   // strict majority of the 4 annotators
                inter += majority & pred[p];
                sum += majority + pred[p];
            }
        }
        double dice = 2.0 * inter / sum;
        // Pooled Dice against the strict majority. A net that misses the objects scores near 0; the border and
        // mode ambiguity caps agreement below 1 even for the Bayes-optimal predictor, so 0.6 leaves that margin.
        Console.WriteLine($"pooled Dice vs majority {dice:F3}");
        Assert.IsTrue(dice > 0.6, $"pooled Dice vs majority {dice:F3}");
    }
}
