using ProbSeg.ML.Metrics;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Evaluation;

/// <summary>
/// What a model predicted for one image, as the <see cref="EvaluationSuite"/> reads it: mean class probabilities, N
/// sampled label maps and, optionally, each sample's softmax (needed for γ-maps). Wraps spans, copies nothing.
/// </summary>
public readonly ref struct ImagePrediction
{
    /// <summary>Wraps one image's prediction.</summary>
    /// <param name="meanProbabilities">Mean class probabilities <c>[K, H, W]</c> (the <c>Score</c> column).</param>
    /// <param name="samples">Sampled label maps <c>[N, H, W]</c> (the <c>Samples</c> column).</param>
    /// <param name="sampleCount">N ≥ 1.</param>
    /// <param name="classes">K ≥ 2.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="sampleProbabilities">Softmax of each sample <c>[N, K, H, W]</c>, or empty.</param>
    /// <exception cref="ArgumentException">A span's length does not match the shape.</exception>
    public ImagePrediction(ReadOnlySpan<float> meanProbabilities, ReadOnlySpan<byte> samples, int sampleCount, int classes,
        int height, int width, ReadOnlySpan<float> sampleProbabilities = default)
    {
        if (sampleCount < 1) throw new ArgumentException($"Sample count must be at least 1, got {sampleCount}.", nameof(sampleCount));
        if (classes < 2 || classes > 255) throw new ArgumentException($"Class count must be in [2, 255], got {classes}.", nameof(classes));
        if (height < 1 || width < 1) throw new ArgumentException($"Invalid image size {height}×{width}.");
        long pixels = (long)height * width;
        if (meanProbabilities.Length != classes * pixels)
            throw new ArgumentException($"Mean probabilities hold {meanProbabilities.Length} values; [{classes}, {height}, {width}] needs {classes * pixels}.", nameof(meanProbabilities));
        if (samples.Length != sampleCount * pixels)
            throw new ArgumentException($"Samples hold {samples.Length} values; [{sampleCount}, {height}, {width}] needs {sampleCount * pixels}.", nameof(samples));
        if (!sampleProbabilities.IsEmpty && sampleProbabilities.Length != sampleCount * classes * pixels)
            throw new ArgumentException($"Sample probabilities hold {sampleProbabilities.Length} values; [{sampleCount}, {classes}, {height}, {width}] needs {sampleCount * classes * pixels}.", nameof(sampleProbabilities));
        MeanProbabilities = meanProbabilities;
        Samples = samples;
        SampleCount = sampleCount;
        Classes = classes;
        Height = height;
        Width = width;
        SampleProbabilities = sampleProbabilities;
    }

    /// <summary>Image <paramref name="index"/> of a batch prediction (with its sample probabilities if they were kept).</summary>
    public static ImagePrediction From(SegmentationPrediction prediction, int index)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if ((uint)index >= (uint)prediction.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"Image {index} is outside the prediction's [0, {prediction.Count}).");
        return new ImagePrediction(prediction.ScoreOf(index), prediction.SamplesOf(index), prediction.Samples, prediction.Classes,
            prediction.Height, prediction.Width,
            prediction.SampleProbabilities is null ? default : prediction.SampleProbabilitiesOf(index));
    }

    /// <summary>Mean class probabilities <c>[K, H·W]</c>.</summary>
    public ReadOnlySpan<float> MeanProbabilities { get; }

    /// <summary>Sampled label maps <c>[N, H·W]</c>.</summary>
    public ReadOnlySpan<byte> Samples { get; }

    /// <summary>Softmax of each sample <c>[N, K, H·W]</c>; empty when not available.</summary>
    public ReadOnlySpan<float> SampleProbabilities { get; }

    /// <summary>Samples N.</summary>
    public int SampleCount { get; }

    /// <summary>Classes K.</summary>
    public int Classes { get; }

    /// <summary>Height H.</summary>
    public int Height { get; }

    /// <summary>Width W.</summary>
    public int Width { get; }

    /// <summary>Pixels H·W.</summary>
    public int PixelCount => Height * Width;

    /// <summary>Whether each sample's softmax is available (γ-maps need it).</summary>
    public bool HasSampleProbabilities => !SampleProbabilities.IsEmpty;

    /// <summary>The samples as label maps.</summary>
    public LabelMaps SampleMaps => new(Samples, SampleCount, PixelCount);
}
