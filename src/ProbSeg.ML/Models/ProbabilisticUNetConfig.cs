using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="ProbabilisticUNet"/> (Kohl et al. 2018).</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (softmax).</param>
/// <param name="UNet">Backbone shape (Kohl: <c>[32,64,128,192,192,192,192]</c>, 3 convs per block).</param>
/// <param name="LatentDim">Latent dimension L (6: Kohl <c>training/prob_unet_config.py</c>; Knegt's LIDC script uses 2).</param>
/// <param name="Beta">KL weight β (1: Kohl <c>elbo(beta=1.0)</c>; Knegt uses 10, Czolbe 5e-4).</param>
/// <param name="FCombChannels">Width of f_comb's hidden 1×1 convs (32: Kohl passes <c>num_channels[0]</c>).</param>
/// <param name="FCombConvs">Hidden 1×1 conv + ReLU layers in f_comb before the 1×1 to the classes (3: Kohl
/// <c>num_1x1_convs=3</c>).</param>
/// <param name="KlWarmupSteps">Ramp β linearly from 0 over this many steps; 0 (Kohl) uses β from the start. A common
/// remedy for posterior collapse (anchors §8.3), not part of the paper.</param>
/// <param name="LogSigmaBound">Smooth bound b on |log σ| of prior and posterior, σ ∈ [e^−b, e^b] (5: ours, for
/// numerical safety; see <see cref="LatentEncoder"/>).</param>
/// <param name="Encoder">Shape of the prior and posterior encoders; null uses the U-Net's levels, convs and
/// BatchNorm without dropout (Kohl builds both encoders with the U-Net's <c>num_channels</c> and
/// <c>num_convs_per_block</c>).</param>
public sealed record ProbabilisticUNetConfig(
    int InputChannels,
    int Classes,
    UNetConfig UNet,
    int LatentDim = 6,
    double Beta = 1.0,
    int FCombChannels = 32,
    int FCombConvs = 3,
    int KlWarmupSteps = 0,
    double LogSigmaBound = 5.0,
    UNetConfig? Encoder = null)
{
    /// <summary>The encoder shape in effect (<see cref="Encoder"/> or the U-Net's without dropout).</summary>
    internal UNetConfig EncoderShape() => Encoder ?? UNet with { Dropout = 0 };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (UNet is null) throw new ArgumentException("ProbabilisticUNetConfig.UNet is required.");
        UNet.Validate();
        Encoder?.Validate();
        if (LatentDim < 1) throw new ArgumentException($"LatentDim must be at least 1, got {LatentDim}.");
        if (!(Beta >= 0) || double.IsInfinity(Beta)) throw new ArgumentException($"Beta must be finite and ≥ 0, got {Beta}.");
        if (FCombChannels < 1) throw new ArgumentException($"FCombChannels must be at least 1, got {FCombChannels}.");
        if (FCombConvs < 0) throw new ArgumentException($"FCombConvs must be ≥ 0, got {FCombConvs}.");
        if (KlWarmupSteps < 0) throw new ArgumentException($"KlWarmupSteps must be ≥ 0, got {KlWarmupSteps}.");
        if (!(LogSigmaBound > 0) || double.IsInfinity(LogSigmaBound))
            throw new ArgumentException($"LogSigmaBound must be positive and finite, got {LogSigmaBound}.");
        if (Encoder is not null && Encoder.SizeDivisor > UNet.SizeDivisor)
            throw new ArgumentException($"The encoder has {Encoder.Levels} levels, more than the U-Net's {UNet.Levels}: inputs valid for the U-Net would not fit it.");
    }
}
