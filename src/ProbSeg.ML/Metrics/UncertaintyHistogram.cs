namespace ProbSeg.ML.Metrics;

/// <summary>
/// Distribution of pixel uncertainties in one group (a condition or an agreement level): exact count, mean, std,
/// min and max, and a fixed-bin histogram (for strip/violin plots and the median). Histograms add up across images.
/// </summary>
public sealed class UncertaintyHistogram
{
    private readonly long[] _bins;
    private double _sum, _sumSquares;

    /// <summary>An empty histogram of <paramref name="bins"/> equal bins over [0, <paramref name="maximum"/>].</summary>
    public UncertaintyHistogram(int bins, double maximum)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"Bin count must be at least 1, got {bins}.");
        if (!(maximum > 0)) throw new ArgumentOutOfRangeException(nameof(maximum), $"Histogram maximum must be positive, got {maximum}.");
        _bins = new long[bins];
        Maximum = maximum;
    }

    /// <summary>Upper end of the histogram range (log₂ K bits for entropy).</summary>
    public double Maximum { get; }

    /// <summary>Number of bins.</summary>
    public int BinCount => _bins.Length;

    /// <summary>Pixels counted.</summary>
    public long Count { get; private set; }

    /// <summary>Smallest value seen (NaN when empty).</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>Largest value seen (NaN when empty).</summary>
    public double Max { get; private set; } = double.NaN;

    /// <summary>Exact mean (NaN when empty).</summary>
    public double Mean => Count == 0 ? double.NaN : _sum / Count;

    /// <summary>Exact population standard deviation (NaN when empty).</summary>
    public double StandardDeviation => Count == 0 ? double.NaN : Math.Sqrt(Math.Max(0, _sumSquares / Count - Mean * Mean));

    /// <summary>Median, interpolated within its bin (accurate to one bin width); NaN when empty.</summary>
    public double Median
    {
        get
        {
            if (Count == 0) return double.NaN;
            double half = Count / 2.0, cumulative = 0, width = Maximum / _bins.Length;
            for (int b = 0; b < _bins.Length; b++)
            {
                if (cumulative + _bins[b] >= half && _bins[b] > 0)
                    return Math.Clamp(b * width + (half - cumulative) / _bins[b] * width, Min, Max);
                cumulative += _bins[b];
            }
            return Max;
        }
    }

    /// <summary>Pixels in bin <paramref name="bin"/>.</summary>
    public long this[int bin] => _bins[bin];

    /// <summary>Lower edge of bin <paramref name="bin"/>.</summary>
    public double LowerEdge(int bin) => bin * Maximum / _bins.Length;

    internal void Add(double value)
    {
        int b = (int)(value / Maximum * _bins.Length);
        _bins[Math.Clamp(b, 0, _bins.Length - 1)]++;
        _sum += value;
        _sumSquares += value * value;
        Min = Count == 0 ? value : Math.Min(Min, value);
        Max = Count == 0 ? value : Math.Max(Max, value);
        Count++;
    }

    internal void Add(UncertaintyHistogram other)
    {
        if (other._bins.Length != _bins.Length || other.Maximum != Maximum)
            throw new ArgumentException("Cannot add histograms with different bins.");
        if (other.Count == 0) return;
        for (int b = 0; b < _bins.Length; b++) _bins[b] += other._bins[b];
        _sum += other._sum;
        _sumSquares += other._sumSquares;
        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Count == 0 ? other.Max : Math.Max(Max, other.Max);
        Count += other.Count;
    }
}
