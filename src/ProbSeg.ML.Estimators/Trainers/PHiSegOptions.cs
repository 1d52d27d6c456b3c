namespace ProbSeg.ML.Estimators;

/// <summary>
/// Options of the <see cref="PHiSegTrainer"/> (defaults: Baumgartner et al. 2019's <c>phiseg_7_5</c> LIDC configuration,
/// for 128×128 images). PHiSeg has its own encoders rather than a plain U-Net backbone, so its size is set by
/// <see cref="ResolutionLevels"/> and <see cref="BaseChannels"/>.
/// </summary>
public sealed class PHiSegOptions : SegmentationTrainerOptions
{
    /// <summary>
    /// Resolution levels R of the prior and posterior encoders (7: <c>phiseg_7_5.py resolution_levels</c>). H and W must
    /// be divisible by 2^(R − 1); use fewer levels for small images (e.g. 4 for 32×32).
    /// </summary>
    public int ResolutionLevels { get; set; } = 7;

    /// <summary>Latent levels L, on the coarsest L resolutions (5: <c>latent_levels</c>; 1 is the paper's single-level ablation).</summary>
    public int LatentLevels { get; set; } = 5;

    /// <summary>n0: level channels are n0·[1, 2, 4, 6, 6, 6, 6], finest first (32: <c>n0</c>).</summary>
    public int BaseChannels { get; set; } = 32;

    /// <summary>Latent channels per level (2: <c>zdim0</c>).</summary>
    public int LatentChannels { get; set; } = 2;

    /// <summary>3×3 conv + BN + ReLU layers per encoder level (3 in the reference).</summary>
    public int ConvolutionsPerLevel { get; set; } = 3;

    /// <summary>Batch normalisation after each convolution (the reference's <c>layer_norm = batch_norm</c>).</summary>
    public bool BatchNorm { get; set; } = true;

    /// <summary>Weight of the KL sum (1: <c>KL_divergence_loss_weight</c>).</summary>
    public double KLWeight { get; set; } = 1.0;

    /// <summary>Weight latent level i's KL by 4^i, i = 0 finest (true: <c>exponential_weighting</c>).</summary>
    public bool ExponentialKLWeighting { get; set; } = true;

    /// <summary>Weight of each level's cross-entropy (1: <c>residual_multinoulli_loss_weight</c>).</summary>
    public double ResidualLossWeight { get; set; } = 1.0;

    /// <summary>Deep supervision: cross-entropy on every partial sum of the level outputs (true: the reference's residual
    /// multinoulli loss); false keeps only the full sum.</summary>
    public bool DeepSupervision { get; set; } = true;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(ResolutionLevels is >= 1 and <= 16, ResolutionLevels, nameof(ResolutionLevels), "ResolutionLevels must be in [1, 16].");
        Require(LatentLevels >= 1 && LatentLevels <= ResolutionLevels, LatentLevels, nameof(LatentLevels),
            $"LatentLevels must be in [1, ResolutionLevels = {ResolutionLevels}].");
        Require(BaseChannels >= 1, BaseChannels, nameof(BaseChannels), "BaseChannels (n0) must be at least 1.");
        Require(LatentChannels >= 1, LatentChannels, nameof(LatentChannels), "Use at least one latent channel per level.");
        Require(ConvolutionsPerLevel >= 1, ConvolutionsPerLevel, nameof(ConvolutionsPerLevel), "Use at least one convolution per level.");
        Require(KLWeight >= 0 && double.IsFinite(KLWeight), KLWeight, nameof(KLWeight), "KLWeight must be finite and ≥ 0.");
        Require(ResidualLossWeight > 0 && double.IsFinite(ResidualLossWeight), ResidualLossWeight, nameof(ResidualLossWeight),
            "ResidualLossWeight must be positive and finite.");
    }
}
