namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="ProbabilisticUNetTrainer"/> (defaults: Kohl et al. 2018's reference code).</summary>
public sealed class ProbabilisticUNetOptions : UNetTrainerOptions
{
    /// <summary>Latent dimension L (6: Kohl <c>training/prob_unet_config.py</c>; Knegt's LIDC script uses 2).</summary>
    public int LatentDim { get; set; } = 6;

    /// <summary>KL weight β (1: Kohl <c>elbo(beta=1.0)</c>; Knegt uses 10, Czolbe 5e-4).</summary>
    public double Beta { get; set; } = 1.0;

    /// <summary>Width of f_comb's hidden 1×1 convolutions (32: Kohl passes <c>num_channels[0]</c>).</summary>
    public int FCombChannels { get; set; } = 32;

    /// <summary>Hidden 1×1 conv + ReLU layers in f_comb before the last 1×1 to the classes (3: Kohl <c>num_1x1_convs=3</c>).</summary>
    public int FCombConvolutions { get; set; } = 3;

    /// <summary>Ramp β linearly from 0 over this many steps; 0 (Kohl) uses β from the start. A remedy for posterior collapse, not part of the paper.</summary>
    public int KlWarmupSteps { get; set; }

    /// <summary>Bound b on |log σ| of the prior and posterior, σ ∈ [e^−b, e^b] (5: ours, for numerical safety).</summary>
    public double LogSigmaBound { get; set; } = 5.0;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(LatentDim >= 1, LatentDim, nameof(LatentDim), "The latent space needs at least one dimension.");
        Require(Beta >= 0 && double.IsFinite(Beta), Beta, nameof(Beta), "β must be finite and ≥ 0.");
        Require(FCombChannels >= 1, FCombChannels, nameof(FCombChannels), "f_comb needs at least one channel.");
        Require(FCombConvolutions >= 0, FCombConvolutions, nameof(FCombConvolutions), "FCombConvolutions must be ≥ 0.");
        Require(KlWarmupSteps >= 0, KlWarmupSteps, nameof(KlWarmupSteps), "KlWarmupSteps must be ≥ 0.");
        Require(LogSigmaBound > 0 && double.IsFinite(LogSigmaBound), LogSigmaBound, nameof(LogSigmaBound), "LogSigmaBound must be positive and finite.");
    }
}
