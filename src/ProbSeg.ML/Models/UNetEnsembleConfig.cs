using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="UNetEnsemble"/>.</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (softmax).</param>
/// <param name="UNet">Shape of every member's U-Net.</param>
/// <param name="Members">Members M (4: Czolbe <c>ensemble</c>, one per LIDC annotator).</param>
/// <param name="HeadConvs">1×1 convs of each member's head (3: as <see cref="DeterministicUNetConfig.HeadConvs"/>, so a
/// member is exactly this project's deterministic U-Net).</param>
/// <param name="Assignment">Which annotation each member trains on (Czolbe: member k on annotator k).</param>
public sealed record UNetEnsembleConfig(int InputChannels, int Classes, UNetConfig UNet, int Members = 4, int HeadConvs = 3,
    EnsembleAnnotatorAssignment Assignment = EnsembleAnnotatorAssignment.MemberAnnotator)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (UNet is null) throw new ArgumentException("UNetEnsembleConfig.UNet is required.");
        UNet.Validate();
        if (Members < 1) throw new ArgumentException($"Members must be at least 1, got {Members}.");
        if (HeadConvs < 1) throw new ArgumentException($"HeadConvs must be at least 1, got {HeadConvs}.");
        if (!Enum.IsDefined(Assignment)) throw new ArgumentException($"Unknown annotator assignment {(int)Assignment}.");
    }
}
