using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Plots;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Training;
using TorchSharp;

namespace ProbSeg.ML.Examples.Analyses;

/// <summary>Trains a Probabilistic U-Net briefly, selecting the checkpoint with the best validation GED (as PHiSeg).</summary>
internal static class ModelTraining
{
    /// <summary>A small four-level U-Net: enough for 32-pixel synthetic scenes on a CPU in a few minutes.</summary>
    public static readonly UNetConfig Backbone = new([16, 32, 64, 128], ConvsPerLevel: 2);

    /// <summary>Samples per validation image (PHiSeg validates with 16; 8 halves the cost on a shared CPU).</summary>
    private const int ValidationSamples = 8;

    public static (ProbabilisticUNet Model, TrainingReport Report, LearningCurve Curve) Train(AmbiguousDataset train, AmbiguousDataset validation,
        int steps, int seed)
    {
        torch.random.manual_seed(seed); // weight init draws from the global generator
        // Kohl et al.: latent 6, β = 1, KL(q‖p); lr 1e-3 (PHiSeg/SSN) instead of Kohl's 1e-4 for the short budget.
        var model = new ProbabilisticUNet(new ProbabilisticUNetConfig(train.Channels, train.Classes, Backbone, LatentDim: 6, Beta: 1.0));
        var terms = new TrainingTermRecorder();
        var options = new TrainingOptions
        {
            MaxSteps = steps,
            Epochs = int.MaxValue,
            BatchSize = 12,
            LearningRate = 1e-3,
            Seed = seed,
            ValidationEvery = Math.Max(1, steps / 5),
            ValidationSamples = ValidationSamples,
            LogEvery = Math.Max(1, steps / 10),
            Log = line => Console.WriteLine("  " + line),
            Progress = terms.Record,
        };
        var report = SegmentationTrainer.Train(model, train, options, validation, (m, data) => ValidationGed(m, data, ValidationSamples, seed));
        return (model, report, LearningCurve.From(report, terms));
    }

    /// <summary>Mean GED of <paramref name="data"/> (PHiSeg conventions).</summary>
    private static double ValidationGed(SegmentationModel model, AmbiguousDataset data, int samples, int seed)
    {
        var prediction = new SegmentationPredictor(model).Predict(data.Images, data.Count, data.Height, data.Width, samples, seed);
        var metric = new GeneralizedEnergyDistanceMetric(new GedOptions { Overlap = new OverlapOptions { Classes = data.Classes } });
        for (int i = 0; i < data.Count; i++)
            metric.Accumulate(new LabelMaps(prediction.SamplesOf(i), samples, data.PixelCount), new LabelMaps(data.Annotations(i), data.Annotators, data.PixelCount));
        return metric.Aggregate().Ged.Mean;
    }
}
