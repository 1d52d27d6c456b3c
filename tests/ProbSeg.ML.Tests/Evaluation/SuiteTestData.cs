using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Tests.Evaluation;

/// <summary>Predictions built by hand (no model): sample softmaxes, their arg-max samples and mean, as the predictor returns them.</summary>
internal static class SuiteTestData
{
    /// <summary>A prediction from sample probabilities <c>[B, N, K, P]</c>.</summary>
    public static SegmentationPrediction Prediction(float[] sampleProbabilities, int count, int samples, int classes, int height, int width,
        bool keepSampleProbabilities = true)
    {
        int p = height * width, size = classes * p;
        var score = new float[count * size];
        var labels = new byte[count * samples * p];
        var predicted = new byte[count * p];
        var uncertainty = new float[count * p];
        for (int b = 0; b < count; b++)
        {
            var maps = new ProbabilityMaps(sampleProbabilities.AsSpan(b * samples * size, samples * size), samples, classes, p);
            var mean = maps.Mean();
            mean.CopyTo(score, b * size);
            maps.Argmax().CopyTo(labels, b * samples * p);
            new ProbabilityMaps(mean, 1, classes, p).Argmax().CopyTo(predicted, b * p);
            PredictiveEntropy.Bits(mean, classes).CopyTo(uncertainty, b * p);
        }
        return new SegmentationPrediction(count, classes, samples, height, width, score, predicted, labels, uncertainty,
            keepSampleProbabilities ? sampleProbabilities : null);
    }

    /// <summary>One-hot probabilities of the given label maps <c>[N, P]</c>.</summary>
    public static float[] OneHot(byte[] labels, int classes, int pixels)
    {
        int n = labels.Length / pixels;
        var probabilities = new float[n * classes * pixels];
        for (int i = 0; i < n; i++)
            for (int x = 0; x < pixels; x++)
                probabilities[(i * classes + labels[i * pixels + x]) * pixels + x] = 1f;
        return probabilities;
    }

    /// <summary>Random softmaxes whose foreground follows a blob, so samples, mean and annotators overlap partially.</summary>
    public static float[] RandomProbabilities(Random rng, int count, int samples, int size)
    {
        int p = size * size;
        var probabilities = new float[count * samples * 2 * p];
        for (int b = 0; b < count; b++)
            for (int s = 0; s < samples; s++)
            {
                double radius = size / 4.0 + rng.NextDouble() * size / 6.0;
                for (int y = 0; y < size; y++)
                    for (int x = 0; x < size; x++)
                    {
                        double d = Math.Sqrt((x - size / 2.0) * (x - size / 2.0) + (y - size / 2.0) * (y - size / 2.0));
                        float fg = (float)(1 / (1 + Math.Exp(2 * (d - radius) + rng.NextDouble() - 0.5)));
                        int at = (b * samples + s) * 2 * p + y * size + x;
                        probabilities[at] = 1 - fg;
                        probabilities[at + p] = fg;
                    }
            }
        return probabilities;
    }

    /// <summary>A data set of <paramref name="count"/> images with 3 blob annotations each; image 1's slot 2 is absent.</summary>
    public static AmbiguousDataset Dataset(Random rng, int count, int size)
    {
        int p = size * size;
        var images = new float[count * p];
        for (int i = 0; i < images.Length; i++) images[i] = (float)rng.NextDouble();
        var labels = Metrics.MetricTestData.Blobs(rng, count * 3, size);
        if (count > 1) Array.Fill(labels, AmbiguousDataset.MissingAnnotation, (1 * 3 + 2) * p, p);
        return new AmbiguousDataset(images, labels, count, 1, size, size, 3, 2);
    }
}
