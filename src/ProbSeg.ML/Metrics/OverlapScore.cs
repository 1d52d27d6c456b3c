namespace ProbSeg.ML.Metrics;

/// <summary>IoU and Dice from pixel counts, and their class average over packed masks.</summary>
internal static class OverlapScore
{
    public static double IoU(int intersection, int sizeA, int sizeB, EmptyPairConvention empty)
    {
        int union = sizeA + sizeB - intersection;
        if (union == 0) return empty == EmptyPairConvention.CountAsPerfect ? 1.0 : double.NaN;
        return (double)intersection / union;
    }

    public static double Dice(int intersection, int sizeA, int sizeB, EmptyPairConvention empty)
    {
        int total = sizeA + sizeB;
        if (total == 0) return empty == EmptyPairConvention.CountAsPerfect ? 1.0 : double.NaN;
        return 2.0 * intersection / total;
    }

    /// <summary>The score averaged over the compared classes; undefined classes are left out (all undefined ⇒ NaN).</summary>
    public static double Average(PackedMasks a, int mapA, PackedMasks b, int mapB, OverlapOptions options, bool dice)
    {
        double sum = 0;
        int defined = 0;
        for (int s = 0; s < a.SlotCount; s++)
        {
            int inter = PackedMasks.Intersection(a, mapA, b, mapB, s);
            double score = dice
                ? Dice(inter, a.Size(mapA, s), b.Size(mapB, s), options.EmptyPairs)
                : IoU(inter, a.Size(mapA, s), b.Size(mapB, s), options.EmptyPairs);
            if (double.IsNaN(score)) continue;
            sum += score;
            defined++;
        }
        return defined == 0 ? double.NaN : sum / defined;
    }

    /// <summary>Score of one pair of label maps (each validated and packed once).</summary>
    public static double Pair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, OverlapOptions? options, bool dice)
    {
        options ??= OverlapOptions.Default;
        options.Validate();
        if (a.Length != b.Length)
            throw new ArgumentException($"Label maps differ in size: {a.Length} vs {b.Length} pixels.");
        if (a.Length == 0) throw new ArgumentException("Label maps are empty (0 pixels).");
        var pa = PackedMasks.Pack(new LabelMaps(a, 1, a.Length), [0], options, "first map");
        var pb = PackedMasks.Pack(new LabelMaps(b, 1, b.Length), [0], options, "second map");
        return Average(pa, 0, pb, 0, options, dice);
    }

    /// <summary>Score of every class 0..K−1 separately (background included).</summary>
    public static double[] PerClass(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int classes, EmptyPairConvention empty, bool dice)
    {
        if (classes < 2 || classes > 255) throw new ArgumentException($"Class count must be in [2, 255], got {classes}.", nameof(classes));
        if (a.Length != b.Length) throw new ArgumentException($"Label maps differ in size: {a.Length} vs {b.Length} pixels.");
        PackedMasks.ThrowIfOutOfRange(a, classes, "first map", 0);
        PackedMasks.ThrowIfOutOfRange(b, classes, "second map", 0);
        int words = (a.Length + 63) / 64;
        var ma = new ulong[words];
        var mb = new ulong[words];
        var scores = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            PackedMasks.PackEquals(a, (byte)c, invert: false, ma);
            PackedMasks.PackEquals(b, (byte)c, invert: false, mb);
            int inter = 0, sa = 0, sb = 0;
            for (int w = 0; w < words; w++)
            {
                inter += System.Numerics.BitOperations.PopCount(ma[w] & mb[w]);
                sa += System.Numerics.BitOperations.PopCount(ma[w]);
                sb += System.Numerics.BitOperations.PopCount(mb[w]);
            }
            scores[c] = dice ? Dice(inter, sa, sb, empty) : IoU(inter, sa, sb, empty);
        }
        return scores;
    }
}
