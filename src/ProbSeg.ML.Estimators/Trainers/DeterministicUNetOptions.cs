using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="DeterministicUNetTrainer"/>.</summary>
public sealed class DeterministicUNetOptions : SegmentationTrainerOptions
{
    /// <summary>
    /// U-Net feature channels per resolution level, finest first. Default <c>[32, 64, 128, 192, 192, 192, 192]</c>, the
    /// references' seven levels for 128×128 inputs (Kohl et al. <c>probabilistic_unet.py</c>; PHiSeg <c>det_unet2D</c>).
    /// H and W must be divisible by 2^(levels − 1).
    /// </summary>
    public int[] UNetChannels { get; set; } = UNetConfig.Reference.Channels;

    /// <summary>3×3 conv + BN + ReLU layers per level (3 in every reference).</summary>
    public int ConvolutionsPerLevel { get; set; } = 3;

    /// <summary>Batch normalisation after each convolution (PHiSeg's and SSN's backbone use it).</summary>
    public bool BatchNorm { get; set; } = true;

    /// <summary>1×1 convolutions in the head (3: PHiSeg <c>det_unet2D</c>'s recombination convs; the last maps to K).</summary>
    public int HeadConvolutions { get; set; } = 3;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(UNetChannels is { Length: > 0 } && UNetChannels.All(c => c > 0), UNetChannels is null ? null : $"[{string.Join(", ", UNetChannels)}]",
            nameof(UNetChannels), "Give at least one level, each with at least one channel.");
        Require(ConvolutionsPerLevel >= 1, ConvolutionsPerLevel, nameof(ConvolutionsPerLevel), "Use at least one convolution per level.");
        Require(HeadConvolutions >= 1, HeadConvolutions, nameof(HeadConvolutions), "Use at least one 1×1 convolution in the head.");
    }

    internal UNetConfig Backbone => new(UNetChannels, ConvolutionsPerLevel, BatchNorm);
}
