namespace ProbSeg.ML.Models;

/// <summary>How a <see cref="StochasticSegmentationNetwork"/> forms its mean prediction (the <c>Score</c> column).</summary>
public enum StochasticSegmentationNetworkScore
{
    /// <summary>
    /// Mean of the samples' softmaxes, as every other model in the package, so that Score, calibration and entropy are
    /// comparable across models (default).
    /// </summary>
    MeanProbabilities,

    /// <summary>
    /// Softmax of the logit mean μ: the reference predicts <c>argmax(dist_eval.loc)</c>
    /// (<c>MiguelMonteiro/PHiSeg-code: phiseg_full_evaluation.py</c>). Costs one extra backbone pass per batch.
    /// </summary>
    MeanLogits,
}
