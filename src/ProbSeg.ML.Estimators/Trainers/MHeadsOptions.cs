namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="MHeadsTrainer"/>.</summary>
public sealed class MHeadsOptions : UNetTrainerOptions
{
    /// <summary>Heads M, one hypothesis each (4: as the 4-member ensemble it is compared with).</summary>
    public int Heads { get; set; } = 4;

    /// <summary>1×1 convolutions per head (3, as the deterministic U-Net).</summary>
    public int HeadConvolutions { get; set; } = 3;

    /// <summary>Relaxation ε of the winner-takes-all loss (Rupprecht et al. 2017; 0.05 is a small ε in the paper's spirit).</summary>
    public double Epsilon { get; set; } = 0.05;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Heads >= 1, Heads, nameof(Heads), "Use at least one head.");
        Require(HeadConvolutions >= 1, HeadConvolutions, nameof(HeadConvolutions), "Use at least one 1×1 convolution in the head.");
        Require(Epsilon >= 0 && Epsilon < 1, Epsilon, nameof(Epsilon), "Epsilon must be in [0, 1).");
    }
}
