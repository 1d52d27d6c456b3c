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
        new("phiseg1", "PHiSeg L = 1", "1 latent level (the paper's ablation), KL weights 4^i, deep supervision",
            s => new PHiSeg(PHiSegOf(s, latentLevels: 1))),
        new("phiseg5", "PHiSeg L = 5", "5 latent levels (Baumgartner), KL weights 4^i, deep supervision",
            s => new PHiSeg(PHiSegOf(s, latentLevels: 5))),
        new("ssn-diag", "SSN diagonal", "independent logit Gaussians (rank 0, the paper's ablation), 20 MC samples",
            s => new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(s.InputChannels, s.Classes, s.Width.UNet(), Rank: 0))),
        new("ssn", "SSN low-rank (10)", "rank-10 logit covariance, 20 MC samples (Monteiro)",
            s => new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(s.InputChannels, s.Classes, s.Width.UNet(), Rank: 10))),
    ];

    // PHiSeg's encoders take the shared width as n0, levels and convs (its level widths are n0·[1, 2, 4, 6, 6, …] too).
    private static PHiSegConfig PHiSegOf(ModelShape s, int latentLevels) => new(s.InputChannels, s.Classes,
        ResolutionLevels: s.Width.Levels, LatentLevels: latentLevels, BaseChannels: s.Width.BaseChannels, ConvsPerLevel: s.Width.ConvsPerLevel);

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
