using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="DeterministicUNet"/>.</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2.</param>
/// <param name="UNet">Backbone shape.</param>
/// <param name="HeadConvs">1×1 convs at the end (3: PHiSeg <c>det_unet2D</c>'s recomb convs; the last maps to K).</param>
public sealed record DeterministicUNetConfig(int InputChannels, int Classes, UNetConfig UNet, int HeadConvs = 3);
