namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="DeterministicUNetTrainer"/>.</summary>
public sealed class DeterministicUNetOptions : UNetTrainerOptions
{
    /// <summary>1×1 convolutions in the head (3: PHiSeg <c>det_unet2D</c>'s recombination convs; the last maps to K).</summary>
    public int HeadConvolutions { get; set; } = 3;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(HeadConvolutions >= 1, HeadConvolutions, nameof(HeadConvolutions), "Use at least one 1×1 convolution in the head.");
    }
}
