namespace ProbSeg.ML.Metrics;

/// <summary>
/// Hungarian-matched IoU (HM-IoU) of one image: samples are matched one-to-one to copies of the annotations at
/// cost 1 − IoU and the matched IoUs averaged (CAR <c>utils/evaluation_utils.py</c>, MoSE <c>utils/metrics.py</c>).
/// </summary>
/// <remarks>
/// <para>The references repeat the M annotations N/M times (N = 16, M = 4) and call
/// <c>linear_sum_assignment</c>; this does the same when M divides N. Otherwise (e.g. an absent annotator leaves
/// M = 3 of N = 16) it repeats samples L/N times and annotations L/M times, L = lcm(N, M): the optimum then equals
/// the optimal transport between uniform weights on samples and annotators, which is what MoSE computes with
/// <c>ot.emd</c> for weighted ground truth. L is capped at <see cref="MaxMatchingSize"/>.</para>
/// <para>A pair whose IoU is undefined (<see cref="EmptyPairConvention.Exclude"/>: both empty) costs 0 in the
/// matching (both say "nothing here") and is left out of the mean.</para>
/// </remarks>
public static class HungarianMatchedIoU
{
    /// <summary>Largest matching size L = lcm(N, M) accepted (an L×L Hungarian is O(L³)).</summary>
    public const int MaxMatchingSize = 4096;

    /// <summary>HM-IoU of <paramref name="samples"/> <c>[N, H·W]</c> against the present <paramref name="annotations"/>.</summary>
    public static HungarianMatchedIoUResult Compute(LabelMaps samples, LabelMaps annotations, OverlapOptions? options = null) =>
        FromPairwise(PairwiseIoU.Compute(samples, annotations, options));

    /// <summary>HM-IoU from IoUs already computed.</summary>
    /// <returns>NaN and no matches when no annotator is present.</returns>
    /// <exception cref="ArgumentException">lcm(N, M) exceeds <see cref="MaxMatchingSize"/>.</exception>
    public static HungarianMatchedIoUResult FromPairwise(PairwiseIoU pairwise)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        int n = pairwise.SampleCount, m = pairwise.AnnotatorCount;
        if (m == 0) return new HungarianMatchedIoUResult(double.NaN, []);
        long size = (long)n / Gcd(n, m) * m;
        if (size > MaxMatchingSize)
            throw new ArgumentException($"HM-IoU with {n} samples and {m} annotators needs a {size}×{size} matching (lcm), above {MaxMatchingSize}; use a sample count divisible by the annotator count.", nameof(pairwise));
        int l = (int)size, perSample = l / n, perAnnotator = l / m;

        var cost = new double[l * l];
        for (int r = 0; r < l; r++)
            for (int c = 0; c < l; c++)
            {
                double iou = pairwise.SampleAnnotator(r / perSample, c / perAnnotator);
                cost[r * l + c] = double.IsNaN(iou) ? 0 : 1 - iou;
            }
        var assignment = LinearAssignment.Solve(cost, l);

        var matches = new (int Sample, int Annotator)[l];
        double sum = 0;
        int defined = 0;
        for (int r = 0; r < l; r++)
        {
            matches[r] = (r / perSample, assignment[r] / perAnnotator);
            double iou = pairwise.SampleAnnotator(matches[r].Sample, matches[r].Annotator);
            if (double.IsNaN(iou)) continue;
            sum += iou;
            defined++;
        }
        return new HungarianMatchedIoUResult(defined == 0 ? double.NaN : sum / defined, matches);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
