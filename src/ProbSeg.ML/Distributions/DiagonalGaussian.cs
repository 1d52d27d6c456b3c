using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Distributions;

/// <summary>
/// A batch of axis-aligned Gaussians over a latent vector: mean μ and log σ, both <c>[B, L]</c> — the distributions of
/// the Probabilistic U-Net's prior and posterior nets (Kohl <c>AxisAlignedConvGaussian</c>).
/// </summary>
public sealed class DiagonalGaussian
{
    /// <summary>Wraps <paramref name="mean"/> and <paramref name="logSigma"/>, both <c>[B, L]</c>.</summary>
    /// <exception cref="ArgumentException">The tensors are not 2-D or their shapes differ.</exception>
    public DiagonalGaussian(Tensor mean, Tensor logSigma)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(logSigma);
        if (mean.dim() != 2 || logSigma.dim() != 2 || mean.shape[0] != logSigma.shape[0] || mean.shape[1] != logSigma.shape[1])
            throw new ArgumentException($"Mean and log σ must both be [B, L]; got [{string.Join(", ", mean.shape)}] and [{string.Join(", ", logSigma.shape)}].");
        Mean = mean;
        LogSigma = logSigma;
    }

    /// <summary>Mean μ, <c>[B, L]</c>.</summary>
    public Tensor Mean { get; }

    /// <summary>Log standard deviation log σ, <c>[B, L]</c>.</summary>
    public Tensor LogSigma { get; }

    /// <summary>Standard deviation σ, <c>[B, L]</c>.</summary>
    public Tensor Sigma => LogSigma.exp();

    /// <summary>Batch size B.</summary>
    public long BatchSize => Mean.shape[0];

    /// <summary>Latent dimension L.</summary>
    public long LatentDim => Mean.shape[1];

    /// <summary>
    /// Reparameterised draws z = μ + σ·ε, ε ~ N(0, I) from TorchSharp's global generator, <c>[S, B, L]</c>;
    /// differentiable with respect to μ and σ.
    /// </summary>
    public Tensor Sample(int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        Tensor eps = randn(new long[] { samples, BatchSize, LatentDim }, dtype: Mean.dtype, device: Mean.device);
        return Mean.unsqueeze(0) + Sigma.unsqueeze(0) * eps;
    }

    /// <summary>
    /// KL(q ‖ p) per batch element <c>[B]</c>, in closed form and in fp32:
    /// Σ_l [log σp − log σq + (σq² + (μq − μp)²) / (2σp²) − ½]. Kohl's ELBO uses this direction (q = posterior,
    /// p = prior); Czolbe's reversed KL(p ‖ q) is a known bug (anchors §0.3).
    /// </summary>
    /// <exception cref="ArgumentException">The two batches differ in shape.</exception>
    public static Tensor KlDivergence(DiagonalGaussian q, DiagonalGaussian p)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(p);
        if (q.BatchSize != p.BatchSize || q.LatentDim != p.LatentDim)
            throw new ArgumentException($"KL needs equal shapes: q is [{q.BatchSize}, {q.LatentDim}], p is [{p.BatchSize}, {p.LatentDim}].");
        // fp32 even under mixed precision: the exp and the squared ratio overflow fp16 long before training diverges.
        Tensor muQ = q.Mean.to_type(ScalarType.Float32), muP = p.Mean.to_type(ScalarType.Float32);
        Tensor logQ = q.LogSigma.to_type(ScalarType.Float32), logP = p.LogSigma.to_type(ScalarType.Float32);
        Tensor logRatio = logQ - logP;                              // log(σq/σp)
        Tensor scaledDiff = (muQ - muP) * logP.neg().exp();         // (μq − μp)/σp, without forming 1/σp² first
        Tensor perDim = ((2 * logRatio).exp() + scaledDiff.square() - 1) * 0.5 - logRatio;
        return perDim.sum(1);
    }

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
