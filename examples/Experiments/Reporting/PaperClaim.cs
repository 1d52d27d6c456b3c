using System.Globalization;
using ProbSeg.ML.Experiments.Runs;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>A published prediction "model A's GED is below model B's", checked on the same test images.</summary>
/// <param name="Better">Registry name of the model predicted to have the lower GED.</param>
/// <param name="Worse">Registry name of the other model.</param>
/// <param name="Statement">The prediction in words.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record PaperClaim(string Better, string Worse, string Statement, string Source)
{
    /// <summary>The predictions this project checks (brief of issues #4–#6).</summary>
    public static IReadOnlyList<PaperClaim> Standard { get; } =
    [
        new("punet", "det", "the Probabilistic U-Net's GED is clearly below the deterministic U-Net's", "Kohl et al. 2018"),
        new("punet", "mcdropout", "the Probabilistic U-Net's GED is below MC-Dropout's", "Kohl et al. 2018"),
        new("ssn", "ssn-diag", "the low-rank SSN beats the diagonal SSN", "Monteiro et al. 2020"),
        new("phiseg5", "phiseg1", "PHiSeg with L = 5 latent levels beats L = 1", "Baumgartner et al. 2019"),
    ];

    /// <summary>
    /// A plain sentence saying whether the claim holds, from the paired per-image difference of GED with many samples:
    /// it holds when the mean difference is below −2 standard errors, is contradicted above +2, else unresolved.
    /// Null when either model was not run.
    /// </summary>
    public string? Verdict(IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        ModelResult? a = results.FirstOrDefault(r => r.Entry.Name == Better), b = results.FirstOrDefault(r => r.Entry.Name == Worse);
        if (a is null || b is null) return null;
        if (a.Evaluation is null || b.Evaluation is null)
            return $"*{Statement}* ({Source}): cannot be checked, {(a.Evaluation is null ? a.Entry.Label : b.Entry.Label)} failed to train.";
        var (mean, se) = PairedDifference(a.Evaluation.Scores.Select(s => s.GedMany).ToArray(), b.Evaluation.Scores.Select(s => s.GedMany).ToArray());
        var (meanFew, _) = PairedDifference(a.Evaluation.Scores.Select(s => s.GedFew).ToArray(), b.Evaluation.Scores.Select(s => s.GedFew).ToArray());
        string numbers = string.Create(CultureInfo.InvariantCulture,
            $"GED₁₀₀ {a.Evaluation.Summary.GedMany.Mean:0.000} vs {b.Evaluation.Summary.GedMany.Mean:0.000}, paired difference {mean:+0.000;−0.000} ± {se:0.000}; GED₁₆ difference {meanFew:+0.000;−0.000}");
        string verdict = mean < -2 * se ? "**holds here**"
            : mean > 2 * se ? "**does not hold here: the opposite is significant**"
            : "**not resolved here**: the difference is within two standard errors";
        return $"*{Statement}* ({Source}): {verdict} ({numbers}).";
    }

    /// <summary>Mean and standard error of a − b over the images where both are defined.</summary>
    public static (double Mean, double StandardError) PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"{a.Count} vs {b.Count} images: a paired difference needs the same images.");
        var d = a.Zip(b, (x, y) => x - y).Where(v => !double.IsNaN(v)).ToArray();
        if (d.Length == 0) return (double.NaN, double.NaN);
        double mean = d.Average();
        double variance = d.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, d.Length - 1);
        return (mean, Math.Sqrt(variance / d.Length));
    }
}
