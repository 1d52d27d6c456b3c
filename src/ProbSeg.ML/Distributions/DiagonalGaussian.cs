using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Distributions;

/// <summary>
/// Closed forms for Gaussians with diagonal covariance, parameterised by mean μ and standard deviation σ (as the
/// networks output them, σ through a softplus).
/// </summary>
public static class DiagonalGaussian
{
    /// <summary>
    /// Variance floor inside the logarithms and the division of the KL, as PHiSeg's
    /// <c>KL_two_gauss_with_diag_cov</c> (<c>phiseg/phiseg_model.py</c>): keeps a collapsed σ from giving −∞.
    /// </summary>
    public const double DefaultVarianceFloor = 1e-10;

    /// <summary>
    /// Element-wise KL(q‖p) in nats between N(μq, σq²) and N(μp, σp²):
    /// ½[(σq² + (μp − μq)²)/σp² + log σp² − log σq² − 1], variances floored by <paramref name="varianceFloor"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The four tensors do not share one shape.</exception>
    public static Tensor KLDivergence(Tensor muQ, Tensor sigmaQ, Tensor muP, Tensor sigmaP, double varianceFloor = DefaultVarianceFloor)
    {
        RequireSameShape(muQ, sigmaQ, "σq");
        RequireSameShape(muQ, muP, "μp");
        RequireSameShape(muQ, sigmaP, "σp");
        Tensor varQ = sigmaQ.square().add(varianceFloor);
        Tensor varP = sigmaP.square().add(varianceFloor);
        return varQ.add(muP.sub(muQ).square()).div(varP).add(varP.log()).sub(varQ.log()).sub(1.0).mul(0.5);
    }

    /// <summary>
    /// KL(q‖p) summed over every dimension but the first (the batch): <c>[B]</c>. PHiSeg sums over latent pixels and
    /// channels and then averages over the batch.
    /// </summary>
    public static Tensor KLDivergencePerItem(Tensor muQ, Tensor sigmaQ, Tensor muP, Tensor sigmaP, double varianceFloor = DefaultVarianceFloor)
    {
        if (muQ.dim() < 1) throw new ArgumentException("KLDivergencePerItem needs a batch dimension.");
        Tensor kl = KLDivergence(muQ, sigmaQ, muP, sigmaP, varianceFloor);
        return kl.dim() == 1 ? kl : kl.flatten(1).sum(1);
    }

    private static void RequireSameShape(Tensor reference, Tensor other, string what)
    {
        if (!reference.shape.SequenceEqual(other.shape))
            throw new ArgumentException($"Diagonal Gaussian: {what} has shape [{string.Join(", ", other.shape)}], μq has [{string.Join(", ", reference.shape)}].");
    }
}
