using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="MHeads"/> (Rupprecht et al. 2017).</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (softmax).</param>
/// <param name="UNet">Shape of the shared U-Net trunk.</param>
/// <param name="Heads">Heads M, one hypothesis each (4: as the 4-member ensemble it is compared with, one per LIDC annotator).</param>
/// <param name="HeadConvs">1×1 convs per head (3: as <see cref="DeterministicUNetConfig.HeadConvs"/>).</param>
/// <param name="Epsilon">Relaxation ε of the winner-takes-all loss: the best head gets weight 1 − ε, each other head
/// ε/(M − 1) (Rupprecht et al. 2017, relaxed oracle loss, so no head starves; 0.05 is a small ε in the paper's spirit,
/// not checked against a reference repository).</param>
public sealed record MHeadsConfig(int InputChannels, int Classes, UNetConfig UNet, int Heads = 4, int HeadConvs = 3, double Epsilon = 0.05)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (UNet is null) throw new ArgumentException("MHeadsConfig.UNet is required.");
        UNet.Validate();
        if (Heads < 1) throw new ArgumentException($"Heads must be at least 1, got {Heads}.");
        if (HeadConvs < 1) throw new ArgumentException($"HeadConvs must be at least 1, got {HeadConvs}.");
        if (Epsilon is < 0 or >= 1 || double.IsNaN(Epsilon)) throw new ArgumentException($"Epsilon must be in [0, 1), got {Epsilon}.");
    }
}
