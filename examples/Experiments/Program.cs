using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Reporting;
using ProbSeg.ML.Experiments.Runs;

// The experiments behind docs/results/synthetic.md and docs/results/lidc.md, written against the engine API.
const string Usage = """
    usage: dotnet run -c Release --project examples/Experiments -- <synthetic|lidc> [options]

      common:    --minutes-per-model M   training budget per model in CPU-minutes (synthetic 3, lidc 10)
                 --steps S               step budget per model (alone: steps only; with --minutes-per-model: first reached)
                 --seed S                seed of data, weights, batches and samples (1)
                 --models a,b,...        subset of: det, mcdropout, ensemble, mheads, punet, phiseg1, phiseg5, ssn-diag, ssn (all)
                 --samples N             samples per image for GED_N and diversity (100)
                 --few-samples N         samples for GED and HM-IoU with few samples (16)
                 --batch-size B (12)  --lr R (1e-3)  --width n0 (16)  --levels L (5)  --convs C (3)
                 --threads T             LibTorch intra-op threads (1, or OMP_NUM_THREADS when set)
                 --out DIR               where the .md and figures/ go (docs/results)
                 --device D              auto (CUDA when this build sees a GPU, else cpu), cpu, cuda[:i]; on a GPU the
                                         budget is wall-clock minutes
                 --jobs N                models trained at once, each job a child process with one LibTorch thread (1)
                 --results-file F        write results as JSON instead of a report (what --jobs children do)
      synthetic: --train-count (1000) --test-count (100) --size (32) --truth-draws (96, masks for HM-IoU)
      lidc:      --data-dir (../shared/data/lidc-idri-128) --crop (64, centre of the 128² crop; 128 = none)
                 --size (= crop; smaller average-pools) --val-every k (8) --train-max N
    """;

try
{
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
    {
        Console.WriteLine(Usage);
        return args.Length == 0 ? 2 : 0;
    }
    ProbSeg.ML.Runtime.LibTorchSettings.EnsureApplied();
    var info = new RunInfo("dotnet run -c Release --project examples/Experiments -- " + string.Join(" ", args.Select(Quote)),
        DateTime.UtcNow, MachineInfo.LoadAverage(), SourceVersion.Describe(RepositoryPaths.Root()));
    switch (args[0])
    {
        case "synthetic":
            SyntheticExperiment.Run(ExperimentArguments.Parse(args, SyntheticExperiment.Options.ToHashSet()), info);
            return 0;
        case "lidc":
            LidcExperiment.Run(ExperimentArguments.Parse(args, LidcExperiment.Options.ToHashSet()), info);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_.,/=:".Contains(c)) ? arg : $"'{arg}'";
