namespace ProbSeg.ML.Data.Synthetic;

/// <summary>
/// The exact ground-truth distribution over segmentations of one image: a finite list of masks (modes) with
/// probabilities summing to 1. Every annotation of a synthetic or protocol-generated image is an i.i.d. draw from it.
/// </summary>
/// <remarks>
/// Use it to compute metrics against the true distribution rather than against a few annotators (e.g. the
/// probability-weighted GED of Kohl et al.'s Cityscapes evaluation, <c>evaluation/eval_cityscapes.py</c>), and to count
/// which mode each predicted sample reproduces (<see cref="IndexOf"/>) for mode-frequency calibration.
/// </remarks>
public sealed class ModeDistribution
{
    /// <summary>Returned by <see cref="IndexOf"/> when a mask matches no mode.</summary>
    public const int NoMode = -1;

    /// <summary>Tolerance on the sum of probabilities (products of up to a few dozen factors stay far inside it).</summary>
    private const double SumTolerance = 1e-9;

    private readonly SegmentationMode[] modes;
    private readonly double[] probabilities;

    /// <summary>Creates a distribution over the given modes.</summary>
    /// <exception cref="ArgumentException">No modes, masks of different sizes, or probabilities that do not sum to 1.</exception>
    public ModeDistribution(IEnumerable<SegmentationMode> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        this.modes = modes.ToArray();
        if (this.modes.Length == 0) throw new ArgumentException("A mode distribution needs at least one mode.", nameof(modes));
        PixelCount = this.modes[0].MaskArray.Length;
        foreach (var mode in this.modes)
        {
            if (mode is null) throw new ArgumentException("A mode is null.", nameof(modes));
            if (mode.MaskArray.Length != PixelCount)
                throw new ArgumentException($"Mode '{mode.Name}' has {mode.MaskArray.Length} pixels; the first mode has {PixelCount}.", nameof(modes));
        }
        probabilities = this.modes.Select(m => m.Probability).ToArray();
        double sum = probabilities.Sum();
        if (Math.Abs(sum - 1.0) > SumTolerance)
            throw new ArgumentException($"Mode probabilities sum to {sum:R}, not 1 ({string.Join(", ", this.modes.Select(m => m.ToString()))}).", nameof(modes));
    }

    /// <summary>The modes, in a fixed order (their index is the mode id).</summary>
    public IReadOnlyList<SegmentationMode> Modes => modes;

    /// <summary>Number of modes.</summary>
    public int Count => modes.Length;

    /// <summary>Pixels per mask, H·W.</summary>
    public int PixelCount { get; }

    /// <summary>The probability of each mode, in mode order.</summary>
    public ReadOnlySpan<double> Probabilities => probabilities;

    /// <summary>
    /// The id of the mode that <paramref name="mask"/> reproduces, or <see cref="NoMode"/>.
    /// </summary>
    /// <param name="mask">Class ids <c>[H, W]</c>, e.g. a predicted sample.</param>
    /// <param name="maxMismatchFraction">0 (default) asks for exact equality; a positive value accepts the mode with the
    /// fewest differing pixels if at most this fraction of pixels differ (ties go to the lower id).</param>
    /// <remarks>When two modes have the same mask (possible before <see cref="MergeIdentical"/>), the lower id wins.</remarks>
    public int IndexOf(ReadOnlySpan<byte> mask, double maxMismatchFraction = 0)
    {
        if (mask.Length != PixelCount)
            throw new ArgumentException($"The mask has {mask.Length} pixels; the modes have {PixelCount}.", nameof(mask));
        if (!(maxMismatchFraction >= 0 && maxMismatchFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(maxMismatchFraction), $"Must lie in [0, 1], got {maxMismatchFraction}.");
        if (maxMismatchFraction == 0)
        {
            for (int k = 0; k < modes.Length; k++)
                if (mask.SequenceEqual(modes[k].MaskArray)) return k;
            return NoMode;
        }
        int best = NoMode;
        int bestMismatches = (int)Math.Floor(maxMismatchFraction * PixelCount);
        for (int k = 0; k < modes.Length; k++)
        {
            int mismatches = MaskComparison.CountMismatches(mask, modes[k].MaskArray);
            if (mismatches < bestMismatches || (mismatches == bestMismatches && best == NoMode))
            {
                best = k;
                bestMismatches = mismatches;
            }
        }
        return best;
    }

    /// <summary>Draws a mode id with the modes' probabilities.</summary>
    public int Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextCategorical(probabilities);
    }

    /// <summary>
    /// A distribution whose masks are all distinct: modes with equal masks are merged into the first of them (keeping its
    /// name and order) with the probabilities summed. Use it before counting mode frequencies when modes can coincide.
    /// </summary>
    public ModeDistribution MergeIdentical()
    {
        var merged = new List<(SegmentationMode First, double Probability)>();
        foreach (var mode in modes)
        {
            int at = merged.FindIndex(m => m.First.MaskArray.AsSpan().SequenceEqual(mode.MaskArray));
            if (at < 0) merged.Add((mode, mode.Probability));
            else merged[at] = (merged[at].First, merged[at].Probability + mode.Probability);
        }
        if (merged.Count == modes.Length) return this;
        return new ModeDistribution(merged.Select(m => new SegmentationMode(m.First.Name, m.First.MaskArray, Math.Min(1.0, m.Probability))));
    }
}
