using static TorchSharp.torch;

namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>
/// The Gaussians of a PHiSeg prior or posterior, one per latent level (index 0 = finest), each
/// <c>[B, zdim, h_i, w_i]</c>, and the sample drawn from each.
/// </summary>
/// <param name="Mu">Means μ_i.</param>
/// <param name="Sigma">Standard deviations σ_i (softplus outputs).</param>
/// <param name="Z">Samples z_i = μ_i + σ_i ε_i.</param>
public sealed record LatentHierarchy(IReadOnlyList<Tensor> Mu, IReadOnlyList<Tensor> Sigma, IReadOnlyList<Tensor> Z)
{
    /// <summary>Number of latent levels L.</summary>
    public int Levels => Z.Count;
}
