using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

/// <summary>Checks every model test repeats: a few training steps, seeded sampling, and save → load → same samples.</summary>
internal static class ModelChecks
{
    /// <summary>Trains a few steps and asserts every loss is finite.</summary>
    public static TrainingReport TrainBriefly(SegmentationModel model, AmbiguousDataset data, int steps = 4)
    {
        var report = SegmentationTrainer.Train(model, data, new TrainingOptions { MaxSteps = steps, BatchSize = 4, Seed = 1, LearningRate = 1e-3 });
        Assert.AreEqual(steps, report.Steps);
        Assert.IsTrue(report.LossHistory.All(double.IsFinite), $"losses: {string.Join(", ", report.LossHistory)}");
        return report;
    }

    /// <summary>The first <paramref name="count"/> images as a tensor <c>[count, C, H, W]</c>.</summary>
    public static Tensor Images(AmbiguousDataset data, int count) =>
        tensor(data.Images.AsSpan(0, count * data.ImageSize).ToArray(), new long[] { count, data.Channels, data.Height, data.Width });

    /// <summary>Annotator slot <paramref name="annotator"/> of the first <paramref name="count"/> images as int64 <c>[count, H, W]</c>.</summary>
    public static Tensor Labels(AmbiguousDataset data, int count, int annotator)
    {
        var labels = new long[count * data.PixelCount];
        for (int i = 0; i < count; i++)
        {
            var mask = data.Annotation(i, annotator);
            for (int p = 0; p < mask.Length; p++) labels[i * data.PixelCount + p] = mask[p];
        }
        return tensor(labels, new long[] { count, data.Height, data.Width });
    }

    /// <summary>Sample logits <c>[S, B, K, H, W]</c> drawn in eval mode without gradients after seeding the global generator.</summary>
    public static Tensor Sample(SegmentationModel model, Tensor images, int samples, int seed)
    {
        model.eval();
        using var noGrad = no_grad();
        torch.random.manual_seed(seed);
        return model.SampleLogits(images, samples);
    }

    /// <summary>Largest absolute difference between two tensors.</summary>
    public static double MaxAbsDiff(Tensor a, Tensor b) => (a - b).abs().max().item<float>();

    /// <summary>Saves to bytes, loads, and asserts the reloaded model draws the same samples for the same seed.</summary>
    public static void AssertReloadGivesSameSamples(SegmentationModel model, Tensor images, int samples = 3)
    {
        Tensor before = Sample(model, images, samples, seed: 11);
        using var loaded = ModelArchive.FromBytes(ModelArchive.ToBytes(model));
        Assert.AreEqual(model.GetType(), loaded.GetType());
        Assert.AreEqual(model.Configuration.ToString(), loaded.Configuration.ToString());
        Tensor after = Sample(loaded, images, samples, seed: 11);
        CollectionAssert.AreEqual(before.shape, after.shape);
        // Same weights, same seed, same CPU kernels: equal up to float rounding.
        Assert.IsTrue(MaxAbsDiff(before, after) < 1e-5, $"max |Δ| = {MaxAbsDiff(before, after)}");
    }
}
