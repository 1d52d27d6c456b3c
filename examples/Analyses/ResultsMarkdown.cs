using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Examples.Analyses;

/// <summary>Writes <c>analyses.md</c>: how the run was made, then each experiment's numbers and figures.</summary>
internal static class ResultsMarkdown
{
    private static readonly Dictionary<string, string> Meaning = new()
    {
        ["GED"] = "D²_GED, PHiSeg conventions (foreground IoU, both-empty = 1, all annotators); lower is better",
        ["SampleDiversity"] = "mean d(S, S') over sample pairs",
        ["AnnotatorDiversity"] = "mean d(Y, Y') over annotator pairs",
        ["HM-IoU"] = "Hungarian-matched IoU, annotators repeated to N (CAR, MoSE); higher is better",
        ["S_NCC"] = "PHiSeg: NCC of the γ-map with each annotator's CE map, mean over annotators and images",
        ["FractionSamplesBetterThanMean"] = "SSN: share of (sample, annotator, class) comparisons a sample's Dice beats the mean prediction's",
        ["MedianDiceGain"] = "SSN: median over samples of Dice(sample) − Dice(mean), mean over annotators, classes, images",
        ["ECE"] = "class-wise expected calibration error of the mean prediction, 10 bins (SSN), mean over classes and images",
        ["UncertaintyErrorCorrelation"] = "Czolbe: per-image Pearson r(uncertainty, pixel error of a sample vs a random annotator), 16 draws",
        ["PooledUncertaintyErrorCorrelation"] = "r(uncertainty, expected pixel error) over all pixels pooled",
        ["UnassignedSampleFraction"] = "share of samples matching no mode (0 with nearest-mode assignment)",
        ["PixelMarginalCalibrationError"] = "ECE of per-pixel sample frequencies against the true marginals, mean over classes",
    };

