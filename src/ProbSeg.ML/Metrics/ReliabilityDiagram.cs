namespace ProbSeg.ML.Metrics;

/// <summary>
/// Class-wise reliability-diagram data: per class and confidence bin, the pixel count, the mean predicted probability
/// and the observed frequency of the class (share of annotators who chose it). Sums add up across images.
/// </summary>
public sealed class ReliabilityDiagram
{
    private readonly long[] _count;
    private readonly double[] _confidenceSum;
    private readonly double[] _accuracySum;

    /// <summary>An empty diagram of <paramref name="classes"/> × <paramref name="bins"/> bins over [0, 1].</summary>
    public ReliabilityDiagram(int classes, int bins)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), $"Class count must be at least 2, got {classes}.");
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"Bin count must be at least 1, got {bins}.");
        Classes = classes;
        Bins = bins;
        _count = new long[classes * bins];
        _confidenceSum = new double[classes * bins];
        _accuracySum = new double[classes * bins];
    }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>Number of equal-width confidence bins.</summary>
    public int Bins { get; }

    /// <summary>Pixels whose probability of class <paramref name="c"/> fell in bin <paramref name="bin"/>.</summary>
    public long Count(int c, int bin) => _count[Index(c, bin)];

    /// <summary>Mean predicted probability of class <paramref name="c"/> in bin <paramref name="bin"/> (NaN if empty).</summary>
    public double Confidence(int c, int bin) => Ratio(_confidenceSum, c, bin);

    /// <summary>Observed frequency of class <paramref name="c"/> in bin <paramref name="bin"/>: mean share of annotators choosing it (NaN if empty).</summary>
    public double Accuracy(int c, int bin) => Ratio(_accuracySum, c, bin);

    /// <summary>Expected calibration error of class <paramref name="c"/>: Σ_b n_b·|conf_b − acc_b| / Σ_b n_b (NaN if no pixel).</summary>
    public double ExpectedCalibrationError(int c)
    {
        double weighted = 0;
        long total = 0;
        for (int b = 0; b < Bins; b++)
        {
            long n = Count(c, b);
            if (n == 0) continue;
            weighted += n * Math.Abs(Confidence(c, b) - Accuracy(c, b));
            total += n;
        }
        return total == 0 ? double.NaN : weighted / total;
    }

    /// <summary>Mean over non-empty bins of |conf_b − acc_b| for class <paramref name="c"/> (SSN's <c>unweighted_ece</c>).</summary>
    public double UnweightedCalibrationError(int c)
    {
        double sum = 0;
        int bins = 0;
        for (int b = 0; b < Bins; b++)
        {
            if (Count(c, b) == 0) continue;
            sum += Math.Abs(Confidence(c, b) - Accuracy(c, b));
            bins++;
        }
        return bins == 0 ? double.NaN : sum / bins;
    }

    /// <summary>Lower edge of bin <paramref name="bin"/>, as <c>np.linspace(0, 1, bins + 1)</c>.</summary>
    public double LowerEdge(int bin) => bin * (1.0 / Bins);

    internal void Add(int c, int bin, double confidence, double accuracy)
    {
        int i = Index(c, bin);
        _count[i]++;
        _confidenceSum[i] += confidence;
        _accuracySum[i] += accuracy;
    }

    internal void Add(ReliabilityDiagram other)
    {
        if (other.Classes != Classes || other.Bins != Bins)
            throw new ArgumentException($"Cannot add a {other.Classes}×{other.Bins} diagram to a {Classes}×{Bins} one.");
        for (int i = 0; i < _count.Length; i++)
        {
            _count[i] += other._count[i];
            _confidenceSum[i] += other._confidenceSum[i];
            _accuracySum[i] += other._accuracySum[i];
        }
    }

    /// <summary>The bin of probability <paramref name="p"/> (clamped to [0, 1]); bins are [e_b, e_b+1), the last one closed, with numpy's edges.</summary>
    internal int BinOf(double p)
    {
        p = Math.Clamp(p, 0, 1);
        int b = Math.Min((int)(p * Bins), Bins - 1);
        while (b > 0 && p < LowerEdge(b)) b--;
        while (b < Bins - 1 && p >= LowerEdge(b + 1)) b++;
        return b;
    }

    private double Ratio(double[] sums, int c, int bin)
    {
        int i = Index(c, bin);
        return _count[i] == 0 ? double.NaN : sums[i] / _count[i];
    }

    private int Index(int c, int bin)
    {
        if ((uint)c >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(c), $"Class {c} is outside [0, {Classes}).");
        if ((uint)bin >= (uint)Bins) throw new ArgumentOutOfRangeException(nameof(bin), $"Bin {bin} is outside [0, {Bins}).");
        return c * Bins + bin;
    }
}
