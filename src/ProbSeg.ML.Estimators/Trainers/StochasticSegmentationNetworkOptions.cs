using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Options of the <see cref="StochasticSegmentationNetworkTrainer"/> (defaults: Monteiro et al. 2020's LIDC
/// configuration <c>proposed_4annot.py</c>, on PHiSeg's <c>det_unet2D</c> backbone).
/// </summary>
public sealed class StochasticSegmentationNetworkOptions : UNetTrainerOptions
{
    /// <summary>Rank R of the logit covariance factor (10: <c>proposed_4annot.py</c>); 0 models independent pixels, the
    /// paper's diagonal ablation (<c>proposed_diag_*</c>).</summary>
    public int Rank { get; set; } = 10;

    /// <summary>Monte-Carlo samples M in the loss's integral over logits (20: <c>mc_samples</c>); even when <see cref="Antithetic"/>.</summary>
    public int MonteCarloSamples { get; set; } = 20;

    /// <summary>Draw the M loss samples as M/2 antithetic pairs μ ± (s − μ) (true: the PyTorch reference's
    /// <c>fixed_re_parametrization_trick</c>); false draws M independent samples.</summary>
    public bool Antithetic { get; set; } = true;

    /// <summary>1×1 conv + BN + ReLU layers between the backbone and the mean/covariance heads (3: the TF fork's <c>recomb_0..2</c>).</summary>
    public int RecombinationConvolutions { get; set; } = 3;

    /// <summary>Added to the diagonal variance so it stays positive (1e-5: <c>epsilon</c> in both references).</summary>
    public double DiagonalEpsilon { get; set; } = 1e-5;

    /// <summary>How the <c>Score</c> column is formed: the mean of the samples' softmaxes (default, comparable across models) or
    /// the softmax of the logit mean μ (the reference's evaluation, <c>argmax(dist_eval.loc)</c>).</summary>
    public StochasticSegmentationNetworkScore Score { get; set; } = StochasticSegmentationNetworkScore.MeanProbabilities;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Rank >= 0, Rank, nameof(Rank), "Rank must be ≥ 0 (0 = diagonal covariance).");
        Require(MonteCarloSamples >= 1, MonteCarloSamples, nameof(MonteCarloSamples), "Use at least one Monte-Carlo sample.");
        Require(!Antithetic || MonteCarloSamples % 2 == 0, MonteCarloSamples, nameof(MonteCarloSamples),
            "MonteCarloSamples must be even with antithetic sampling (pairs μ ± (s − μ)).");
        Require(RecombinationConvolutions >= 0, RecombinationConvolutions, nameof(RecombinationConvolutions), "RecombinationConvolutions must be ≥ 0.");
        Require(DiagonalEpsilon > 0 && double.IsFinite(DiagonalEpsilon), DiagonalEpsilon, nameof(DiagonalEpsilon), "DiagonalEpsilon must be positive and finite.");
        Require(Enum.IsDefined(Score), Score, nameof(Score), "Unknown Score mode.");
    }
}
