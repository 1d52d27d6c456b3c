using System.Globalization;

namespace ProbSeg.ML.Examples.Analyses;

/// <summary>Command-line settings of the analyses example.</summary>
internal sealed record RunOptions
{
    /// <summary>Optimisation steps of the Probabilistic U-Net on the synthetic set.</summary>
    public int Steps { get; init; } = 500;

    /// <summary>Optimisation steps of the class-flip model (0 skips that experiment).</summary>
    public int FlipSteps { get; init; } = 600;

    /// <summary>Samples drawn per test image.</summary>
    public int Samples { get; init; } = 16;

    /// <summary>Seed of data, weights and sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Torch CPU threads. Default 1: on a shared, loaded CPU, spinning OpenMP threads of a 2-thread pool made
    /// each step about 7× slower here than one thread.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Folder of <c>analyses.md</c>; figures go to its <c>figures/analyses/</c>.</summary>
    public string Output { get; init; } = "docs/results";

    public static RunOptions Parse(string[] args)
    {
        var options = new RunOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--steps" => options with { Steps = Int() },
                "--flip-steps" => options with { FlipSteps = Int() },
                "--samples" => options with { Samples = Int() },
                "--seed" => options with { Seed = Int() },
                "--threads" => options with { Threads = Int() },
                "--out" => options with { Output = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --steps N, --flip-steps N, --samples N, --seed N, --threads N, --out FOLDER."),
            };
        }
        if (options.Steps < 1) throw new ArgumentException($"--steps must be at least 1, got {options.Steps}.");
        if (options.FlipSteps < 0) throw new ArgumentException($"--flip-steps must be ≥ 0, got {options.FlipSteps}.");
        if (options.Threads < 1) throw new ArgumentException($"--threads must be at least 1, got {options.Threads}.");
        if (options.Samples < 1) throw new ArgumentException($"--samples must be at least 1, got {options.Samples}.");
        return options;
    }
}
