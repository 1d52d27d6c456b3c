using ProbSeg.ML.Models;
using ProbSeg.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Sampling;

/// <summary>
/// Draws samples from a trained <see cref="SegmentationModel"/> and summarises them: mean probabilities, predicted
/// label, sampled label maps and entropy. Reproducible: every call reseeds TorchSharp's generator with the given seed,
/// so the same image and seed give the same samples.
/// </summary>
public sealed class SegmentationPredictor
{
    // TorchSharp's global generator is process-wide: serialise seeded sampling so concurrent callers stay reproducible.
    private static readonly Lock SamplingLock = new();
    private readonly SegmentationModel _model;
    private readonly Device _device;

    /// <summary>Creates a predictor over <paramref name="model"/>.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="device">Torch device name.</param>
    /// <param name="batchSize">Images per forward pass (bounds memory when many samples are drawn).</param>
    public SegmentationPredictor(SegmentationModel model, string device = "cpu", int batchSize = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Batch size must be at least 1.");
        LibTorchSettings.EnsureApplied();
        _model = model;
        _device = DeviceSelector.Resolve(device);
        _model.to(_device);
        BatchSize = batchSize;
    }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; }

    /// <summary>The model.</summary>
    public SegmentationModel Model => _model;

    /// <summary>Predicts <paramref name="count"/> images <c>[count, C, H, W]</c>.</summary>
    /// <param name="images">Pixels, C order.</param>
    /// <param name="count">Number of images.</param>
    /// <param name="height">Height.</param>
    /// <param name="width">Width.</param>
    /// <param name="samples">Samples per image (N ≥ 1).</param>
    /// <param name="seed">Seed for the samples.</param>
    /// <param name="keepSampleProbabilities">Also return each sample's softmax (memory: N·K·H·W floats per image).</param>
    public SegmentationPrediction Predict(ReadOnlySpan<float> images, int count, int height, int width, int samples, int seed,
        bool keepSampleProbabilities = false)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        int c = _model.InputChannels, k = _model.Classes, px = height * width;
        if (count < 0 || height < 1 || width < 1 || images.Length != (long)count * c * px)
            throw new ArgumentException($"Expected {count} images of shape [{c}, {height}, {width}] ({(long)count * c * px} values), got {images.Length} values.");
        for (int i = 0; i < images.Length; i++)
            if (!float.IsFinite(images[i]))
                throw new ArgumentException($"Image {i / (c * px)} has a non-finite pixel value {images[i]} at flat index {i % (c * px)}.");

        var score = new float[(long)count * k * px];
        var predicted = new byte[(long)count * px];
        var sampleLabels = new byte[(long)count * samples * px];
        var uncertainty = new float[(long)count * px];
        float[]? sampleProbabilities = keepSampleProbabilities ? new float[(long)count * samples * k * px] : null;

        lock (SamplingLock)
        {
            _model.eval();
            using var noGrad = no_grad();
            torch.random.manual_seed(seed);
            for (int start = 0; start < count; start += BatchSize)
            {
                int b = Math.Min(BatchSize, count - start);
                using var scope = NewDisposeScope();
                Tensor x = tensor(images.Slice(start * c * px, b * c * px).ToArray(), new long[] { b, c, height, width }).to(_device);
                Tensor logits = _model.SampleLogits(x, samples);                         // [S,B,K,H,W]
                Tensor mean = _model.MeanProbabilities(x, logits).cpu();                 // [B,K,H,W]
                Tensor labels = logits.argmax(2).permute(1, 0, 2, 3).contiguous().to_type(ScalarType.Byte).cpu(); // [B,S,H,W]
                Tensor entropy = mean.clamp_min(1e-5f).log2().mul(mean).where(mean.ge(1e-5f), 0f).sum(1).neg(); // p < 1e-5 ignored (Czolbe util.entropy)
                mean.data<float>().CopyTo(score.AsSpan(start * k * px, b * k * px));
                mean.argmax(1).to_type(ScalarType.Byte).data<byte>().CopyTo(predicted.AsSpan(start * px, b * px));
                labels.data<byte>().CopyTo(sampleLabels.AsSpan(start * samples * px, b * samples * px));
                entropy.data<float>().CopyTo(uncertainty.AsSpan(start * px, b * px));
                if (sampleProbabilities is not null)
                    logits.softmax(2).permute(1, 0, 2, 3, 4).contiguous().cpu().data<float>()
                        .CopyTo(sampleProbabilities.AsSpan(start * samples * k * px, b * samples * k * px));
            }
        }
        return new SegmentationPrediction(count, k, samples, height, width, score, predicted, sampleLabels, uncertainty, sampleProbabilities);
    }
}
