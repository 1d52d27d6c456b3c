using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>
/// Generalised energy distance (d = 1 − IoU) against a ground-truth distribution given as masks with probabilities:
/// D² = 2·Σ_k p_k E_i d(S_i, Y_k) − E_ij d(S_i, S_j) − Σ_kl p_k p_l d(Y_k, Y_l).
/// </summary>
/// <remarks>
/// With equal weights 1/M over M annotators this is exactly PHiSeg's <c>generalised_energy_distance</c> (the engine's
/// <see cref="GeneralizedEnergyDistance"/>); with a known distribution's modes and probabilities it is the expectation
/// over infinitely many annotators, as Kohl et al.'s probability-weighted Cityscapes evaluation
/// (<c>evaluation/eval_cityscapes.py</c>). Sample pairs form the biased V-statistic (i = j included), as in every
/// reference. Undefined IoUs (<see cref="EmptyPairConvention.Exclude"/>) drop out with their weight.
/// </remarks>
public static class WeightedGed
{
    /// <summary>GED of <paramref name="samples"/> <c>[N, H·W]</c> against <paramref name="truth"/>'s masks and weights.</summary>
    public static GedResult Compute(LabelMaps samples, ImageTruth truth, OverlapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var pairs = PairwiseIoU.Compute(samples, new LabelMaps(truth.Masks, truth.Count, truth.PixelCount), options);
        if (pairs.AnnotatorCount != truth.Count)
            throw new InvalidOperationException($"{truth.Count - pairs.AnnotatorCount} truth masks were treated as missing.");
        int n = pairs.SampleCount, m = truth.Count;
        double[] w = truth.Weights;

        var cross = new WeightedMean();
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++) cross.Add(pairs.SampleAnnotator(i, k), w[k] / n);
        var diversity = new WeightedMean();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) diversity.Add(pairs.SampleSample(i, j), 1.0 / ((double)n * n));
        var truthDiversity = new WeightedMean();
        for (int k = 0; k < m; k++)
            for (int l = 0; l < m; l++) truthDiversity.Add(pairs.AnnotatorAnnotator(k, l), w[k] * w[l]);

        double ged = 2 * cross.Value - diversity.Value - truthDiversity.Value;
        return new GedResult(ged, cross.Value, diversity.Value, truthDiversity.Value);
    }

    /// <summary>Weighted mean of 1 − IoU over the defined IoUs (NaN if none).</summary>
    private struct WeightedMean
    {
        private double _sum, _weight;

        public void Add(double iou, double weight)
        {
            if (double.IsNaN(iou) || weight == 0) return;
            _sum += weight * (1 - iou);
            _weight += weight;
        }

        public readonly double Value => _weight == 0 ? double.NaN : _sum / _weight;
    }
}
