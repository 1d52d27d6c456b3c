namespace ProbSeg.ML.Evaluation;

/// <summary>
/// Expected pixel error as a function of uncertainty, pooled over pixels and images (Czolbe et al.'s question "is the
/// model uncertain where it errs?", as a curve): pixels are binned by their uncertainty and each bin keeps its mean
/// uncertainty and mean expected error (<see cref="PixelError.Expected"/>). Sums add up across images and shards.
/// </summary>
public sealed class UncertaintyErrorCurve
{
    private readonly long[] _count;
    private readonly double[] _uncertaintySum, _errorSum;
    private double _su, _se, _suu, _see, _sue;

    /// <summary>An empty curve of <paramref name="bins"/> equal bins over [0, <paramref name="maximum"/>] (log₂ K bits for entropy).</summary>
    public UncertaintyErrorCurve(int bins, double maximum)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"Bin count must be at least 1, got {bins}.");
        if (!(maximum > 0) || double.IsInfinity(maximum)) throw new ArgumentOutOfRangeException(nameof(maximum), $"Maximum must be positive and finite, got {maximum}.");
        Bins = bins;
        Maximum = maximum;
        _count = new long[bins];
        _uncertaintySum = new double[bins];
        _errorSum = new double[bins];
    }

    /// <summary>Number of uncertainty bins.</summary>
    public int Bins { get; }

    /// <summary>Upper end of the uncertainty range.</summary>
    public double Maximum { get; }

    /// <summary>Pixels counted.</summary>
    public long Count { get; private set; }

    /// <summary>Pixels in bin <paramref name="bin"/>.</summary>
    public long BinCount(int bin) => _count[bin];

    /// <summary>Lower edge of bin <paramref name="bin"/>.</summary>
    public double LowerEdge(int bin) => bin * Maximum / Bins;

    /// <summary>Mean uncertainty of the pixels in bin <paramref name="bin"/> (NaN if empty).</summary>
    public double MeanUncertainty(int bin) => _count[bin] == 0 ? double.NaN : _uncertaintySum[bin] / _count[bin];

    /// <summary>Mean expected error of the pixels in bin <paramref name="bin"/> (NaN if empty).</summary>
    public double MeanError(int bin) => _count[bin] == 0 ? double.NaN : _errorSum[bin] / _count[bin];

    /// <summary>Mean expected error over all pixels (NaN if none).</summary>
    public double OverallError => Count == 0 ? double.NaN : _se / Count;

    /// <summary>
    /// Pearson r between uncertainty and expected error over all pixels pooled (NaN when either is constant). Czolbe's
    /// per-image r is in <see cref="Metrics.UncertaintyAnalysisSummary.ErrorCorrelation"/>.
    /// </summary>
    public double PooledCorrelation
    {
        get
        {
            if (Count < 2) return double.NaN;
            double n = Count;
            double varU = _suu / n - (_su / n) * (_su / n), varE = _see / n - (_se / n) * (_se / n);
            double cov = _sue / n - (_su / n) * (_se / n);
            // Relative floor: sums of float32 maps carry ~1e-7 relative rounding, so smaller variances are noise.
            if (varU <= 1e-12 * Math.Max(1e-30, _suu / n) || varE <= 1e-12 * Math.Max(1e-30, _see / n)) return double.NaN;
            return Math.Clamp(cov / Math.Sqrt(varU * varE), -1, 1);
        }
    }

    internal void Add(ReadOnlySpan<float> uncertainty, ReadOnlySpan<float> error)
    {
        if (uncertainty.Length != error.Length)
            throw new ArgumentException($"Uncertainty has {uncertainty.Length} pixels, error {error.Length}.");
        for (int x = 0; x < uncertainty.Length; x++)
        {
            double u = uncertainty[x], e = error[x];
            int b = Math.Clamp((int)(u / Maximum * Bins), 0, Bins - 1);
            _count[b]++;
            _uncertaintySum[b] += u;
            _errorSum[b] += e;
            _su += u; _se += e; _suu += u * u; _see += e * e; _sue += u * e;
        }
        Count += uncertainty.Length;
    }

    internal void Add(UncertaintyErrorCurve other)
    {
        if (other.Bins != Bins || other.Maximum != Maximum) throw new ArgumentException("Cannot add curves with different bins.");
        for (int b = 0; b < Bins; b++)
        {
            _count[b] += other._count[b];
            _uncertaintySum[b] += other._uncertaintySum[b];
            _errorSum[b] += other._errorSum[b];
        }
        _su += other._su; _se += other._se; _suu += other._suu; _see += other._see; _sue += other._sue;
        Count += other.Count;
    }

    internal UncertaintyErrorCurve Copy()
    {
        var copy = new UncertaintyErrorCurve(Bins, Maximum);
        copy.Add(this);
        return copy;
    }
}
