using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// Samples of models whose distribution is a uniform mixture of M fixed hypotheses (ensemble members, M-Heads heads):
/// sample i is hypothesis i mod M, and the mean prediction is the mean over all M hypotheses.
/// </summary>
/// <remarks>
/// Cycling instead of drawing a member at random (Czolbe's ensemble draws one): with N a multiple of M every
/// hypothesis appears equally often, so sample statistics (GED, diversity) carry no extra Monte-Carlo noise from the
/// draw of members, and the samples need no random generator.
/// </remarks>
internal static class HypothesisSamples
{
    /// <summary>The hypotheses needed for <paramref name="samples"/> samples: min(S, M).</summary>
    public static int Needed(int samples, int hypotheses) => Math.Min(samples, hypotheses);

    /// <summary>Logits <c>[S, B, K, H, W]</c> with sample i = hypothesis i mod M from <c>[m, B, K, H, W]</c>.</summary>
    public static Tensor Cycle(Tensor hypotheses, int samples)
    {
        long m = hypotheses.shape[0];
        if (samples == m) return hypotheses;
        Tensor index = arange(samples, ScalarType.Int64, hypotheses.device).remainder(m);
        return hypotheses.index_select(0, index);
    }

    /// <summary>
    /// Mean of all M hypotheses' softmaxes <c>[B, K, H, W]</c>: from the first M samples when there are at least M
    /// (they are hypotheses 0..M−1), otherwise from <paramref name="allHypotheses"/> recomputed.
    /// </summary>
    public static Tensor MeanProbabilities(Tensor sampleLogits, int hypotheses, Func<Tensor> allHypotheses) =>
        sampleLogits.shape[0] >= hypotheses
            ? sampleLogits.narrow(0, 0, hypotheses).softmax(2).mean([0])
            : allHypotheses().softmax(2).mean([0]);
}
