using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Reporting;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>
/// <c>lidc</c>: every model trained under one budget on <c>lidc_train.npz</c> and scored on <c>lidc_val.npz</c> against
/// the 4 radiologists; writes <c>docs/results/lidc.md</c> and one sample grid per model.
/// </summary>
public static class LidcExperiment
{
    /// <summary>Options of this command.</summary>
    public static IReadOnlyList<string> Options { get; } = [.. CommonOptions.Names, "data-dir", "size", "val-every", "train-max"];

    /// <summary>Runs the experiment.</summary>
    public static void Run(ExperimentArguments args, RunInfo info)
    {
        var common = CommonOptions.Read(args, defaultMinutes: 10);
        string dataDir = args.String("data-dir") ?? RepositoryPaths.LidcData()
            ?? throw new ArgumentException("No LIDC data found: pass --data-dir (the folder with lidc_train.npz and lidc_val.npz) or set PROBSEG_LIDC_DIR.");
        int size = args.Int("size", 64, 16, 128);
        if (128 % size != 0) throw new ArgumentException($"--size must divide the stored 128 pixels (e.g. 64 or 128), got {size}.");
        int valEvery = args.Int("val-every", 8, 1);
        int? trainMax = args.Has("train-max") ? args.Int("train-max", 0, 1) : null;
        common.Width.RequireFits(size);

        // Pixels in [−0.5, 0.5] as PHiSeg/SSN feed LIDC (`image - 0.5`); pooling to 64 px (labels by block majority) for CPU.
        DatasetReadOptions Read(int? max) => new() { Scaling = ImageScaling.CenteredHalf, PoolFactor = 128 / size, MaxCount = max };
        string trainPath = Path.Combine(dataDir, "lidc_train.npz"), valPath = Path.Combine(dataDir, "lidc_val.npz");
        foreach (string p in new[] { trainPath, valPath })
            if (!File.Exists(p)) throw new ArgumentException($"{p} does not exist; --data-dir must hold lidc_train.npz and lidc_val.npz.");
        AmbiguousDataset train = LidcNpzReader.Read(trainPath, Read(trainMax));
        AmbiguousDataset fullVal = LidcNpzReader.Read(valPath, Read(null));
        int[] evaluated = Enumerable.Range(0, fullVal.Count).Where(i => i % valEvery == 0).ToArray();
        AmbiguousDataset val = fullVal.Subset(evaluated);
        var truth = Enumerable.Range(0, val.Count)
            .Select(i => ImageTruth.FromAnnotators(val.Annotations(i), val.Annotators, val.PixelCount, val.Classes)).ToArray();
        int[] figureImages = FigureImages(val, truth);

        string figures = Path.Combine(common.OutputDirectory, "figures");
        var setup = new ComparisonSetup(train, val, truth, common.Models, common.Width, common.Budget, common.BatchSize,
            common.LearningRate, common.Seed, common.Evaluation, figureImages, name => Path.Combine(figures, $"lidc-{name}.png"));
        Console.WriteLine($"lidc: {train.Count} train slices, {val.Count} of {fullVal.Count} val slices ({ReportText.Every(valEvery, "slice")}) at {size}², budget {common.Budget}");

        var data = new LidcReport.DataDescription(dataDir, size, train.Count, train.Groups.Distinct().Count(), fullVal.Count,
            val.Count, val.Groups.Distinct().Count(), valEvery, trainMax);
        var report = new LidcReport(info, common, data);
        string path = Path.Combine(common.OutputDirectory, "lidc.md");
        FigureRow Row(int i, PredictionView view) =>
            new(val.Image(i).ToArray(), Enumerable.Range(0, val.Annotators).Select(a => val.Annotation(i, a).ToArray()).ToArray(), view);
        var results = ComparisonRunner.Run(setup, Row, partial => report.Write(path, partial, finished: false));
        report.Write(path, results, finished: true);
        Console.WriteLine($"wrote {path}");
    }

    /// <summary>Four slices spread over the evaluated set on which the radiologists disagree and at least two drew a nodule.</summary>
    private static int[] FigureImages(AmbiguousDataset val, IReadOnlyList<ImageTruth> truth)
    {
        int px = val.PixelCount;
        var candidates = Enumerable.Range(0, val.Count).Where(i =>
        {
            var masks = truth[i].Masks;
            int drawn = Enumerable.Range(0, truth[i].Count).Count(k => masks.AsSpan(k * px, px).ContainsAnyExcept((byte)0));
            bool disagree = Enumerable.Range(1, truth[i].Count - 1).Any(k => !masks.AsSpan(k * px, px).SequenceEqual(masks.AsSpan(0, px)));
            return drawn >= 2 && disagree;
        }).ToArray();
        if (candidates.Length == 0) candidates = Enumerable.Range(0, val.Count).ToArray();
        int shown = Math.Min(4, candidates.Length);
        return Enumerable.Range(0, shown).Select(j => candidates[(int)((long)j * candidates.Length / shown)]).ToArray();
    }
}
