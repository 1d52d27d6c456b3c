using System.Globalization;
using System.Text;
using ProbSeg.ML.Experiments.Runs;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>Report sections both experiments share.</summary>
public static class ReportText
{
    /// <summary>The "how this was produced" block: command, date, machine, load, seed, budget, status.</summary>
    public static string Provenance(RunInfo info, CommonOptions common, int modelsDone, bool finished)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(common);
        var text = new StringBuilder();
        text.AppendLine("```bash");
        text.AppendLine(info.Command);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"- **Date:** started {info.StartedUtc:yyyy-MM-dd HH:mm} UTC{(finished ? Invariant($", finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC") : Invariant($" — **partial: {modelsDone} of {common.Models.Count} models done**"))}."));
        if (info.Commit is { } commit) text.AppendLine($"- **Code:** commit `{commit}`.");
        text.AppendLine($"- **Machine:** {MachineInfo.Describe()}. Load average (1/5/15 min) at start {info.LoadAtStart}, at the end {MachineInfo.LoadAverage()}: {(common.OnGpu ? "on a GPU the budget counts wall-clock time." : "the cores were shared with other jobs, which is why the budget counts CPU time rather than wall-clock time.")}");
        text.AppendLine($"- **Seed:** {common.Seed} (data, TorchSharp's generator before each model is built, batch order, annotator draws, samples).");
        text.AppendLine($"- **Budget:** {common.Budget}; Adam, lr {common.LearningRate.ToString(CultureInfo.InvariantCulture)}, batch {common.BatchSize}, one random annotator per image per step, no validation or checkpoint selection (the final weights are evaluated).");
        text.AppendLine($"- **Backbone (every model):** {common.Width}.");
        return text.ToString();
    }

    /// <summary>The model list with each one's settings.</summary>
    public static string ModelSettings(IReadOnlyList<ModelResult> results, CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var text = new StringBuilder();
        foreach (var entry in common.Models) text.AppendLine($"- `{entry.Name}` — {entry.Label}: {entry.Settings}.");
        return text.ToString();
    }

    /// <summary>The checked paper predictions, one line each (only those whose two models ran).</summary>
    public static string Claims(IReadOnlyList<ModelResult> results)
    {
        var lines = PaperClaim.Standard.Select(c => c.Verdict(results)).OfType<string>().ToArray();
        var text = new StringBuilder();
        foreach (string line in lines) text.AppendLine($"- {line}");
        var missing = PaperClaim.Standard.Where(c => c.Verdict(results) is null).ToArray();
        if (missing.Length > 0)
            text.AppendLine($"- Not checked in this run (a model was not part of it): {string.Join("; ", missing.Select(c => $"*{c.Statement}*"))}.");
        return text.ToString();
    }

    /// <summary>"every slice", "every 2nd slice", "every 32nd slice", …</summary>
    public static string Every(int n, string noun) => n == 1 ? $"every {noun}" : $"every {Ordinal(n)} {noun}";

    /// <summary>1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st.</summary>
    public static string Ordinal(int n)
    {
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>A culture-invariant string.</summary>
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
