namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates <see cref="HungarianMatchedIoU"/> image by image (MONAI-style; shards merge).</summary>
/// <remarks>The data-set value is the mean over images, as CAR and MoSE report it.</remarks>
public sealed class HungarianMatchedIoUMetric
{
    private readonly ScalarSeries _values = new();

    /// <summary>Creates the accumulator with <paramref name="options"/> (default: foreground IoU, both-empty = 1, as CAR).</summary>
    public HungarianMatchedIoUMetric(OverlapOptions? options = null)
    {
        Options = options ?? OverlapOptions.Default;
        Options.Validate();
    }

    /// <summary>The overlap conventions in use.</summary>
    public OverlapOptions Options { get; }

    /// <summary>Adds one image given its samples <c>[N, H·W]</c> and annotator slots <c>[A, H·W]</c>.</summary>
    public HungarianMatchedIoUResult Accumulate(LabelMaps samples, LabelMaps annotations) =>
        Accumulate(PairwiseIoU.Compute(samples, annotations, Options));

    /// <summary>Adds one image from IoUs already computed (with the same options).</summary>
    public HungarianMatchedIoUResult Accumulate(PairwiseIoU pairwise)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        if (pairwise.Options != Options)
            throw new ArgumentException($"Pairwise IoUs were computed with {pairwise.Options}, this metric uses {Options}.", nameof(pairwise));
        var result = HungarianMatchedIoU.FromPairwise(pairwise);
        _values.Add(result.Value);
        return result;
    }

    /// <summary>Mean, per-image values and counts of everything accumulated so far.</summary>
    public MetricSummary Aggregate() => _values.Summary();

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset() => _values.Clear();

    /// <summary>Appends the images of <paramref name="other"/> (same options).</summary>
    public void Merge(HungarianMatchedIoUMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Options != Options)
            throw new ArgumentException($"Cannot merge accumulators with different options ({other.Options} vs {Options}).", nameof(other));
        _values.AddRange(other._values);
    }
}
