namespace ProbSeg.ML.Networks;

/// <summary>
/// Shape of the U-Net backbone shared by every model.
/// </summary>
/// <param name="Channels">Feature channels per resolution level, finest first. Reference default
/// <c>[32, 64, 128, 192, 192, 192, 192]</c> (Kohl et al. <c>probabilistic_unet.py</c>; PHiSeg <c>det_unet2D</c>).</param>
/// <param name="ConvsPerLevel">3×3 conv + BN + ReLU layers per level (3 in every reference).</param>
/// <param name="BatchNorm">Batch normalisation after each conv (PHiSeg and SSN's backbone use it).</param>
/// <param name="Dropout">Spatial dropout probability before each conv block; 0 disables it (MC-Dropout uses 0.5,
/// Czolbe <c>src/networks/unet.py</c>).</param>
public sealed record UNetConfig(int[] Channels, int ConvsPerLevel = 3, bool BatchNorm = true, double Dropout = 0)
{
    /// <summary>The references' seven-level U-Net, for 128×128 inputs.</summary>
    public static UNetConfig Reference => new([32, 64, 128, 192, 192, 192, 192]);

    /// <summary>Four levels as in Czolbe's and Knegt's ports (<c>[32, 64, 128, 192]</c>).</summary>
    public static UNetConfig FourLevel => new([32, 64, 128, 192]);

    /// <summary>A small U-Net for tests and quick CPU runs (three levels, 8–32 channels, two convs per level).</summary>
    public static UNetConfig Small => new([8, 16, 32], ConvsPerLevel: 2);

    /// <summary>Number of resolution levels.</summary>
    public int Levels => Channels.Length;

    /// <summary>The factor by which the input size must be divisible (each level below the first halves it).</summary>
    public int SizeDivisor => 1 << (Levels - 1);

    /// <summary>Throws when the configuration cannot build a network.</summary>
    public void Validate()
    {
        if (Channels is null || Channels.Length < 1) throw new ArgumentException("The U-Net needs at least one level of channels.");
        if (Channels.Any(c => c < 1)) throw new ArgumentException($"Every level needs at least one channel, got [{string.Join(", ", Channels)}].");
        if (ConvsPerLevel < 1) throw new ArgumentException($"ConvsPerLevel must be at least 1, got {ConvsPerLevel}.");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.");
    }
}
