namespace ProbSeg.ML.Metrics;

/// <summary>
/// Accumulates <see cref="GeneralizedEnergyDistance"/> image by image: GED, sample diversity and annotator diversity
/// (MONAI-style: accumulate, aggregate, reset; shards merge).
/// </summary>
/// <remarks>
/// The data-set value is the mean of the per-image values, as in PHiSeg/SSN evaluation scripts. With
/// <see cref="GroundTruthSampling.DrawnWithReplacement"/> each image draws with a seed derived from the option's seed
/// and the image itself, so merged shards give exactly what one pass over all images gives.
/// </remarks>
public sealed class GeneralizedEnergyDistanceMetric
{
    private readonly List<GedResult> _results = [];

    /// <summary>Creates the accumulator with <paramref name="options"/> (default: PHiSeg).</summary>
    public GeneralizedEnergyDistanceMetric(GedOptions? options = null)
    {
        Options = options ?? GedOptions.Default;
        Options.Validate();
    }

    /// <summary>The conventions in use.</summary>
    public GedOptions Options { get; }

    /// <summary>Adds one image given its samples <c>[N, H·W]</c> and annotator slots <c>[A, H·W]</c>.</summary>
    public GedResult Accumulate(LabelMaps samples, LabelMaps annotations) =>
        Accumulate(PairwiseIoU.Compute(samples, annotations, Options.Overlap));

    /// <summary>Adds one image from IoUs already computed (with the same overlap options).</summary>
    public GedResult Accumulate(PairwiseIoU pairwise)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        if (pairwise.Options != Options.Overlap)
            throw new ArgumentException($"Pairwise IoUs were computed with {pairwise.Options}, this metric uses {Options.Overlap}.", nameof(pairwise));
        var result = GeneralizedEnergyDistance.FromPairwise(pairwise, Options.GroundTruth);
        _results.Add(result);
        return result;
    }

    /// <summary>Means, per-image values and counts of everything accumulated so far.</summary>
    public GedSummary Aggregate() => new(
        MetricSummary.FromValues(_results.Select(r => r.Ged).ToArray()),
        MetricSummary.FromValues(_results.Select(r => r.CrossDistance).ToArray()),
        MetricSummary.FromValues(_results.Select(r => r.SampleDiversity).ToArray()),
        MetricSummary.FromValues(_results.Select(r => r.AnnotatorDiversity).ToArray()),
        _results.ToArray());

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset() => _results.Clear();

    /// <summary>Appends the images of <paramref name="other"/> (same options).</summary>
    public void Merge(GeneralizedEnergyDistanceMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Options != Options)
            throw new ArgumentException($"Cannot merge accumulators with different options ({other.Options} vs {Options}).", nameof(other));
        _results.AddRange(other._results);
    }
}
