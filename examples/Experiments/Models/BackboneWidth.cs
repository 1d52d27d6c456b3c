using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Experiments.Models;

/// <summary>
/// The one backbone width every model of an experiment shares, so that models differ only in what they add on top.
/// </summary>
/// <param name="BaseChannels">n0, the channels of the finest level.</param>
/// <param name="Levels">Resolution levels; PHiSeg with L = 5 latent levels needs at least 5.</param>
/// <param name="ConvsPerLevel">3×3 conv + BN + ReLU layers per level (3 in every reference).</param>
public sealed record BackboneWidth(int BaseChannels = 16, int Levels = 5, int ConvsPerLevel = 3)
{
    // n0·[1, 2, 4, 6, 6, …]: PHiSeg's level widths (posteriors.py num_channels), so PHiSeg gets the same widths as
    // the U-Net models.
    private static readonly int[] Multipliers = [1, 2, 4, 6];

    /// <summary>Channels per level, finest first, e.g. [16, 32, 64, 96, 96].</summary>
    public int[] Channels() =>
        Enumerable.Range(0, Levels).Select(i => BaseChannels * Multipliers[Math.Min(i, Multipliers.Length - 1)]).ToArray();

    /// <summary>The U-Net backbone of this width.</summary>
    public UNetConfig UNet() => new(Channels(), ConvsPerLevel);

    /// <summary>The side images must be divisible by.</summary>
    public int SizeDivisor => 1 << (Levels - 1);

    /// <summary>Throws when images of side <paramref name="size"/> do not fit the levels.</summary>
    public void RequireFits(int size)
    {
        if (BaseChannels < 1 || Levels < 1 || ConvsPerLevel < 1)
            throw new ArgumentException($"Backbone width needs positive values, got n0 = {BaseChannels}, levels = {Levels}, convs = {ConvsPerLevel}.");
        if (size % SizeDivisor != 0 || size / SizeDivisor < 1)
            throw new ArgumentException($"Images of side {size} do not fit {Levels} levels (side must be a multiple of {SizeDivisor}).");
    }

    /// <inheritdoc/>
    public override string ToString() => $"channels [{string.Join(", ", Channels())}], {ConvsPerLevel} convs per level, BatchNorm";
}
