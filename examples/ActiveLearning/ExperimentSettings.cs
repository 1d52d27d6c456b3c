using System.Globalization;

namespace ActiveLearningExample;

/// <summary>
/// The experiment's budget: Czolbe's protocol (anchors §5) scaled down to a 2-core CPU. Every field can be set from the
/// command line as <c>--name value</c> (e.g. <c>--rounds 10 --initial 50 --add 25</c> for the paper's schedule).
/// </summary>
internal sealed record ExperimentSettings
{
    public int ImageSize { get; init; } = 16;
    public int PoolSize { get; init; } = 200;
    public int TestSize { get; init; } = 100;
    public int Initial { get; init; } = 20;
    public int Add { get; init; } = 20;
    public int Rounds { get; init; } = 4;
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 10;
    public double LearningRate { get; init; } = 1e-3;
    public int Samples { get; init; } = 16;
    public int[] Seeds { get; init; } = [1, 2, 3];
    public int Threads { get; init; } = 2;
    public string? Output { get; init; }

    public static ExperimentSettings Parse(string[] args)
    {
        var settings = new ExperimentSettings();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"Option {args[i]} needs a value.");
            string value = args[i + 1];
            settings = args[i] switch
            {
                "--size" => settings with { ImageSize = Int(value) },
                "--pool" => settings with { PoolSize = Int(value) },
                "--test" => settings with { TestSize = Int(value) },
                "--initial" => settings with { Initial = Int(value) },
                "--add" => settings with { Add = Int(value) },
                "--rounds" => settings with { Rounds = Int(value) },
                "--epochs" => settings with { Epochs = Int(value) },
                "--batch" => settings with { BatchSize = Int(value) },
                "--lr" => settings with { LearningRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--samples" => settings with { Samples = Int(value) },
                "--threads" => settings with { Threads = Int(value) },
                "--seeds" => settings with { Seeds = value.Split(',').Select(Int).ToArray() },
                "--out" => settings with { Output = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --size --pool --test --initial --add --rounds --epochs --batch --lr --samples --seeds --threads --out."),
            };
        }
        return settings;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"synthetic {ImageSize}×{ImageSize}, pool {PoolSize}, test {TestSize}; {Initial} initial + {Add} per round × {Rounds} rounds → {Initial + Add * Rounds} labelled; " +
        $"{Epochs} epochs per round (batch {BatchSize}, Adam lr {LearningRate}); {Samples} samples for uncertainty and evaluation; seeds {string.Join(", ", Seeds)}; {Threads} torch thread(s)");

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
