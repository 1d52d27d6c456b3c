namespace ProbSeg.ML.Sampling;

/// <summary>
/// Predictions for a batch of images: mean class probabilities, the predicted label map, N sampled label maps and a
/// pixel-wise uncertainty map. Arrays are flat, C order.
/// </summary>
public sealed class SegmentationPrediction
{
    internal SegmentationPrediction(int count, int classes, int samples, int height, int width,
        float[] score, byte[] predictedLabel, byte[] sampleLabels, float[] uncertainty, float[]? sampleProbabilities)
    {
        Count = count; Classes = classes; Samples = samples; Height = height; Width = width;
        Score = score; PredictedLabel = predictedLabel; SampleLabels = sampleLabels; Uncertainty = uncertainty;
        SampleProbabilities = sampleProbabilities;
    }

    /// <summary>Images B.</summary>
    public int Count { get; }
    /// <summary>Classes K.</summary>
    public int Classes { get; }
    /// <summary>Samples N per image.</summary>
    public int Samples { get; }
    /// <summary>Height H.</summary>
    public int Height { get; }
    /// <summary>Width W.</summary>
    public int Width { get; }
    /// <summary>Pixels per image, H·W.</summary>
    public int PixelCount => Height * Width;

    /// <summary>Mean class probabilities <c>[B, K, H, W]</c>.</summary>
    public float[] Score { get; }
    /// <summary>Arg-max of <see cref="Score"/>, <c>[B, H, W]</c>.</summary>
    public byte[] PredictedLabel { get; }
    /// <summary>Arg-max of each sample, <c>[B, N, H, W]</c>.</summary>
    public byte[] SampleLabels { get; }
    /// <summary>Entropy of <see cref="Score"/> in bits, <c>[B, H, W]</c> (Czolbe <c>util.entropy</c>).</summary>
    public float[] Uncertainty { get; }
    /// <summary>Softmax of each sample <c>[B, N, K, H, W]</c>, when requested (γ-maps, calibration).</summary>
    public float[]? SampleProbabilities { get; }

    /// <summary>Mean probabilities of image <paramref name="index"/>, <c>[K, H, W]</c>.</summary>
    public ReadOnlySpan<float> ScoreOf(int index) => Score.AsSpan(index * Classes * PixelCount, Classes * PixelCount);
    /// <summary>Predicted label map of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> PredictedLabelOf(int index) => PredictedLabel.AsSpan(index * PixelCount, PixelCount);
    /// <summary>Sampled label maps of image <paramref name="index"/>, <c>[N, H, W]</c>.</summary>
    public ReadOnlySpan<byte> SamplesOf(int index) => SampleLabels.AsSpan(index * Samples * PixelCount, Samples * PixelCount);
    /// <summary>Uncertainty map of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> UncertaintyOf(int index) => Uncertainty.AsSpan(index * PixelCount, PixelCount);
    /// <summary>Sample probabilities of image <paramref name="index"/>, <c>[N, K, H, W]</c>.</summary>
    public ReadOnlySpan<float> SampleProbabilitiesOf(int index) => SampleProbabilities is null
        ? throw new InvalidOperationException("Sample probabilities were not kept; predict with keepSampleProbabilities: true.")
        : SampleProbabilities.AsSpan(index * Samples * Classes * PixelCount, Samples * Classes * PixelCount);
}
