namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates <see cref="SampleVersusMeanDice"/> image by image (MONAI-style; shards merge).</summary>
public sealed class SampleVersusMeanDiceMetric
{
    private readonly List<SampleVersusMeanDiceResult> _results = [];

    /// <summary>Creates the accumulator for <paramref name="classes"/> classes.</summary>
    /// <param name="classes">Number of classes K.</param>
    /// <param name="emptyPairs">Dice of a class absent from both masks; default <see cref="EmptyPairConvention.Exclude"/> (SSN).</param>
    public SampleVersusMeanDiceMetric(int classes = 2, EmptyPairConvention emptyPairs = EmptyPairConvention.Exclude)
    {
        new OverlapOptions { Classes = classes, EmptyPairs = emptyPairs }.Validate();
        Classes = classes;
        EmptyPairs = emptyPairs;
    }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>Dice of a class absent from both masks.</summary>
    public EmptyPairConvention EmptyPairs { get; }

    /// <summary>Adds one image (see <see cref="SampleVersusMeanDice.Compute"/>).</summary>
    public SampleVersusMeanDiceResult Accumulate(LabelMaps samples, ReadOnlySpan<byte> meanPrediction, LabelMaps annotations)
    {
        var result = SampleVersusMeanDice.Compute(samples, meanPrediction, annotations, Classes, EmptyPairs);
        _results.Add(result);
        return result;
    }

    /// <summary>Pooled and per-image summaries of everything accumulated so far.</summary>
    public SampleVersusMeanDiceSummary Aggregate()
    {
        long comparisons = _results.Sum(r => (long)r.Comparisons), better = _results.Sum(r => (long)r.Better);
        var perClass = Enumerable.Range(0, Classes)
            .Select(c => MetricSummary.FromValues(_results.Select(r => r.MeanDicePerClass[c]).ToArray()))
            .ToArray();
        return new SampleVersusMeanDiceSummary(
            comparisons == 0 ? double.NaN : (double)better / comparisons,
            MetricSummary.FromValues(_results.Select(r => r.FractionBetter).ToArray()),
            MetricSummary.FromValues(_results.Select(r => r.MedianGain).ToArray()),
            perClass);
    }

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset() => _results.Clear();

    /// <summary>Appends the images of <paramref name="other"/> (same settings).</summary>
    public void Merge(SampleVersusMeanDiceMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Classes != Classes || other.EmptyPairs != EmptyPairs)
            throw new ArgumentException($"Cannot merge accumulators with different settings (K={other.Classes}, {other.EmptyPairs} vs K={Classes}, {EmptyPairs}).", nameof(other));
        _results.AddRange(other._results);
    }
}
