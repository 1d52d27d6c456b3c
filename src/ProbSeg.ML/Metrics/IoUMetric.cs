namespace ProbSeg.ML.Metrics;

/// <summary>
/// Accumulates the intersection over union of a prediction with its annotation(s), one value per image (MONAI-style: accumulate,
/// aggregate, reset; shards merge).
/// </summary>
/// <remarks>
/// Conventions are those of <see cref="IoU"/> (defaults: PHiSeg). An absent annotator (first pixel 255) is skipped;
/// an image with no usable pair gets NaN, counted in <see cref="MetricSummary.UndefinedCount"/>.
/// <example><code>
/// var metric = new IoUMetric();
/// foreach (var (prediction, annotations) in testSet) metric.Accumulate(prediction, annotations);
/// MetricSummary result = metric.Aggregate();
/// </code></example>
/// </remarks>
public sealed class IoUMetric
{
    private readonly OverlapAccumulator _inner;

    /// <summary>Creates the accumulator with <paramref name="options"/> (default: PHiSeg conventions, binary).</summary>
    public IoUMetric(OverlapOptions? options = null) => _inner = new OverlapAccumulator(options ?? OverlapOptions.Default, dice: false);

    /// <summary>The conventions in use.</summary>
    public OverlapOptions Options => _inner.Options;

    /// <summary>Adds one image: the score of <paramref name="prediction"/> against <paramref name="target"/> (NaN if the target is an absent annotator).</summary>
    public void Accumulate(ReadOnlySpan<byte> prediction, ReadOnlySpan<byte> target) => _inner.Accumulate(prediction, target);

    /// <summary>Adds one image: the mean score of <paramref name="prediction"/> against each present annotator.</summary>
    public void Accumulate(ReadOnlySpan<byte> prediction, LabelMaps annotations) => _inner.Accumulate(prediction, annotations);

    /// <summary>Mean, per-image values and counts of everything accumulated so far.</summary>
    public MetricSummary Aggregate() => _inner.Values.Summary();

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset() => _inner.Values.Clear();

    /// <summary>Appends the images of <paramref name="other"/> (same options), e.g. a shard evaluated elsewhere.</summary>
    public void Merge(IoUMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _inner.Merge(other._inner);
    }
}
