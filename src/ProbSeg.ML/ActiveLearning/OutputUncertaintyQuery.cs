using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// Queries the unlabelled images whose predictions are most uncertain: score = sum over pixels of the entropy (bits) of
/// the mean prediction over <see cref="QueryContext.Samples"/> samples (Czolbe <c>src/active_learning.py</c>,
/// <c>pixel_wise_uncertainty(x).sum(dim=(1,2,3))</c> with 16 samples), ranked over the unlabelled images only.
/// </summary>
public sealed class OutputUncertaintyQuery : ScoredQuery
{
    // Images predicted per call, so memory stays bounded on large pools (samples are kept per image).
    private const int ImagesPerChunk = 64;

    /// <inheritdoc/>
    public override string Name => "output_uncertainty";

    /// <inheritdoc/>
    public override double[] Score(QueryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var predictor = new SegmentationPredictor(context.Model, context.Device, context.PredictionBatchSize);
        var pool = context.Pool;
        var scores = new double[context.Unlabelled.Count];
        for (int start = 0; start < scores.Length; start += ImagesPerChunk)
        {
            int n = Math.Min(ImagesPerChunk, scores.Length - start);
            var chunk = pool.Subset(context.Unlabelled.Skip(start).Take(n).ToArray());
            // A distinct seed per chunk, so chunks do not repeat each other's dropout masks or latent draws.
            var prediction = predictor.Predict(chunk.Images, chunk.Count, chunk.Height, chunk.Width, context.Samples, context.Seed + start);
            ImageUncertainty(prediction).CopyTo(scores, start);
        }
        return scores;
    }

    /// <summary>Per image, the sum of <see cref="SegmentationPrediction.Uncertainty"/> over its pixels (bits).</summary>
    public static double[] ImageUncertainty(SegmentationPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var totals = new double[prediction.Count];
        for (int i = 0; i < totals.Length; i++)
        {
            double sum = 0;
            foreach (float bits in prediction.UncertaintyOf(i)) sum += bits;
            totals[i] = sum;
        }
        return totals;
    }
}
