using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// Test cross-entropy of the mean prediction against the annotators: the active-learning metric of Czolbe et al.
/// (<c>src/active_learning.py</c> records <c>test/loss</c>, a mean pixel cross-entropy).
/// </summary>
/// <remarks>
/// <para>Per image and present annotator a: mean over pixels of −ln p̄(y_a), where p̄ is the mean class probability over
/// the model's samples (<see cref="SegmentationPrediction.Score"/>). An image's value is the mean over its present
/// annotators (absent slots, <see cref="AmbiguousDataset.MissingAnnotation"/>, are skipped; an image with none is
/// undefined and left out); the data-set value is the mean over images. Natural log, as torch's cross-entropy.</para>
/// <para>Czolbe averages the per-annotator losses the same way, but scores one forward pass per annotator (for
/// MC-Dropout one dropout sample); here the mean over samples is scored, the predictive distribution that
/// <see cref="OutputUncertaintyQuery"/> also ranks by.</para>
/// </remarks>
public static class MeanPredictionCrossEntropy
{
    /// <summary>Smallest probability used in the log: bounds one pixel's loss at −ln 1e-7 ≈ 16.1 nats, so a single
    /// confidently wrong pixel cannot make the mean infinite.</summary>
    public const float MinProbability = 1e-7f;

    // Images per tensor pass: bounds the int64 label copy (A·H·W longs per image).
    private const int ImagesPerChunk = 64;

    /// <summary>Cross-entropy of <paramref name="prediction"/> against the annotators of <paramref name="data"/>, image by image.</summary>
    /// <exception cref="ArgumentException">Shapes differ, or a present annotation holds a class id ≥ K.</exception>
    public static MetricSummary Compute(SegmentationPrediction prediction, AmbiguousDataset data)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(data);
        if (prediction.Count != data.Count || prediction.Height != data.Height || prediction.Width != data.Width)
            throw new ArgumentException($"The prediction covers [{prediction.Count}, {prediction.Height}, {prediction.Width}] images; the data set holds [{data.Count}, {data.Height}, {data.Width}].");
        int k = prediction.Classes, a = data.Annotators, px = data.PixelCount;
        var present = new float[data.Count * a];
        for (int i = 0; i < data.Count; i++)
            for (int s = 0; s < a; s++)
            {
                ReadOnlySpan<byte> mask = data.Annotation(i, s);
                if (!AmbiguousDataset.IsPresent(mask)) continue;
                // Checked here: an out-of-range id in the native gather below would not fail with a clear message.
                int bad = mask.IndexOfAnyInRange((byte)k, byte.MaxValue);
                if (bad >= 0)
                    throw new ArgumentException($"Image {i} ({data.Ids[i]}), annotator {s}: pixel {bad} holds class {mask[bad]}, but the model has {k} classes.", nameof(data));
                present[i * a + s] = 1;
            }

        var values = new double[data.Count];
        for (int start = 0; start < data.Count; start += ImagesPerChunk)
        {
            int b = Math.Min(ImagesPerChunk, data.Count - start);
            using var scope = NewDisposeScope();
            Tensor logP = tensor(prediction.Score.AsSpan(start * k * px, b * k * px).ToArray(), new long[] { b, k, data.Height, data.Width })
                .clamp_min(MinProbability).log();
            Tensor labels = tensor(data.Labels.AsSpan(start * a * px, b * a * px).ToArray(), new long[] { b, a, data.Height, data.Width });
            Tensor isPresent = tensor(present.AsSpan(start * a, b * a).ToArray(), new long[] { b, a });
            // Absent slots hold 255; point them at class 0 for the gather, their loss is masked out below.
            Tensor ids = labels.where(isPresent.to_type(ScalarType.Bool).view(b, a, 1, 1), 0).to_type(ScalarType.Int64);
            Tensor perAnnotator = logP.gather(1, ids).neg().mean([2, 3]);                     // [b, A]
            Tensor annotators = isPresent.sum(1);
            Tensor perImage = (perAnnotator * isPresent).sum(1) / annotators;                // NaN (0/0) when none present
            perImage.to_type(ScalarType.Float64).data<double>().CopyTo(values.AsSpan(start, b));
        }
        return MetricSummary.FromValues(values);
    }
}
