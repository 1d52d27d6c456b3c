using System.Globalization;
using System.Text;
using ProbSeg.ML.ActiveLearning;

namespace ActiveLearningExample;

/// <summary>Writes the per-round tables of both strategies and a verdict computed from the numbers.</summary>
internal static class ResultsMarkdown
{
    public static string Write(ExperimentSettings settings, string[] args, IReadOnlyList<(int Seed, ActiveLearningReport Random, ActiveLearningReport Uncertainty)> runs, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"# Active learning: output uncertainty vs random");
        Line($"");
        Line($"After Czolbe et al., \"Is segmentation uncertainty useful?\" (IPMI 2021; `src/active_learning.py`): each round the");
        Line($"model is re-initialised (same seed every round) and trained from scratch on the labelled images; then `random` draws");
        Line($"the next images uniformly, or `output_uncertainty` takes the unlabelled images with the largest sum of pixel entropies");
        Line($"of the mean prediction. Both draw without replacement and never re-query a labelled image (the reference does both).");
        Line($"Round 0 is identical for both strategies (same initial draw, same init).");
        Line($"");
        Line($"- Date: {DateTime.UtcNow:yyyy-MM-dd} (UTC); total run time {elapsed.TotalMinutes:F1} min on {Environment.ProcessorCount} shared CPU cores.");
        Line($"- Command: `dotnet run -c Release --project examples/ActiveLearning{(args.Length > 0 ? " -- " + string.Join(" ", args) : "")}`");
        Line($"- Budget: {settings.Describe()}.");
        Line($"- Model: MC-Dropout U-Net (dropout 0.5 before every block and the head), small backbone `[8, 16, 32]`, 2 convs per level.");
        Line($"- Test CE: mean pixel cross-entropy (nats) of the mean prediction over {settings.Samples} samples against each present");
        Line($"  annotator, averaged over the annotators of an image, then over the {settings.TestSize} test images (4 annotators each).");
        Line($"  GED: D²_GED with d = 1 − IoU, PHiSeg conventions, {settings.Samples} samples against all 4 annotators. Lower is better for both.");
        Line($"");
        Line($"Scaled down from the reference (50 + 25 × 10 on LIDC 128², 100 epochs, `[32, 64, 128, 192]` U-Net, lr 1e-4) to fit a");
        Line($"shared 2-core CPU; like the reference: no validation, no augmentation, a random annotator per image per step. Unlike it,");
        Line($"the CE scores the mean over samples rather than one forward pass per annotator.");
        Line($"");

        if (runs.Count > 1)
        {
            Line($"## Mean over seeds {string.Join(", ", runs.Select(r => r.Seed))}");
            Line($"");
            Line($"| round | labelled | CE random | CE uncertainty | GED random | GED uncertainty |");
            Line($"|---:|---:|---:|---:|---:|---:|");
            for (int r = 0; r < runs[0].Random.Rounds.Count; r++)
            {
                int round = r;
                double Mean(Func<(int Seed, ActiveLearningReport Random, ActiveLearningReport Uncertainty), double> pick) => runs.Average(pick);
                Line($"| {r} | {runs[0].Random.Rounds[r].LabelledCount} | {Mean(x => x.Random.Rounds[round].TestCrossEntropy):F4} | {Mean(x => x.Uncertainty.Rounds[round].TestCrossEntropy):F4} | {Mean(x => x.Random.Rounds[round].TestGed):F4} | {Mean(x => x.Uncertainty.Rounds[round].TestGed):F4} |");
            }
            Line($"");
        }

        foreach (var (seed, random, uncertainty) in runs)
        {
            Line($"## Seed {seed}");
            Line($"");
            Line($"| round | labelled | CE random | CE uncertainty | GED random | GED uncertainty |");
            Line($"|---:|---:|---:|---:|---:|---:|");
            for (int r = 0; r < random.Rounds.Count; r++)
            {
                var a = random.Rounds[r];
                var b = uncertainty.Rounds[r];
                Line($"| {r} | {a.LabelledCount} | {a.TestCrossEntropy:F4} | {b.TestCrossEntropy:F4} | {a.TestGed:F4} | {b.TestGed:F4} |");
            }
            Line($"");
        }

        var acquired = runs.SelectMany(run => run.Random.Rounds.Skip(1).Zip(run.Uncertainty.Rounds.Skip(1))).ToList();
        if (acquired.Count > 0)
        {
            int ceWins = acquired.Count(p => p.Second.TestCrossEntropy < p.First.TestCrossEntropy);
            int gedWins = acquired.Count(p => p.Second.TestGed < p.First.TestGed);
            double ceGap = acquired.Average(p => p.Second.TestCrossEntropy - p.First.TestCrossEntropy);
            double gedGap = acquired.Average(p => p.Second.TestGed - p.First.TestGed);
            var finals = runs.Select(run => run.Uncertainty.Rounds[^1].TestCrossEntropy - run.Random.Rounds[^1].TestCrossEntropy).ToList();
            Line($"## Verdict");
            Line($"");
            Line($"Over the {acquired.Count} acquisition rounds (rounds ≥ 1, all seeds), uncertainty sampling had the lower test CE in");
            Line($"{ceWins} and the lower GED in {gedWins}; mean difference (uncertainty − random) CE {ceGap:+0.0000;-0.0000}, GED {gedGap:+0.0000;-0.0000};");
            Line($"final-round CE difference per seed: {string.Join(", ", finals.Select(d => d.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)))}.");
            Line($"");
            Line($"{Verdict(ceWins, acquired.Count, ceGap)}");
        }
        return md.ToString();
    }

    private static string Verdict(int wins, int rounds, double gap)
    {
        string scope = "at this small CPU budget (tiny U-Net, few epochs, synthetic data, few seeds)";
        if (wins * 4 >= rounds * 3 && gap < 0)
            return $"Here uncertainty sampling beat random sampling on test cross-entropy in most rounds {scope}; with this few runs that is suggestive, not conclusive.";
        if (wins * 4 <= rounds && gap > 0)
            return $"Here uncertainty sampling did worse than random sampling on test cross-entropy in most rounds {scope}.";
        return $"Here uncertainty sampling did not clearly beat random sampling on test cross-entropy {scope}: the round-by-round differences go both ways.";
    }
}
