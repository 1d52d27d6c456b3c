using TorchSharp;
using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Training;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>The options both experiments share, with their defaults.</summary>
public sealed record CommonOptions(int Seed, TrainingBudget Budget, IReadOnlyList<ModelEntry> Models, BackboneWidth Width,
    int BatchSize, double LearningRate, EvaluationSettings Evaluation, string OutputDirectory, int Jobs = 1, string? ResultsFile = null,
    string Device = "cpu")
{
    /// <summary>Whether the models run on a CUDA GPU.</summary>
    public bool OnGpu => Device != "cpu";

    /// <summary>What trained the models, for report sentences ("2 shared CPU cores", "a CUDA GPU").</summary>
    public string Hardware => OnGpu ? "a CUDA GPU" : $"{Environment.ProcessorCount} shared CPU cores";

    /// <summary>Option names every experiment accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["minutes-per-model", "steps", "seed", "models", "samples", "few-samples", "batch-size", "lr", "width", "levels", "convs", "threads", "out", "jobs", "results-file", "device"];

    /// <summary>Reads the shared options; <paramref name="defaultMinutes"/> applies when neither budget option is given.</summary>
    public static CommonOptions Read(ExperimentArguments args, double defaultMinutes)
    {
        ArgumentNullException.ThrowIfNull(args);
        int seed = args.Int("seed", 1);
        // Intra-op threads; LibTorch defaults to one per core. On cores shared with other busy processes one thread can
        // be faster, as the workers of a parallel region otherwise wait on each other.
        if (args.Has("threads")) torch.set_num_threads(args.Int("threads", 0, 1, 256));
        int? steps = args.Has("steps") ? args.Int("steps", 0, min: 1) : null;
        TimeSpan? cpuTime = args.Has("minutes-per-model") || steps is null
            ? TimeSpan.FromMinutes(args.Double("minutes-per-model", defaultMinutes, min: 0.001, max: 10_000))
            : null;
        string device = ResolveDevice(args.String("device") ?? "auto");
        var budget = new TrainingBudget(cpuTime, steps) { WallClock = device != "cpu" };
        budget.Validate();
        var width = new BackboneWidth(args.Int("width", 16, 1, 512), args.Int("levels", 5, 1, 8), args.Int("convs", 3, 1, 6));
        int samples = args.Int("samples", 100, 1, 1000), few = args.Int("few-samples", 16, 1, 1000);
        // Both-empty pairs count as IoU 1 and only the foreground class is compared: PHiSeg's convention (anchors §0).
        var evaluation = new EvaluationSettings(samples, few, seed, OverlapOptions.Default);
        evaluation.Validate();
        string output = args.String("out") is { } o ? Path.GetFullPath(o) : Path.Combine(RepositoryPaths.Root(), "docs", "results");
        return new CommonOptions(seed, budget, ModelRegistry.Select(args.List("models")), width,
            args.Int("batch-size", 12, 1, 4096), args.Double("lr", 1e-3, 1e-7, 1), evaluation, output,
            args.Int("jobs", 1, 1, 64), args.String("results-file") is { } r ? Path.GetFullPath(r) : null, device);
    }

    /// <summary><c>auto</c> → <c>cuda</c> when this process's TorchSharp build sees a CUDA GPU, else <c>cpu</c>.</summary>
    private static string ResolveDevice(string name)
    {
        if (name == "auto") return torch.cuda.is_available() ? "cuda" : "cpu";
        if (name != "cpu" && !name.StartsWith("cuda", StringComparison.Ordinal))
            throw new ArgumentException($"--device must be auto, cpu or cuda[:index], got '{name}'.");
        if (name != "cpu" && !torch.cuda.is_available())
            throw new ArgumentException($"--device {name}: CUDA is not available to this build (the project references TorchSharp-cpu; reference a CUDA build of TorchSharp to use a GPU).");
        return name;
    }
}
