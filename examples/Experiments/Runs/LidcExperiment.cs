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
    public static IReadOnlyList<string> Options { get; } = [.. CommonOptions.Names, "data-dir", "crop", "size", "val-every", "train-max"];

    /// <summary>Runs the experiment.</summary>
    public static void Run(ExperimentArguments args, RunInfo info)
    {
        var common = CommonOptions.Read(args, defaultMinutes: 10);
        string dataDir = args.String("data-dir") ?? RepositoryPaths.LidcData()
            ?? throw new ArgumentException("No LIDC data found: pass --data-dir (the folder with lidc_train.npz and lidc_val.npz) or set PROBSEG_LIDC_DIR.");
        // The nodule sits at the centre of every stored crop (99.95 % of lidc_val's annotated pixels lie in the middle 64²), so
        // cropping to 64 keeps the full resolution of the lesion at a quarter of the cost, as the LIDCv2 crops cut 128 from 180.
        int crop = args.Int("crop", 64, 16, 128);
        int size = args.Int("size", crop, 8, crop);
        if (crop % size != 0) throw new ArgumentException($"--size must divide --crop ({crop} pixels), got {size}.");
        int valEvery = args.Int("val-every", 8, 1);
        int? trainMax = args.Has("train-max") ? args.Int("train-max", 0, 1) : null;
        common.Width.RequireFits(size);

        // Pixels in [−0.5, 0.5] as PHiSeg/SSN feed LIDC (`image - 0.5`); optional pooling (labels by block majority) for CPU.
        DatasetReadOptions Read(int? max) => new()
        {
            Scaling = ImageScaling.CenteredHalf, CropSize = crop == 128 ? null : crop, PoolFactor = crop / size, MaxCount = max,
        };
        string trainPath = Path.Combine(dataDir, "lidc_train.npz"), valPath = Path.Combine(dataDir, "lidc_val.npz");
        foreach (string p in new[] { trainPath, valPath })
            if (!File.Exists(p)) throw new ArgumentException($"{p} does not exist; --data-dir must hold lidc_train.npz and lidc_val.npz.");
        AmbiguousDataset train = LidcNpzReader.Read(trainPath, Read(trainMax));
        AmbiguousDataset fullVal = LidcNpzReader.Read(valPath, Read(null));
        double foregroundKept = crop == 128 ? 1 : ForegroundInside(LidcNpzReader.Read(valPath, new DatasetReadOptions()), crop);
        int[] evaluated = Enumerable.Range(0, fullVal.Count).Where(i => i % valEvery == 0).ToArray();
        AmbiguousDataset val = fullVal.Subset(evaluated);
        var truth = Enumerable.Range(0, val.Count)
            .Select(i => ImageTruth.FromAnnotators(val.Annotations(i), val.Annotators, val.PixelCount, val.Classes)).ToArray();
        int[] figureImages = FigureImages(val, truth);

        string figures = Path.Combine(common.OutputDirectory, "figures");
        var setup = new ComparisonSetup(train, val, truth, common.Models, common.Width, common.Budget, common.BatchSize,
            common.LearningRate, common.Seed, common.Evaluation, figureImages, name => Path.Combine(figures, $"lidc-{name}.png"), common.Device);
        Console.WriteLine($"lidc: {train.Count} train slices, {val.Count} of {fullVal.Count} val slices ({ReportText.Every(valEvery, "slice")}) at {size}², budget {common.Budget}");

        var data = new LidcReport.DataDescription(dataDir, crop, foregroundKept, size, train.Count, train.Groups.Distinct().Count(), fullVal.Count,
            val.Count, val.Groups.Distinct().Count(), valEvery, trainMax);
        var report = new LidcReport(info, common, data);
        string path = Path.Combine(common.OutputDirectory, "lidc.md");
        FigureRow Row(int i, PredictionView view) =>
            new(val.Image(i).ToArray(), Enumerable.Range(0, val.Annotators).Select(a => val.Annotation(i, a).ToArray()).ToArray(), view);
        var results = ParallelJobs.Run(args, common, setup, Row, partial => report.Write(path, partial, finished: false));
        if (results is null) return;                          // a --jobs child: its parent writes the report
        report.Write(path, results, finished: true);
        Console.WriteLine($"wrote {path}");
    }

    /// <summary>The fraction of all annotators' foreground pixels that lie inside the centre <paramref name="crop"/>².</summary>
    private static double ForegroundInside(AmbiguousDataset full, int crop)
    {
        int offset = (full.Height - crop) / 2;
        long inside = 0, total = 0;
        for (int i = 0; i < full.Count; i++)
            for (int a = 0; a < full.Annotators; a++)
            {
                ReadOnlySpan<byte> mask = full.Annotation(i, a);
                for (int y = 0; y < full.Height; y++)
                    for (int x = 0; x < full.Width; x++)
                    {
                        byte v = mask[y * full.Width + x];
                        if (v == 0 || v == AmbiguousDataset.MissingAnnotation) continue;
                        total++;
                        if ((uint)(y - offset) < (uint)crop && (uint)(x - offset) < (uint)crop) inside++;
                    }
            }
        return total == 0 ? 1 : (double)inside / total;
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