    public static string Write(IReadOnlyList<ExperimentResult> results, RunOptions options, string[] args, string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var md = new StringBuilder();
        md.AppendLine("# Evaluation suite on a briefly trained Probabilistic U-Net");
        md.AppendLine();
        md.AppendLine("Every analysis of the seed papers (issue #7), run by `EvaluationSuite` (src/ProbSeg.ML/Evaluation) on held-out");
        md.AppendLine("images with known ground-truth mode probabilities, figures by `ProbSeg.ML.Plots`. The models are trained for a");
        md.AppendLine("few minutes on a CPU, so the numbers show what the analyses report, not what the model can reach.");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| command | `dotnet run -c Release --project examples/Analyses{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}` |");
        md.AppendLine($"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        md.AppendLine($"| seed | {options.Seed} (data, weight init, batches, sampling) |");
        md.AppendLine($"| budget | {string.Join("; ", results.Select(r => $"{r.Name}: {r.Training.Steps} steps of batch 12 in {r.Training.Elapsed.TotalSeconds:F0} s"))} |");
        md.AppendLine($"| model | Probabilistic U-Net (Kohl et al. 2018): latent 6, β = 1, U-Net [16, 32, 64, 128] × 2 convs, Adam lr 1e-3, best validation GED checkpoint |");
        md.AppendLine($"| samples | {options.Samples} per test image |");
        md.AppendLine($"| machine | {Environment.ProcessorCount} CPU cores, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, TorchSharp CPU, {options.Threads} torch thread(s) |");
        md.AppendLine();
        foreach (var result in results) Experiment(md, result, folder);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void Experiment(StringBuilder md, ExperimentResult r, string folder)
    {
        var report = r.Report;
        md.AppendLine($"## {r.Name}");
        md.AppendLine();
        md.AppendLine(r.Description);
        md.AppendLine($"Train {r.TrainImages} images, validation 32, test {r.TestImages}; training {r.Training.Steps} steps in {r.Training.Elapsed.TotalSeconds:F0} s,");
        md.AppendLine($"final loss {F(r.Training.FinalLoss)}, best validation GED {F(r.Training.BestValidationScore ?? double.NaN)} at step {r.Training.BestStep}; evaluation of all analyses {r.EvaluationTime.TotalSeconds:F1} s.");
        md.AppendLine();
        md.AppendLine("| number | value | meaning |");
        md.AppendLine("|---|---|---|");
        foreach (var (name, value) in report.Scalars())
            md.AppendLine($"| {name} | {F(value)} | {Describe(name)} |");
        md.AppendLine();

        Observations(md, report);

        if (report.ModeCalibration is { } modes)
        {
            md.AppendLine($"Mode-frequency calibration (samples assigned to the {(modes.Assignment == ModeAssignment.NearestMode ? "nearest mode by 1 − IoU, as Kohl" : "mode they equal exactly")}):");
            md.AppendLine();
            md.AppendLine("| group | images | mode | true probability | sampled frequency (± sd over images) |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var group in modes.Groups.Where(g => g.Images > 0))
                foreach (var point in group.Summary.Modes)
                    md.AppendLine($"| {group.Group.Name} | {group.Images} | {group.Group.ModeNames[point.Mode]} | {F(point.TrueProbability)} | {F(point.PredictedFrequency)} ± {F(point.PredictedStandardDeviation)} |");
            md.AppendLine();
            if (modes.SwitchableClasses.Count > 0)
            {
                md.AppendLine("Pixel-wise marginal frequencies per switchable class (Kohl `get_pixelwise_mode_counts`):");
                md.AppendLine();
                md.AppendLine("| class | true flip probability | sampled flip frequency | kept | sampled pixels |");
                md.AppendLine("|---|---|---|---|---|");
                foreach (var sw in modes.SwitchableClasses)
                    md.AppendLine($"| {sw.Class.Name} ({sw.Class.ClassId} → {sw.Class.FlippedClassId}) | {F(sw.Class.Probability)} | {F(sw.FlippedFrequency)} | {F(sw.KeptFrequency)} | {sw.SampledPixels:N0} |");
                md.AppendLine();
            }
        }

        if (report.Uncertainty is { } uncertainty)
        {
            md.AppendLine("Uncertainty (entropy of the mean, bits) by condition on consensus pixels and by annotator agreement (Czolbe et al.):");
            md.AppendLine();
            md.AppendLine("| pixels | count | median | mean |");
            md.AppendLine("|---|---|---|---|");
            foreach (var condition in Enum.GetValues<PixelCondition>()) Row(md, condition.ToString(), uncertainty.Breakdown.ByCondition(condition));
            foreach (var agreement in Enum.GetValues<AnnotatorAgreement>()) Row(md, agreement.ToString(), uncertainty.Breakdown.ByAgreement(agreement));
            md.AppendLine();
        }

        md.AppendLine("Figures:");
        md.AppendLine();
        foreach (var (name, file) in r.Figures.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            md.AppendLine($"![{r.Name}: {name}]({Path.GetRelativePath(folder, file).Replace('\\', '/')})");
        md.AppendLine();
    }

    /// <summary>A few sentences read off the numbers (computed, so they stay true when the run is repeated).</summary>
    private static void Observations(StringBuilder md, EvaluationReport report)
    {
        var lines = new List<string>();
        if (report.Uncertainty is { } u)
        {
            var b = u.Breakdown;
            double correct = Math.Max(b.ByCondition(PixelCondition.TruePositive).Median, b.ByCondition(PixelCondition.TrueNegative).Median);
            double wrong = Math.Min(b.ByCondition(PixelCondition.FalsePositive).Median, b.ByCondition(PixelCondition.FalseNegative).Median);
            if (!double.IsNaN(correct) && !double.IsNaN(wrong))
                lines.Add($"Czolbe: the median uncertainty of every error type (FP, FN: ≥ {F(wrong)} bits) is {(wrong > correct ? "above" : "not above")} that of every correct type (TP, TN: ≤ {F(correct)} bits).");
            double agree = b.ByAgreement(AnnotatorAgreement.AllAgree).Median, some = b.ByAgreement(AnnotatorAgreement.SomeDisagree).Median;
            if (!double.IsNaN(agree) && !double.IsNaN(some))
                lines.Add($"Czolbe: median uncertainty where all annotators agree {F(agree)} bits, where some disagree {F(some)} bits.");
        }
        if (report.SampleVersusMean is { } s)
            lines.Add($"SSN: on average {F(s.FractionBetter.Mean)} of the sample-versus-mean Dice comparisons favour the sample (median gain {F(s.MedianGain.Mean)}).");
        if (report.ModeCalibration is { } m)
            foreach (var group in m.Groups.Where(g => g.Images > 0))
            {
                var worst = group.Summary.Modes.MaxBy(p => Math.Abs(p.PredictedFrequency - p.TrueProbability));
                lines.Add($"Kohl, {group.Group.Name}: mean |sampled − true| mode frequency {F(group.Summary.MeanAbsoluteError)}; furthest mode '{group.Group.ModeNames[worst.Mode]}' ({F(worst.PredictedFrequency)} sampled vs {F(worst.TrueProbability)} true).");
            }
        if (lines.Count == 0) return;
        foreach (var line in lines) md.AppendLine("- " + line);
        md.AppendLine();
    }

    private static void Row(StringBuilder md, string name, UncertaintyHistogram h) =>
        md.AppendLine($"| {name} | {h.Count:N0} | {F(h.Median)} | {F(h.Mean)} |");

    private static string Describe(string name)
    {
        if (Meaning.TryGetValue(name, out var text)) return text;
        int bracket = name.IndexOf('[');
        string stem = bracket < 0 ? name : name[..bracket], arg = bracket < 0 ? "" : name[(bracket + 1)..^1];
        return stem switch
        {
            "DiceOfMean" => $"SSN: Dice of the mean prediction for class {arg}, mean over annotators (both-empty excluded) and images",
            "ECE" => $"expected calibration error of class {arg}",
            "MedianUncertainty" => $"Czolbe: median uncertainty (bits) of {arg} pixels",
            "ModeFrequencyError" => $"Kohl: mean |sampled − true| mode frequency, group {arg}",
            "FlipFrequency" => $"Kohl: share of {arg} pixels the samples flip",
            _ => "",
        };
    }

    // Rounding first, then adding 0.0, turns −0.0004 into "0.000" rather than "-0.000".
    private static string F(double value) => double.IsNaN(value) ? "n/a" : (Math.Round(value, 3) + 0.0).ToString("0.000", CultureInfo.InvariantCulture);
}
