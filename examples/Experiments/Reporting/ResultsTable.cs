using System.Globalization;
using System.Text;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Runs;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>The markdown results table: one row per model, mean ± standard error over the test images.</summary>
public static class ResultsTable
{
    /// <summary>The table; <paramref name="oracle"/> (samples drawn from the true distribution) is added as a last row.</summary>
    /// <param name="results">Model results in table order.</param>
    /// <param name="samples">N of GED_N and diversity.</param>
    /// <param name="fewSamples">N of GED and HM-IoU with few samples.</param>
    /// <param name="figureLink">Relative link to a model's figure.</param>
    /// <param name="oracle">Scores of samples from the true distribution, or null.</param>
    public static string Markdown(IReadOnlyList<ModelResult> results, int samples, int fewSamples, Func<ModelResult, string?> figureLink,
        ScoreSummary? oracle = null)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"| model | parameters | steps | train CPU / wall | GED₍{fewSamples}₎ ↓ | GED₍{samples}₎ ↓ | HM-IoU₍{fewSamples}₎ ↑ | sample diversity | Dice (mean pred. vs majority) ↑ | figure |"));
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (ModelResult r in results)
        {
            string link = figureLink(r) is { } l ? $"[grid]({l})" : "–";
            if (r.Evaluation is null)
            {
                text.AppendLine($"| {r.Entry.Label} | {r.Parameters:N0} | – | – | failed: {r.Failure} | | | | | – |");
                continue;
            }
            var s = r.Evaluation.Summary;
            string label = r.Retried ? r.Entry.Label + " †" : r.Entry.Label;
            text.AppendLine(Invariant($"| {label} | {r.Parameters:N0} | {r.Training!.Steps:N0} | {r.Training.CpuTime.TotalMinutes:0.0} / {r.Training.Elapsed.TotalMinutes:0.0} min | {Cell(s.GedFew)} | {Cell(s.GedMany)} | {Cell(s.HmIou)} | {Cell(s.Diversity)} | {Cell(s.Dice)} | {link} |"));
        }
        if (oracle is not null)
            text.AppendLine(Invariant($"| *samples from the true distribution* | – | – | – | {Cell(oracle.GedFew)} | {Cell(oracle.GedMany)} | {Cell(oracle.HmIou)} | {Cell(oracle.Diversity)} | {Cell(oracle.Dice)} | – |"));
        if (results.Any(r => r.Retried))
            text.AppendLine().AppendLine("† A native LibTorch error ended the first attempt; the row is a second run from scratch with the same seed.");
        return text.ToString();
    }

    /// <summary>"0.234 ± 0.012" (mean ± standard error), with the count of undefined images if any.</summary>
    public static string Cell(MetricSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (double.IsNaN(summary.Mean)) return "n/a";
        string cell = Invariant($"{summary.Mean:0.000} ± {summary.StandardError:0.000}");
        return summary.UndefinedCount > 0 ? cell + Invariant($" ({summary.UndefinedCount} undef.)") : cell;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
