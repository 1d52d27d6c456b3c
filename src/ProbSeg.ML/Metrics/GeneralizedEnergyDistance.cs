namespace ProbSeg.ML.Metrics;

/// <summary>
/// Generalised energy distance between a model's samples and the annotators of one image, with d = 1 − IoU
/// (Kohl et al. 2018; PHiSeg <c>utils.py: generalised_energy_distance</c>).
/// </summary>
/// <remarks>
/// The biased V-statistic used by every reference (anchors §0): the i = j pairs are included in E d(S,S') and
/// E d(Y,Y'). Pairs whose IoU is undefined (<see cref="EmptyPairConvention.Exclude"/>) are left out of their term.
/// <example><code>
/// var pairwise = PairwiseIoU.Compute(samples, annotations);      // pack once
/// GedResult ged = GeneralizedEnergyDistance.FromPairwise(pairwise);
/// double hm = HungarianMatchedIoU.FromPairwise(pairwise).Value;  // reuses the same IoUs
/// </code></example>
/// </remarks>
public static class GeneralizedEnergyDistance
{
    /// <summary>GED of <paramref name="samples"/> <c>[N, H·W]</c> against the present <paramref name="annotations"/> <c>[A, H·W]</c>.</summary>
    public static GedResult Compute(LabelMaps samples, LabelMaps annotations, GedOptions? options = null)
    {
        options ??= GedOptions.Default;
        options.Validate();
        return FromPairwise(PairwiseIoU.Compute(samples, annotations, options.Overlap), options.GroundTruth);
    }

    /// <summary>GED from IoUs already computed.</summary>
    /// <returns>All terms NaN when no annotator is present.</returns>
    public static GedResult FromPairwise(PairwiseIoU pairwise, GroundTruthSampling? groundTruth = null)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        groundTruth ??= GroundTruthSampling.AllAnnotators;
        int n = pairwise.SampleCount;
        var truth = groundTruth.Select(pairwise.AnnotatorCount, groundTruth.DrawCount == 0 ? 0 : pairwise.ContentHash);
        if (truth.Length == 0) return new GedResult(double.NaN, double.NaN, double.NaN, double.NaN);

        var cross = new DistanceMean();
        for (int i = 0; i < n; i++)
            foreach (int y in truth) cross.Add(pairwise.SampleAnnotator(i, y));
        var samples = new DistanceMean();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) samples.Add(pairwise.SampleSample(i, j));
        var annotators = new DistanceMean();
        foreach (int y in truth)
            foreach (int z in truth) annotators.Add(pairwise.AnnotatorAnnotator(y, z));

        double ged = 2 * cross.Value - samples.Value - annotators.Value;
        return new GedResult(ged, cross.Value, samples.Value, annotators.Value);
    }

    /// <summary>Mean of 1 − IoU over the defined IoUs (NaN if none).</summary>
    private struct DistanceMean
    {
        private double _sum;
        private int _count;

        public void Add(double iou)
        {
            if (double.IsNaN(iou)) return;
            _sum += 1 - iou;
            _count++;
        }

        public readonly double Value => _count == 0 ? double.NaN : _sum / _count;
    }
}
