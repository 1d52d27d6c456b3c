namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates <see cref="UncertaintyAnalysis"/> image by image (MONAI-style; shards merge).</summary>
public sealed class UncertaintyAnalysisMetric
{
    private readonly ScalarSeries _correlations = new();
    private UncertaintyBreakdown _breakdown;
    private int _undefined;

    /// <summary>Creates the accumulator with <paramref name="options"/> (default: Czolbe, binary).</summary>
    public UncertaintyAnalysisMetric(UncertaintyAnalysisOptions? options = null)
    {
        Options = options ?? new UncertaintyAnalysisOptions();
        Options.Validate();
        _breakdown = NewBreakdown();
    }

    /// <summary>The settings in use.</summary>
    public UncertaintyAnalysisOptions Options { get; }

    /// <summary>Adds one image (see <see cref="UncertaintyAnalysis.Compute"/>).</summary>
    public UncertaintyAnalysisResult Accumulate(ReadOnlySpan<float> meanProbabilities, LabelMaps samples, LabelMaps annotations)
    {
        var result = UncertaintyAnalysis.Compute(meanProbabilities, samples, annotations, Options);
        _breakdown.Add(result.Breakdown);
        _correlations.Add(result.ErrorCorrelation);
        _undefined += result.UndefinedCorrelations;
        return result;
    }

    /// <summary>Pooled histograms and the correlation summary of everything accumulated so far.</summary>
    public UncertaintyAnalysisSummary Aggregate() => new(_breakdown.Copy(), _correlations.Summary(), _undefined);

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        _correlations.Clear();
        _breakdown = NewBreakdown();
        _undefined = 0;
    }

    /// <summary>Adds the images of <paramref name="other"/> (same options).</summary>
    public void Merge(UncertaintyAnalysisMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Options != Options)
            throw new ArgumentException($"Cannot merge accumulators with different options ({other.Options} vs {Options}).", nameof(other));
        _breakdown.Add(other._breakdown);
        _correlations.AddRange(other._correlations);
        _undefined += other._undefined;
    }

    private UncertaintyBreakdown NewBreakdown() => new(Options.HistogramBins, Math.Log2(Options.Classes));
}
