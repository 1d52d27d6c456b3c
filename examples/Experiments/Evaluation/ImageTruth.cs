using ProbSeg.ML.Data;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>
/// The ground truth of one image that the metrics compare samples with: distinct or repeated masks with weights (the
/// distribution, for GED), masks for Hungarian matching, and the weighted majority mask (for Dice).
/// </summary>
public sealed class ImageTruth
{
    private ImageTruth(byte[] masks, double[] weights, byte[] matchingMasks, int pixelCount, int classes)
    {
        Masks = masks;
        Weights = weights;
        MatchingMasks = matchingMasks;
        PixelCount = pixelCount;
        Majority = WeightedMajority(masks, weights, pixelCount, classes);
    }

    /// <summary>Masks <c>[M, H·W]</c> of the distribution.</summary>
    public byte[] Masks { get; }

    /// <summary>Probability of each of <see cref="Masks"/>; they sum to 1.</summary>
    public double[] Weights { get; }

    /// <summary>Masks <c>[M', H·W]</c> that samples are matched to for HM-IoU (equal weights).</summary>
    public byte[] MatchingMasks { get; }

    /// <summary>Per pixel, the class with the largest total weight, ties to the higher class id (so 2 of 4 LIDC
    /// annotators make foreground).</summary>
    public byte[] Majority { get; }

    /// <summary>Pixels per mask, H·W.</summary>
    public int PixelCount { get; }

    /// <summary>The number of distribution masks M.</summary>
    public int Count => Weights.Length;

    /// <summary>
    /// An exactly known distribution (e.g. a synthetic image's modes): masks with their probabilities; Hungarian
    /// matching uses <paramref name="matchingMasks"/> (e.g. draws from the distribution).
    /// </summary>
    public static ImageTruth FromDistribution(IReadOnlyList<(byte[] Mask, double Probability)> modes, byte[] matchingMasks, int classes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(matchingMasks);
        if (modes.Count == 0) throw new ArgumentException("The distribution has no modes.", nameof(modes));
        int px = modes[0].Mask.Length;
        double sum = modes.Sum(m => m.Probability);
        if (modes.Any(m => m.Mask.Length != px || !(m.Probability >= 0)) || Math.Abs(sum - 1) > 1e-6)
            throw new ArgumentException($"Modes must share one size and have probabilities ≥ 0 summing to 1 (sum {sum}).", nameof(modes));
        if (matchingMasks.Length == 0 || matchingMasks.Length % px != 0)
            throw new ArgumentException($"Matching masks hold {matchingMasks.Length} bytes, not a positive multiple of {px} pixels.", nameof(matchingMasks));
        var masks = new byte[modes.Count * px];
        for (int k = 0; k < modes.Count; k++) modes[k].Mask.CopyTo(masks, k * px);
        RequireNoMissing(masks, px, "mode");
        RequireNoMissing(matchingMasks, px, "matching mask");
        return new ImageTruth(masks, modes.Select(m => m.Probability / sum).ToArray(), matchingMasks, px, classes);
    }

    /// <summary>
    /// Annotators as the ground truth (LIDC): every present slot of <paramref name="annotations"/> <c>[A, H·W]</c> with
    /// weight 1/M, the references' GED (anchors §0); absent slots are dropped.
    /// </summary>
    /// <exception cref="ArgumentException">No annotator is present.</exception>
    public static ImageTruth FromAnnotators(ReadOnlySpan<byte> annotations, int slots, int pixelCount, int classes)
    {
        if (slots < 1 || annotations.Length != slots * pixelCount)
            throw new ArgumentException($"Annotations hold {annotations.Length} bytes; [{slots}, {pixelCount}] expected.", nameof(annotations));
        var present = new List<int>();
        for (int a = 0; a < slots; a++)
            if (AmbiguousDataset.IsPresent(annotations.Slice(a * pixelCount, pixelCount))) present.Add(a);
        if (present.Count == 0) throw new ArgumentException("No annotator is present for this image.", nameof(annotations));
        var masks = new byte[present.Count * pixelCount];
        for (int k = 0; k < present.Count; k++) annotations.Slice(present[k] * pixelCount, pixelCount).CopyTo(masks.AsSpan(k * pixelCount));
        var weights = Enumerable.Repeat(1.0 / present.Count, present.Count).ToArray();
        return new ImageTruth(masks, weights, masks, pixelCount, classes);
    }

    private static void RequireNoMissing(byte[] masks, int px, string what)
    {
        for (int k = 0; k < masks.Length / px; k++)
            if (!AmbiguousDataset.IsPresent(masks.AsSpan(k * px, px)))
                throw new ArgumentException($"The {what} {k} is marked missing ({AmbiguousDataset.MissingAnnotation}); a distribution holds real masks only.");
    }

    private static byte[] WeightedMajority(byte[] masks, double[] weights, int px, int classes)
    {
        var votes = new double[classes * px];
        for (int k = 0; k < weights.Length; k++)
        {
            ReadOnlySpan<byte> mask = masks.AsSpan(k * px, px);
            for (int p = 0; p < px; p++)
            {
                int c = mask[p];
                if (c >= classes) throw new ArgumentException($"Mask {k} has class {c} at pixel {p}; only {classes} classes.");
                votes[c * px + p] += weights[k];
            }
        }
        var majority = new byte[px];
        for (int p = 0; p < px; p++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++)
                if (votes[c * px + p] >= votes[best * px + p] - 1e-9) best = c;   // ties to the higher id
            majority[p] = (byte)best;
        }
        return majority;
    }
}
