namespace ProbSeg.ML.Models;

/// <summary>
/// Configuration of <see cref="PHiSeg"/>. Defaults are the reference's <c>phiseg/experiments/phiseg_7_5.py</c>
/// (baumgach/PHiSeg-code), for 128×128 images.
/// </summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (softmax).</param>
/// <param name="ResolutionLevels">Resolution levels R of the prior/posterior encoders (7, <c>resolution_levels</c>);
/// images must be divisible by 2^(R−1).</param>
/// <param name="LatentLevels">Latent levels L on the coarsest L resolutions (5, <c>latent_levels</c>; 1 is the
/// <c>phiseg_7_1</c> ablation).</param>
/// <param name="BaseChannels">n0; level channels are n0·[1, 2, 4, 6, 6, 6, 6] (32, <c>n0</c>).</param>
/// <param name="LatentChannels">Latent channels per level (2, <c>zdim0</c>).</param>
/// <param name="ConvsPerLevel">3×3 conv + BN + ReLU layers per encoder level (3, <c>z%d_pre_1..3</c>).</param>
/// <param name="BatchNorm">Batch normalisation (<c>layer_norm = batch_norm</c>).</param>
/// <param name="KLWeight">Weight of the KL sum (1.0, <c>KL_divergence_loss_weight</c>).</param>
/// <param name="ExponentialKLWeighting">Weight level i's KL by 4^i, i = 0 finest (true, <c>exponential_weighting</c>).</param>
/// <param name="ResidualLossWeight">Weight of each level's cross-entropy (1.0, <c>residual_multinoulli_loss_weight</c>).</param>
/// <param name="DeepSupervision">Cross-entropy on every partial sum s_accum[i] (true, the reference's residual
/// multinoulli loss); false keeps only the full sum s_accum[0].</param>
public sealed record PHiSegConfig(
    int InputChannels,
    int Classes,
    int ResolutionLevels = 7,
    int LatentLevels = 5,
    int BaseChannels = 32,
    int LatentChannels = 2,
    int ConvsPerLevel = 3,
    bool BatchNorm = true,
    double KLWeight = 1.0,
    bool ExponentialKLWeighting = true,
    double ResidualLossWeight = 1.0,
    bool DeepSupervision = true)
{
    // n0·[1, 2, 4, 6, 6, 6, 6] (posteriors.py num_channels); levels past the seventh keep 6·n0.
    private static readonly int[] Multipliers = [1, 2, 4, 6];

    /// <summary>Channels per resolution level, finest first: n0·[1, 2, 4, 6, 6, …].</summary>
    public int[] LevelChannels() =>
        Enumerable.Range(0, ResolutionLevels).Select(i => BaseChannels * Multipliers[Math.Min(i, Multipliers.Length - 1)]).ToArray();

    /// <summary>The factor image height and width must be divisible by: 2^(R−1), one halving per level below the first.</summary>
    public int SizeDivisor() => 1 << (ResolutionLevels - 1);

    /// <summary>Throws when the configuration cannot build a model.</summary>
    public void Validate()
    {
        if (InputChannels < 1) throw new ArgumentException($"InputChannels must be at least 1, got {InputChannels}.");
        if (Classes < 2) throw new ArgumentException($"Classes must be at least 2 (binary = background + foreground), got {Classes}.");
        if (ResolutionLevels is < 1 or > 16) throw new ArgumentException($"ResolutionLevels must be in [1, 16], got {ResolutionLevels}.");
        if (LatentLevels < 1 || LatentLevels > ResolutionLevels)
            throw new ArgumentException($"LatentLevels must be in [1, ResolutionLevels = {ResolutionLevels}], got {LatentLevels}.");
        if (BaseChannels < 1) throw new ArgumentException($"BaseChannels (n0) must be at least 1, got {BaseChannels}.");
        if (LatentChannels < 1) throw new ArgumentException($"LatentChannels (zdim0) must be at least 1, got {LatentChannels}.");
        if (ConvsPerLevel < 1) throw new ArgumentException($"ConvsPerLevel must be at least 1, got {ConvsPerLevel}.");
        if (!(KLWeight >= 0) || !double.IsFinite(KLWeight)) throw new ArgumentException($"KLWeight must be finite and ≥ 0, got {KLWeight}.");
        if (!(ResidualLossWeight > 0) || !double.IsFinite(ResidualLossWeight)) throw new ArgumentException($"ResidualLossWeight must be positive, got {ResidualLossWeight}.");
    }
}
