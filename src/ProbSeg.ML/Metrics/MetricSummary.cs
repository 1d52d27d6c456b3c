namespace ProbSeg.ML.Metrics;

/// <summary>A per-image scalar metric over a data set: its mean, the value of each image, and how many were undefined.</summary>
/// <param name="Mean">Mean over the images whose value is defined (NaN when none is).</param>
/// <param name="StandardError">Standard error of that mean (population std / √n, as SSN's <c>nanstderr</c>).</param>
/// <param name="PerImage">Value of each accumulated image in order; NaN marks an undefined value (counted in <paramref name="UndefinedCount"/>).</param>
/// <param name="Count">Images accumulated.</param>
/// <param name="UndefinedCount">Images whose value is undefined (e.g. only excluded pairs, or no annotator present), left out of the mean.</param>
public sealed record MetricSummary(double Mean, double StandardError, IReadOnlyList<double> PerImage, int Count, int UndefinedCount)
{
    /// <summary>Summarises <paramref name="values"/> (NaN = undefined).</summary>
    public static MetricSummary FromValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0, sumSq = 0;
        int defined = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            sum += v;
            sumSq += v * v;
            defined++;
        }
        double mean = defined == 0 ? double.NaN : sum / defined;
        double stdErr = defined == 0 ? double.NaN : Math.Sqrt(Math.Max(0, sumSq / defined - mean * mean) / defined);
        return new MetricSummary(mean, stdErr, values.ToArray(), values.Count, values.Count - defined);
    }
}
