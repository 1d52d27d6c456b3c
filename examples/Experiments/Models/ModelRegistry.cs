using ProbSeg.ML.Models;

namespace ProbSeg.ML.Experiments.Models;

/// <summary>
/// Every model the experiments compare, by command-line name; each is built from the shared <see cref="BackboneWidth"/>
/// with the paper defaults of its configuration record. A new model is one line here.
/// </summary>
public static class ModelRegistry
{
    /// <summary>All models, in table order.</summary>
    public static IReadOnlyList<ModelEntry> All { get; } =
    [
        new("det", "Deterministic U-Net", "softmax CE on one random annotator per step",
            s => new DeterministicUNet(new DeterministicUNetConfig(s.InputChannels, s.Classes, s.Width.UNet()))),
        new("mcdropout", "MC-Dropout U-Net", "dropout 0.5 before every block (Czolbe)",
            s => new McDropoutUNet(new McDropoutUNetConfig(s.InputChannels, s.Classes, s.Width.UNet()))),
        new("ensemble", "U-Net ensemble (4)", "4 members, member k on annotator k (Czolbe)",
            s => new UNetEnsemble(new UNetEnsembleConfig(s.InputChannels, s.Classes, s.Width.UNet()))),
        new("mheads", "M-Heads (4)", "4 heads, relaxed WTA ε = 0.05",
            s => new MHeads(new MHeadsConfig(s.InputChannels, s.Classes, s.Width.UNet()))),
        new("punet", "Probabilistic U-Net", "latent 6, β = 1 (Kohl)",
            s => new ProbabilisticUNet(new ProbabilisticUNetConfig(s.InputChannels, s.Classes, s.Width.UNet()))),
    ];

    /// <summary>The models named in <paramref name="names"/> (all when null), in table order.</summary>
    /// <exception cref="ArgumentException">A name is unknown (the message lists the valid ones).</exception>
    public static IReadOnlyList<ModelEntry> Select(IReadOnlyList<string>? names)
    {
        if (names is null) return All;
        foreach (string name in names)
            if (!All.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Unknown model '{name}'; valid: {string.Join(", ", All.Select(e => e.Name))}.");
        return All.Where(e => names.Contains(e.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
    }
}
