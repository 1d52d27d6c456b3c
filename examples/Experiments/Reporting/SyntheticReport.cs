using System.Text;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Runs;
using ProbSeg.ML.Metrics;
using static ProbSeg.ML.Experiments.Reporting.ReportText;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>Writes <c>docs/results/synthetic.md</c>.</summary>
public sealed class SyntheticReport(RunInfo info, CommonOptions common, SyntheticOptions data, int trainCount, int testCount,
    int truthDraws, ScoreSummary oracle, IReadOnlyList<AmbiguityKind> testKinds)
{
    /// <summary>Writes the report for the results so far.</summary>
    public void Write(string path, IReadOnlyList<ModelResult> results, bool finished)
    {
        ArgumentNullException.ThrowIfNull(results);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var n = common.Evaluation;
        var text = new StringBuilder();
        text.AppendLine($"# Synthetic ambiguous data: every model under one {(common.OnGpu ? "GPU" : "CPU")} budget");
        text.AppendLine();
        text.AppendLine("Produced by the engine-level experiment runner (`examples/Experiments`), which uses `SegmentationTrainer`, `SegmentationPredictor` and `ProbSeg.ML.Metrics` directly.");
        text.AppendLine();
        text.Append(Provenance(info, common, results.Count, finished));
        text.AppendLine(Invariant($"- **Data:** `SyntheticAmbiguousData` ({data.ImageSize}×{data.ImageSize}, seed {data.Seed}, kinds {string.Join("/", data.Kinds)} in equal shares, {data.AnnotatorsPerImage} annotations per training image drawn from the true distribution): images 0–{trainCount - 1} train, {trainCount}–{trainCount + testCount - 1} held-out test."));
        text.AppendLine();
        text.AppendLine("## Evaluation against the true distribution");
        text.AppendLine();
        text.AppendLine(Invariant($"Each test image's annotation distribution is known exactly (`TrueDistribution`: its modes and their probabilities), so the metrics use it instead of a few annotators:"));
        text.AppendLine();
        text.AppendLine(Invariant($"- **GED₍N₎** (d = 1 − IoU, foreground class, both-empty pair = IoU 1: PHiSeg's convention) is computed **exactly against the weighted modes**: D² = 2·Σₖ pₖ·mean_i d(Sᵢ, Mₖ) − mean_ij d(Sᵢ, Sⱼ) − Σₖₗ pₖpₗ d(Mₖ, Mₗ), i.e. the limit of infinitely many annotators (Kohl et al.'s probability-weighted Cityscapes GED). N = {n.FewSamples} uses the first {n.FewSamples} of the {n.Samples} samples. Sample pairs include i = j (the references' V-statistic), so even samples from the true distribution score above 0; the last row shows that floor."));
        text.AppendLine(Invariant($"- **HM-IoU₍{n.FewSamples}₎**: the {n.FewSamples} samples are matched one-to-one (Hungarian, cost 1 − IoU) to {truthDraws} masks drawn from the true distribution (`DrawAnnotations`), each sample standing for {truthDraws / Math.Max(1, n.FewSamples)} copies — the optimal transport between the samples and an empirical distribution of {truthDraws} annotators."));
        text.AppendLine(Invariant($"- **Sample diversity**: mean d(S, S') over all {n.Samples}² sample pairs (SSN fork's `diversity`); the true distribution's own diversity averages {oracle.TruthDiversity.Mean:0.000} over the test images."));
        text.AppendLine("- **Dice**: the predicted label (arg-max of the mean of the samples' softmaxes) against the majority mask of the true distribution (pixels whose foreground probability is ≥ 0.5); both empty = 1.");
        text.AppendLine("- Every cell is mean ± standard error over the test images.");
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.Append(ResultsTable.Markdown(results, n.Samples, n.FewSamples,
            r => r.FigurePath is null ? null : RepositoryPaths.Link(directory, r.FigurePath), oracle));
        text.AppendLine();
        text.AppendLine(Invariant($"GED₍{n.Samples}₎ by ambiguity kind (mean over the test images of that kind):"));
        text.AppendLine();
        text.Append(PerKindTable(results));
        text.AppendLine();
        text.AppendLine("## Do the papers' predictions hold here?");
        text.AppendLine();
        text.AppendLine(Invariant($"Each check compares GED₍{n.Samples}₎ of two models image by image (the same {testCount} test images and truth); a prediction *holds* when the mean paired difference is more than two standard errors in its favour."));
        text.AppendLine();
        text.Append(Claims(results));
        text.AppendLine();
        text.AppendLine("## Models");
        text.AppendLine();
        text.Append(ModelSettings(results, common));
        text.AppendLine();
        text.AppendLine("Figures: one row per test image (the first Presence, Border and Mode image, then the next): image | the 4 stored annotations | mean foreground probability | 8 samples | predictive entropy.");
        File.WriteAllText(path, text.ToString());
    }

    private string PerKindTable(IReadOnlyList<ModelResult> results)
    {
        var kinds = data.Kinds.Distinct().Where(testKinds.Contains).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"| model | {string.Join(" | ", kinds)} |");
        text.AppendLine($"|---|{string.Concat(kinds.Select(_ => "---:|"))}");
        foreach (ModelResult r in results.Where(r => r.Evaluation is not null))
        {
            var cells = kinds.Select(k => ResultsTable.Cell(MetricSummary.FromValues(
                r.Evaluation!.Scores.Where((_, i) => testKinds[i] == k).Select(s => s.GedMany).ToArray())));
            text.AppendLine($"| {r.Entry.Label} | {string.Join(" | ", cells)} |");
        }
        return text.ToString();
    }
}
