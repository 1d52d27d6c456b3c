namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="McDropoutUNetTrainer"/>.</summary>
public sealed class McDropoutUNetOptions : UNetTrainerOptions
{
    /// <summary>Spatial dropout probability before every conv block and before the head (0.5: Czolbe <c>src/networks/unet.py</c>, <c>Dropout2d(p=0.5)</c>).</summary>
    public double Dropout { get; set; } = 0.5;

    /// <summary>1×1 convolutions of the head (1: Czolbe's U-Net ends in a single 1×1 conv, with dropout before it).</summary>
    public int HeadConvolutions { get; set; } = 1;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Dropout >= 0 && Dropout < 1, Dropout, nameof(Dropout), "Dropout must be in [0, 1).");
        Require(HeadConvolutions >= 1, HeadConvolutions, nameof(HeadConvolutions), "Use at least one 1×1 convolution in the head.");
    }
}
