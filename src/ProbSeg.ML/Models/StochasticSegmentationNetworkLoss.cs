using ProbSeg.ML.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// The Stochastic Segmentation Network's loss: the negative log of a Monte-Carlo estimate of the marginal likelihood
/// p(y|x) = E_η[Π_pixels softmax(η)[y]], computed in log space (Monteiro et al. 2020, Eq. 6;
/// <c>ssn/trainer/losses.py: StochasticSegmentationNetworkLossMCIntegral</c>):
/// <c>−mean_b[ logsumexp_m( Σ_pixels log softmax(η_m)[y] ) − log M ]</c>.
/// </summary>
public static class StochasticSegmentationNetworkLoss
{
    /// <summary>Per-image log-likelihood estimate <c>[B]</c> from logit samples <c>[M, B, K, H, W]</c> and targets <c>[B, H, W]</c>.</summary>
    /// <exception cref="ArgumentException">Shapes disagree, or a target is not a class id in [0, K).</exception>
    public static Tensor LogLikelihood(Tensor logitSamples, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logitSamples);
        ArgumentNullException.ThrowIfNull(targets);
        if (logitSamples.dim() != 5)
            throw new ArgumentException($"Logit samples must be [M, B, K, H, W], got [{string.Join(", ", logitSamples.shape)}].", nameof(logitSamples));
        SegmentationLosses.RequireTargets(logitSamples[0], targets);
        long m = logitSamples.shape[0], k = logitSamples.shape[2];
        if (targets.numel() > 0 && (targets.min().item<long>() < 0 || targets.max().item<long>() >= k))
            throw new ArgumentException($"Targets must be class ids in [0, {k}), got values in [{targets.min().item<long>()}, {targets.max().item<long>()}].", nameof(targets));
        Tensor index = targets.unsqueeze(0).unsqueeze(2).expand(m, -1, 1, -1, -1);                  // [M, B, 1, H, W]
        Tensor pixelLogProb = logitSamples.log_softmax(2).gather(2, index).squeeze(2);               // [M, B, H, W]
        Tensor perSample = pixelLogProb.flatten(2).sum(2);                                           // [M, B]
        return perSample.logsumexp(0).sub(Math.Log(m));                                             // [B]
    }

    /// <summary>The loss: minus the batch mean of <see cref="LogLikelihood"/>.</summary>
    public static Tensor Compute(Tensor logitSamples, Tensor targets) => LogLikelihood(logitSamples, targets).mean().neg();
}
