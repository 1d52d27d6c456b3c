namespace ProbSeg.ML.Metrics;

/// <summary>Dice similarity coefficient (F1 of the pixels) between two label maps.</summary>
/// <remarks>
/// Same conventions as <see cref="IoU"/>. The SSN evaluation (<c>phiseg_full_evaluation.py: calc_dsc</c>) reports Dice
/// per class with both-empty pairs as NaN: use <see cref="EmptyPairConvention.Exclude"/> to reproduce it.
/// </remarks>
public static class Dice
{
    /// <summary>Dice of <paramref name="a"/> and <paramref name="b"/> (<c>[H·W]</c> class ids), NaN when undefined under <see cref="EmptyPairConvention.Exclude"/>.</summary>
    /// <exception cref="ArgumentException">Sizes differ, or a pixel holds an id ≥ K.</exception>
    public static double Compute(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, OverlapOptions? options = null) =>
        OverlapScore.Pair(a, b, options, dice: true);

    /// <summary>Dice of every class 0..K−1 separately (background included), NaN or 1 for a class absent from both.</summary>
    public static double[] PerClass(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int classes,
        EmptyPairConvention emptyPairs = EmptyPairConvention.CountAsPerfect) =>
        OverlapScore.PerClass(a, b, classes, emptyPairs, dice: true);
}
