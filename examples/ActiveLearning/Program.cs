// Active learning on the synthetic ambiguous set: uncertainty-driven vs random acquisition, after Czolbe et al.,
// "Is segmentation uncertainty useful?" (IPMI 2021). Writes docs/results/active-learning.md.
//   dotnet run -c Release --project examples/ActiveLearning [-- --seeds 1,2,3 --rounds 4 ...]
using System.Diagnostics;
using ActiveLearningExample;
using ProbSeg.ML.ActiveLearning;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Training;
using TorchSharp;

var settings = ExperimentSettings.Parse(args);
SharedCpu.PreferSleepingThreads();
torch.set_num_threads(settings.Threads);
string output = settings.Output ?? Path.Combine(RepositoryRoot(), "docs", "results", "active-learning.md");
var watch = Stopwatch.StartNew();

// Pool and test images come from one generated set, so they share its distribution but not its images.
var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = settings.PoolSize + settings.TestSize, ImageSize = settings.ImageSize, Seed = 1 });
var pool = synthetic.Dataset.Take(settings.PoolSize);
var test = synthetic.Dataset.Subset(Enumerable.Range(settings.PoolSize, settings.TestSize).ToArray());

var runs = new List<(int Seed, ActiveLearningReport Random, ActiveLearningReport Uncertainty)>();
foreach (int seed in settings.Seeds)
{
    ActiveLearningReport Run(IQueryStrategy strategy) => new ActiveLearningLoop(new ActiveLearningOptions
    {
        // MC-Dropout U-Net (Czolbe's `mcdropout`, dropout 0.5) on the small backbone, to fit the CPU budget.
        ModelFactory = () => new McDropoutUNet(new McDropoutUNetConfig(1, 2, UNetConfig.Small)),
        Training = new TrainingOptions { Epochs = settings.Epochs, BatchSize = settings.BatchSize, LearningRate = settings.LearningRate, Seed = seed, LogEvery = 0 },
        Strategy = strategy,
        InitialCount = settings.Initial,
        AddPerRound = settings.Add,
        Rounds = settings.Rounds,
        Seed = seed,
        UncertaintySamples = settings.Samples,
        EvaluationSamples = settings.Samples,
        Log = line => Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] seed {seed} {line}"),
    }).Run(pool, test);

    runs.Add((seed, Run(new RandomQuery()), Run(new OutputUncertaintyQuery())));
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, ResultsMarkdown.Write(settings, args, runs, watch.Elapsed));
Console.WriteLine($"Wrote {output} ({watch.Elapsed.TotalMinutes:F1} min).");

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ProbSeg.ML.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository, or pass --out <file>.");
}
