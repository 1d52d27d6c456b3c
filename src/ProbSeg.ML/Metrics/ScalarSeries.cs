namespace ProbSeg.ML.Metrics;

/// <summary>The per-image values behind an accumulator; merging appends another shard's values.</summary>
internal sealed class ScalarSeries
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;
    public IReadOnlyList<double> Values => _values;
    public void Add(double value) => _values.Add(value);
    public void AddRange(ScalarSeries other) => _values.AddRange(other._values);
    public void Clear() => _values.Clear();
    public MetricSummary Summary() => MetricSummary.FromValues(_values);
}
