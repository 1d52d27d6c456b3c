using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="McDropoutUNet"/>.</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (softmax).</param>
/// <param name="UNet">Backbone shape; its own <see cref="UNetConfig.Dropout"/> is replaced by <paramref name="Dropout"/>.</param>
/// <param name="Dropout">Spatial dropout probability before every conv block and before the head (0.5: Czolbe
/// <c>src/networks/unet.py</c>, <c>Dropout2d(p=0.5)</c>).</param>
/// <param name="HeadConvs">1×1 convs of the head (1: Czolbe's U-Net ends in a single 1×1 conv, with dropout before it).</param>
public sealed record McDropoutUNetConfig(int InputChannels, int Classes, UNetConfig UNet, double Dropout = 0.5, int HeadConvs = 1)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (UNet is null) throw new ArgumentException("McDropoutUNetConfig.UNet is required.");
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout)) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.");
        if (HeadConvs < 1) throw new ArgumentException($"HeadConvs must be at least 1, got {HeadConvs}.");
        UNet.Validate();
    }
}
