namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates PHiSeg's S_NCC (<see cref="GammaMapNcc"/>) image by image (MONAI-style; shards merge).</summary>
/// <remarks>The data-set value is the mean over images (PHiSeg/SSN: <c>np.nanmean</c> of the per-image NCC).</remarks>
public sealed class GammaMapNccMetric
{
    private readonly ScalarSeries _values = new();
    private int _undefinedAnnotators;

    /// <summary>Adds one image: softmax of each sample <c>[N, K, H·W]</c> and annotator slots <c>[A, H·W]</c>.</summary>
    /// <returns>The image's γ-map and NCCs (e.g. for rendering).</returns>
    public GammaMapResult Accumulate(ProbabilityMaps samples, LabelMaps annotations)
    {
        var result = GammaMapNcc.Compute(samples, annotations);
        _values.Add(result.Ncc);
        _undefinedAnnotators += result.UndefinedCount;
        return result;
    }

    /// <summary>Mean S_NCC, per-image values and counts of everything accumulated so far.</summary>
    public GammaMapNccSummary Aggregate() => new(_values.Summary(), _undefinedAnnotators);

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        _values.Clear();
        _undefinedAnnotators = 0;
    }

    /// <summary>Appends the images of <paramref name="other"/>.</summary>
    public void Merge(GammaMapNccMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        _values.AddRange(other._values);
        _undefinedAnnotators += other._undefinedAnnotators;
    }
}
