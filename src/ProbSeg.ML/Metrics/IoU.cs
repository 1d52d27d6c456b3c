namespace ProbSeg.ML.Metrics;

/// <summary>Intersection over union (Jaccard index) between two label maps.</summary>
/// <remarks>
/// With the default <see cref="OverlapOptions"/> this is PHiSeg's <c>1 - dist_fct</c>: IoU per foreground class
/// 1..K−1, averaged; a class absent from both maps scores 1.
/// <example><code>
/// double iou = IoU.Compute(prediction, annotation);                                     // PHiSeg convention
/// double kohl = IoU.Compute(prediction, annotation, new OverlapOptions { Classes = 24, EmptyPairs = EmptyPairConvention.Exclude });
/// </code></example>
/// </remarks>
public static class IoU
{
    /// <summary>IoU of <paramref name="a"/> and <paramref name="b"/> (<c>[H·W]</c> class ids), NaN when undefined under <see cref="EmptyPairConvention.Exclude"/>.</summary>
    /// <exception cref="ArgumentException">Sizes differ, or a pixel holds an id ≥ K.</exception>
    public static double Compute(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, OverlapOptions? options = null) =>
        OverlapScore.Pair(a, b, options, dice: false);

    /// <summary>IoU of every class 0..K−1 separately (background included), NaN or 1 for a class absent from both.</summary>
    public static double[] PerClass(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int classes,
        EmptyPairConvention emptyPairs = EmptyPairConvention.CountAsPerfect) =>
        OverlapScore.PerClass(a, b, classes, emptyPairs, dice: false);
}
