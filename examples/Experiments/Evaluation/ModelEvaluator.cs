using System.Diagnostics;
using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>Draws samples from a trained model for every test image and scores them against each image's truth.</summary>
public static class ModelEvaluator
{
    /// <summary>Samples shown per figure row.</summary>
    public const int FigureSamples = 8;

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="test"/>.</summary>
    /// <param name="model">A trained model.</param>
    /// <param name="test">Test images (their stored annotations are not used here; <paramref name="truth"/> is).</param>
    /// <param name="truth">The ground truth of test image i.</param>
    /// <param name="settings">Sample counts, seed and conventions.</param>
    /// <param name="figureImages">Test indices whose predictions are kept for figures.</param>
    /// <param name="device">Torch device to sample on.</param>
    public static ModelEvaluation Evaluate(SegmentationModel model, AmbiguousDataset test, IReadOnlyList<ImageTruth> truth,
        EvaluationSettings settings, IReadOnlyCollection<int> figureImages, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(truth);
        settings.Validate();
        if (truth.Count != test.Count) throw new ArgumentException($"{truth.Count} truths for {test.Count} test images.", nameof(truth));
        var watch = Stopwatch.StartNew();
        var predictor = new SegmentationPredictor(model, device, batchSize: Math.Min(8, settings.ImagesPerPass));
        int px = test.PixelCount, n = settings.Samples;
        var scores = new ImageScores[test.Count];
        var views = new Dictionary<int, PredictionView>();
        for (int start = 0; start < test.Count; start += settings.ImagesPerPass)
        {
            int count = Math.Min(settings.ImagesPerPass, test.Count - start);
            SegmentationPrediction prediction = predictor.Predict(
                test.Images.AsSpan(start * test.ImageSize, count * test.ImageSize), count, test.Height, test.Width, n,
                seed: settings.Seed + start);
            Parallel.For(0, count, b =>
                scores[start + b] = SampleScorer.Score(prediction.SamplesOf(b), prediction.PredictedLabelOf(b), truth[start + b], settings));
            for (int b = 0; b < count; b++)
                if (figureImages.Contains(start + b)) views[start + b] = View(prediction, b, px);
        }
        return new ModelEvaluation(scores, ScoreSummary.From(scores), views, watch.Elapsed);
    }

    /// <summary>
    /// Scores samples drawn from the truth itself (an oracle that knows the distribution): the floor each metric can
    /// reach with this many samples, since the V-statistic keeps GED above 0 for finite N.
    /// </summary>
    /// <param name="drawSamples">Draws N masks <c>[N, H·W]</c> of test image i from its true distribution.</param>
    /// <param name="truth">The ground truth of each test image.</param>
    /// <param name="settings">Sample counts and conventions.</param>
    public static ScoreSummary EvaluateOracle(Func<int, int, byte[]> drawSamples, IReadOnlyList<ImageTruth> truth, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(drawSamples);
        settings.Validate();
        var scores = new ImageScores[truth.Count];
        Parallel.For(0, truth.Count, i => scores[i] = SampleScorer.Score(drawSamples(i, settings.Samples), truth[i].Majority, truth[i], settings));
        return ScoreSummary.From(scores);
    }

    private static PredictionView View(SegmentationPrediction prediction, int b, int px)
    {
        ReadOnlySpan<float> score = prediction.ScoreOf(b);
        var foreground = new float[px];
        for (int p = 0; p < px; p++) foreground[p] = 1f - score[p];
        ReadOnlySpan<byte> samples = prediction.SamplesOf(b);
        var shown = new List<byte[]>();
        for (int s = 0; s < Math.Min(FigureSamples, prediction.Samples); s++) shown.Add(samples.Slice(s * px, px).ToArray());
        return new PredictionView(foreground, shown, prediction.UncertaintyOf(b).ToArray());
    }
}
