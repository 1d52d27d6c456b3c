using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Models;

/// <summary>Configuration of <see cref="StochasticSegmentationNetwork"/>.</summary>
/// <param name="InputChannels">Image channels.</param>
/// <param name="Classes">Classes K ≥ 2 (binary = background + foreground softmax; the reference asserts K ≥ 2).</param>
/// <param name="UNet">Backbone shape (LIDC: PHiSeg's <c>det_unet2D</c>, <see cref="UNetConfig.Reference"/>).</param>
/// <param name="Rank">Covariance factor rank R (10, <c>proposed_4annot.py</c>); 0 = independent normals, the paper's
/// diagonal ablation (<c>proposed_diag_*</c>).</param>
/// <param name="MonteCarloSamples">Samples M in the loss's Monte-Carlo integral (20, <c>mc_samples</c>); even when
/// <paramref name="Antithetic"/>.</param>
/// <param name="Antithetic">Draw the M samples as M/2 antithetic pairs μ ± (s − μ) (PyTorch reference
/// <c>fixed_re_parametrization_trick</c>); false draws M independent samples (the LIDC TF fork's <c>rsample</c>).</param>
/// <param name="RecombConvs">1×1 conv + BN + ReLU layers between backbone and heads (3, the TF fork's <c>recomb_0..2</c>).</param>
/// <param name="DiagonalEpsilon">Added to exp(log-diagonal) so variances stay positive (1e-5, <c>epsilon</c> in both references).</param>
/// <param name="Score">How the mean prediction is formed; see <see cref="StochasticSegmentationNetworkScore"/>.</param>
public sealed record StochasticSegmentationNetworkConfig(
    int InputChannels,
    int Classes,
    UNetConfig UNet,
    int Rank = 10,
    int MonteCarloSamples = 20,
    bool Antithetic = true,
    int RecombConvs = 3,
    double DiagonalEpsilon = 1e-5,
    StochasticSegmentationNetworkScore Score = StochasticSegmentationNetworkScore.MeanProbabilities)
{
    /// <summary>Throws when the configuration cannot build a model.</summary>
    public void Validate()
    {
        if (InputChannels < 1) throw new ArgumentException($"InputChannels must be at least 1, got {InputChannels}.");
        if (Classes < 2) throw new ArgumentException($"Classes must be at least 2 (binary = background + foreground), got {Classes}.");
        ArgumentNullException.ThrowIfNull(UNet);
        UNet.Validate();
        if (Rank < 0) throw new ArgumentException($"Rank must be ≥ 0 (0 = diagonal), got {Rank}.");
        if (MonteCarloSamples < 1) throw new ArgumentException($"MonteCarloSamples must be at least 1, got {MonteCarloSamples}.");
        if (Antithetic && MonteCarloSamples % 2 != 0)
            throw new ArgumentException($"MonteCarloSamples must be even with antithetic sampling (pairs μ ± (s − μ)), got {MonteCarloSamples}.");
        if (RecombConvs < 0) throw new ArgumentException($"RecombConvs must be ≥ 0, got {RecombConvs}.");
        if (!(DiagonalEpsilon > 0) || !double.IsFinite(DiagonalEpsilon)) throw new ArgumentException($"DiagonalEpsilon must be positive, got {DiagonalEpsilon}.");
        if (!Enum.IsDefined(Score)) throw new ArgumentException($"Unknown Score mode {Score}.");
    }
}
