using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Estimators;

/// <summary>Options shared by the trainers whose model is built on the U-Net backbone.</summary>
public abstract class UNetTrainerOptions : SegmentationTrainerOptions
{
    /// <summary>
    /// U-Net feature channels per resolution level, finest first. Default <c>[32, 64, 128, 192, 192, 192, 192]</c>, the
    /// references' seven levels for 128×128 inputs (Kohl et al. <c>probabilistic_unet.py</c>; PHiSeg <c>det_unet2D</c>).
    /// H and W must be divisible by 2^(levels − 1); use fewer levels for small images (e.g. <c>[32, 64, 128, 192]</c>).
    /// </summary>
    public int[] UNetChannels { get; set; } = UNetConfig.Reference.Channels;

    /// <summary>3×3 conv + BN + ReLU layers per level (3 in every reference).</summary>
    public int ConvolutionsPerLevel { get; set; } = 3;

    /// <summary>Batch normalisation after each convolution (PHiSeg's and SSN's backbone use it).</summary>
    public bool BatchNorm { get; set; } = true;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(UNetChannels is { Length: > 0 } && UNetChannels.All(c => c > 0), UNetChannels is null ? null : $"[{string.Join(", ", UNetChannels)}]",
            nameof(UNetChannels), "Give at least one level, each with at least one channel.");
        Require(ConvolutionsPerLevel >= 1, ConvolutionsPerLevel, nameof(ConvolutionsPerLevel), "Use at least one convolution per level.");
    }

    /// <summary>The backbone for images of <paramref name="shape"/>; throws when H or W does not halve evenly at every level.</summary>
    internal UNetConfig BackboneFor(SegmentationDataShape shape, double dropout = 0)
    {
        var backbone = new UNetConfig(UNetChannels, ConvolutionsPerLevel, BatchNorm, dropout);
        shape.RequireDivisible(backbone.SizeDivisor, nameof(UNetChannels),
            $"{backbone.Levels} U-Net levels halve the image {backbone.Levels - 1} times");
        return backbone;
    }
}
