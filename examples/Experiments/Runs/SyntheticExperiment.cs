using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Reporting;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>
/// <c>synthetic</c>: every model trained under one budget on the synthetic ambiguous set and scored against each test
/// image's exactly known distribution; writes <c>docs/results/synthetic.md</c> and one sample grid per model.
/// </summary>
public static class SyntheticExperiment
{
    /// <summary>Options of this command.</summary>
    public static IReadOnlyList<string> Options { get; } = [.. CommonOptions.Names, "train-count", "test-count", "size", "truth-draws"];

    // Offsets that give the HM-IoU ground-truth draws and the oracle's samples their own seeds.
    private const int MatchingDrawSeedOffset = 1000, OracleSeedOffset = 2000;

    /// <summary>Runs the experiment.</summary>
    public static void Run(ExperimentArguments args, RunInfo info)
    {
        var common = CommonOptions.Read(args, defaultMinutes: 3);
        int trainCount = args.Int("train-count", 1000, 1), testCount = args.Int("test-count", 100, 1);
        int size = args.Int("size", 32, SyntheticOptions.MinImageSize, SyntheticOptions.MaxImageSize);
        // A multiple of 16 so HM-IoU's matching is 16 samples × 6 copies against the draws, no lcm blow-up.
        int truthDraws = args.Int("truth-draws", 96, 1, 4096);
        common.Width.RequireFits(size);

        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = trainCount + testCount, ImageSize = size, Seed = common.Seed });
        AmbiguousDataset train = synthetic.Dataset.Take(trainCount);
        AmbiguousDataset test = synthetic.Dataset.Subset(Enumerable.Range(trainCount, testCount).ToArray());
        var truth = Enumerable.Range(trainCount, testCount).Select(g => ImageTruth.FromDistribution(
            synthetic.TrueDistribution(g).Modes.Select(m => (m.Mask.ToArray(), m.Probability)).ToArray(),
            synthetic.DrawAnnotations(g, truthDraws, common.Seed + MatchingDrawSeedOffset), test.Classes)).ToArray();
        int[] figureImages = FigureImages(synthetic, trainCount, testCount);

        string figures = Path.Combine(common.OutputDirectory, "figures");
        var setup = new ComparisonSetup(train, test, truth, common.Models, common.Width, common.Budget, common.BatchSize,
            common.LearningRate, common.Seed, common.Evaluation, figureImages, name => Path.Combine(figures, $"synthetic-{name}.png"), common.Device);
        Console.WriteLine($"synthetic: {trainCount} train / {testCount} test images of {size}², {common.Models.Count} models, budget {common.Budget}");

        ScoreSummary oracle = ModelEvaluator.EvaluateOracle(
            (i, n) => synthetic.DrawAnnotations(trainCount + i, n, common.Seed + OracleSeedOffset), truth, common.Evaluation);
        var kinds = Enumerable.Range(trainCount, testCount).Select(synthetic.KindOf).ToArray();
        var report = new SyntheticReport(info, common, synthetic.Options, trainCount, testCount, truthDraws, oracle, kinds);
        string path = Path.Combine(common.OutputDirectory, "synthetic.md");
        FigureRow Row(int i, PredictionView view) =>
            new(test.Image(i).ToArray(), Enumerable.Range(0, test.Annotators).Select(a => test.Annotation(i, a).ToArray()).ToArray(), view);
        var results = ParallelJobs.Run(args, common, setup, Row, partial => report.Write(path, partial, finished: false));
        if (results is null) return;                          // a --jobs child: its parent writes the report
        report.Write(path, results, finished: true);
        Console.WriteLine($"wrote {path}");
    }

    /// <summary>The first test image of each ambiguity kind, then the next images, four in all.</summary>
    private static int[] FigureImages(SyntheticAmbiguousData synthetic, int trainCount, int testCount)
    {
        var picked = new List<int>();
        foreach (AmbiguityKind kind in synthetic.Options.Kinds.Distinct())
            for (int i = 0; i < testCount; i++)
                if (synthetic.KindOf(trainCount + i) == kind) { picked.Add(i); break; }
        for (int i = 0; i < testCount && picked.Count < 4; i++)
            if (!picked.Contains(i)) picked.Add(i);
        return picked.Take(4).ToArray();
    }
}
