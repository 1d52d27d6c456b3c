namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates <see cref="CalibrationError"/> image by image and pools the reliability diagram (MONAI-style; shards merge).</summary>
public sealed class CalibrationErrorMetric
{
    private readonly List<CalibrationResult> _results = [];
    private ReliabilityDiagram _pooled;

    /// <summary>Creates the accumulator.</summary>
    /// <param name="classes">Number of classes K.</param>
    /// <param name="bins">Confidence bins (default 10, SSN).</param>
    public CalibrationErrorMetric(int classes = 2, int bins = CalibrationError.DefaultBins)
    {
        _pooled = new ReliabilityDiagram(classes, bins);
        Classes = classes;
        Bins = bins;
    }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>Confidence bins.</summary>
    public int Bins { get; }

    /// <summary>Adds one image: mean probabilities <c>[K, H·W]</c> and annotator slots <c>[A, H·W]</c>.</summary>
    public CalibrationResult Accumulate(ReadOnlySpan<float> meanProbabilities, LabelMaps annotations)
    {
        var result = CalibrationError.Compute(meanProbabilities, Classes, annotations, Bins);
        _results.Add(result);
        _pooled.Add(result.Diagram);
        return result;
    }

    /// <summary>Per-image and pooled calibration of everything accumulated so far.</summary>
    public CalibrationSummary Aggregate()
    {
        var pooled = new ReliabilityDiagram(Classes, Bins);
        pooled.Add(_pooled);
        return new CalibrationSummary(
            MetricSummary.FromValues(_results.Select(r => r.Ece).ToArray()),
            MetricSummary.FromValues(_results.Select(r => r.UnweightedEce).ToArray()),
            Enumerable.Range(0, Classes).Select(c => MetricSummary.FromValues(_results.Select(r => r.EcePerClass[c]).ToArray())).ToArray(),
            pooled);
    }

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        _results.Clear();
        _pooled = new ReliabilityDiagram(Classes, Bins);
    }

    /// <summary>Appends the images of <paramref name="other"/> (same classes and bins).</summary>
    public void Merge(CalibrationErrorMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Classes != Classes || other.Bins != Bins)
            throw new ArgumentException($"Cannot merge a {other.Classes}-class, {other.Bins}-bin accumulator into a {Classes}-class, {Bins}-bin one.", nameof(other));
        _results.AddRange(other._results);
        _pooled.Add(other._pooled);
    }
}
