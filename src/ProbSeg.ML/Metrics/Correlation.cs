namespace ProbSeg.ML.Metrics;

/// <summary>Pearson correlation with an explicit rule for constant inputs.</summary>
internal static class Correlation
{
    /// <summary>
    /// Pearson's r of <paramref name="a"/> and <paramref name="b"/>; NaN when either is constant, i.e. its population
    /// std is at most <paramref name="tolerance"/> times its largest magnitude (callers count NaN as undefined).
    /// </summary>
    public static double Pearson(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double tolerance)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Maps differ in size: {a.Length} vs {b.Length}.");
        int n = a.Length;
        if (n == 0) return double.NaN;
        double meanA = 0, meanB = 0, maxA = 0, maxB = 0;
        for (int x = 0; x < n; x++)
        {
            meanA += a[x];
            meanB += b[x];
            maxA = Math.Max(maxA, Math.Abs(a[x]));
            maxB = Math.Max(maxB, Math.Abs(b[x]));
        }
        meanA /= n;
        meanB /= n;
        double covariance = 0, varA = 0, varB = 0;
        for (int x = 0; x < n; x++)
        {
            double da = a[x] - meanA, db = b[x] - meanB;
            covariance += da * db;
            varA += da * da;
            varB += db * db;
        }
        double stdA = Math.Sqrt(varA / n), stdB = Math.Sqrt(varB / n);
        if (stdA <= tolerance * maxA || stdB <= tolerance * maxB) return double.NaN;
        return covariance / Math.Sqrt(varA * varB);
    }
}
