using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Data.Protocols;

/// <summary>
/// A labelled set after the class-flip protocol (<see cref="ClassFlipProtocol.Apply"/>): the flipped annotations and the
/// exact distribution they were drawn from.
/// </summary>
/// <remarks>
/// <para>With S present source annotations of an image and k switchable classes, an annotation is the source annotation s
/// (picked uniformly) with flip combination m (probability <see cref="CombinationProbability"/>), so the image's true
/// distribution has S·2^k modes, mode s·2^k + m with probability p(m)/S. With one source annotation this is exactly
/// Kohl et al.'s 2^k = 32 Cityscapes modes in their order.</para>
/// <para>When a switchable class is absent from an image, combinations that differ only in that class give the same mask.
/// <see cref="TrueDistribution"/> keeps them apart (pass <c>mergeIdentical: true</c> to merge them); <see cref="ModeOf"/>
/// returns the lowest id among equal masks, i.e. the absent class counted as not flipped.</para>
/// </remarks>
public sealed class ClassFlipDataset
{
    private readonly ClassFlip[] flips;
    private readonly double[] combinationProbabilities;
    private readonly int seed;

    internal ClassFlipDataset(AmbiguousDataset source, ClassFlip[] flips, int annotationsPerImage, int seed)
    {
        Source = source;
        this.flips = flips;
        this.seed = seed;
        combinationProbabilities = new double[1 << flips.Length];
        for (int m = 0; m < combinationProbabilities.Length; m++)
        {
            double p = 1;
            for (int j = 0; j < flips.Length; j++)
                p *= IsFlipped(m, j) ? flips[j].Probability : 1 - flips[j].Probability;
            combinationProbabilities[m] = p;
        }

        int pixels = source.PixelCount;
        var labels = new byte[(long)source.Count * annotationsPerImage * pixels];
        for (int i = 0; i < source.Count; i++)
            DrawInto(i, labels.AsSpan(i * annotationsPerImage * pixels, annotationsPerImage * pixels), annotationsPerImage,
                SeedSequence.Create(seed, SeedSequence.Stream.ClassFlips, i));
        Dataset = new AmbiguousDataset(source.Images, labels, source.Count, source.Channels, source.Height, source.Width,
            annotationsPerImage, source.Classes + flips.Length, source.Ids, source.Groups);
    }

    /// <summary>The set the protocol was applied to.</summary>
    public AmbiguousDataset Source { get; }

    /// <summary>The flipped set: the source images (shared, not copied) with the drawn annotations; K + k classes.</summary>
    public AmbiguousDataset Dataset { get; }

    /// <summary>The switchable classes, in order; class <c>Flips[j]</c> flips to id <see cref="FlippedClassId"/>(j).</summary>
    public IReadOnlyList<ClassFlip> Flips => flips;

    /// <summary>Number of flip combinations, 2^k.</summary>
    public int CombinationCount => combinationProbabilities.Length;

    /// <summary>The new class id that switchable class j flips to: K + j.</summary>
    public int FlippedClassId(int j)
    {
        if ((uint)j >= (uint)flips.Length) throw new ArgumentOutOfRangeException(nameof(j), $"Flip index {j} is outside [0, {flips.Length}).");
        return Source.Classes + j;
    }

    /// <summary>Whether combination <paramref name="combination"/> flips switchable class j (bit k − 1 − j, as Kohl).</summary>
    public bool IsFlipped(int combination, int j) => ((combination >> (flips.Length - 1 - j)) & 1) != 0;

    /// <summary>Probability of flip combination <paramref name="combination"/>: ∏ p_j over flipped, (1 − p_j) over kept classes.</summary>
    public double CombinationProbability(int combination)
    {
        if ((uint)combination >= (uint)CombinationCount)
            throw new ArgumentOutOfRangeException(nameof(combination), $"Combination {combination} is outside [0, {CombinationCount}).");
        return combinationProbabilities[combination];
    }

    /// <summary>Probabilities of all 2^k flip combinations (they sum to 1).</summary>
    public ReadOnlySpan<double> CombinationProbabilities => combinationProbabilities;

    /// <summary>A readable name of a combination, e.g. <c>flip:sidewalk+car</c> or <c>flip:none</c>.</summary>
    public string CombinationName(int combination)
    {
        var flipped = Enumerable.Range(0, flips.Length).Where(j => IsFlipped(combination, j)).Select(j => flips[j].DisplayName).ToArray();
        return "flip:" + (flipped.Length == 0 ? "none" : string.Join('+', flipped));
    }

    /// <summary>
    /// The exact distribution of flipped annotations of image <paramref name="index"/>: S·2^k modes (S present source
    /// annotations), mode s·2^k + m being source annotation s with combination m. Built on demand.
    /// </summary>
    /// <param name="index">Image index.</param>
    /// <param name="mergeIdentical">Merge modes with equal masks (e.g. when a switchable class is absent).</param>
    public ModeDistribution TrueDistribution(int index, bool mergeIdentical = false)
    {
        var present = PresentSources(index);
        var modes = new List<SegmentationMode>(present.Length * CombinationCount);
        foreach (int source in present)
            for (int m = 0; m < CombinationCount; m++)
            {
                var mask = new byte[Source.PixelCount];
                Flip(Source.Annotation(index, source), mask, m);
                string name = present.Length == 1 ? CombinationName(m) : $"annotator-{source}:{CombinationName(m)}";
                modes.Add(new SegmentationMode(name, mask, combinationProbabilities[m] / present.Length));
            }
        var distribution = new ModeDistribution(modes);
        return mergeIdentical ? distribution.MergeIdentical() : distribution;
    }

    /// <summary>The id of the mode of <see cref="TrueDistribution"/>(<paramref name="index"/>) that <paramref name="mask"/>
    /// equals (the lowest among equal masks), or <see cref="ModeDistribution.NoMode"/>.</summary>
    public int ModeOf(int index, ReadOnlySpan<byte> mask)
    {
        if (mask.Length != Source.PixelCount)
            throw new ArgumentException($"The mask has {mask.Length} pixels; images have {Source.PixelCount}.", nameof(mask));
        var present = PresentSources(index);
        for (int s = 0; s < present.Length; s++)
        {
            int m = MatchCombination(Source.Annotation(index, present[s]), mask);
            if (m >= 0) return s * CombinationCount + m;
        }
        return ModeDistribution.NoMode;
    }

    /// <summary>Draws <paramref name="count"/> fresh flipped annotations <c>[count, H, W]</c> of image
    /// <paramref name="imageIndex"/>; the same arguments give the same masks.</summary>
    public byte[] DrawAnnotations(int imageIndex, int count, int seed)
    {
        if ((uint)imageIndex >= (uint)Source.Count)
            throw new ArgumentOutOfRangeException(nameof(imageIndex), $"Image index {imageIndex} is outside [0, {Source.Count}).");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"Annotation count must be at least 0, got {count}.");
        var masks = new byte[(long)count * Source.PixelCount];
        DrawInto(imageIndex, masks, count, SeedSequence.Create(seed, SeedSequence.Stream.ExtraAnnotations, imageIndex));
        return masks;
    }

    /// <summary>The seed the stored annotations were drawn with.</summary>
    public int Seed => seed;

    private int[] PresentSources(int index)
    {
        if ((uint)index >= (uint)Source.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"Image index {index} is outside [0, {Source.Count}).");
        return Source.PresentAnnotators(index);
    }

    private void DrawInto(int index, Span<byte> masks, int count, Random random)
    {
        var present = Source.PresentAnnotators(index);
        int pixels = Source.PixelCount;
        for (int a = 0; a < count; a++)
        {
            int source = present[present.Length == 1 ? 0 : random.Next(present.Length)];
            int combination = 0;
            for (int j = 0; j < flips.Length; j++)
                if (random.NextDouble() < flips[j].Probability) combination |= 1 << (flips.Length - 1 - j);
            Flip(Source.Annotation(index, source), masks.Slice(a * pixels, pixels), combination);
        }
    }

    private void Flip(ReadOnlySpan<byte> source, Span<byte> target, int combination)
    {
        Span<byte> lookup = stackalloc byte[256];
        for (int v = 0; v < 256; v++) lookup[v] = (byte)v;
        for (int j = 0; j < flips.Length; j++)
            if (IsFlipped(combination, j)) lookup[flips[j].ClassId] = (byte)(Source.Classes + j);
        for (int p = 0; p < source.Length; p++) target[p] = lookup[source[p]];
    }

    /// <summary>The lowest combination that turns <paramref name="source"/> into <paramref name="mask"/>, or −1: each
    /// pixel outside the switchable classes must be unchanged, and each switchable class must be all kept or all flipped.</summary>
    private int MatchCombination(ReadOnlySpan<byte> source, ReadOnlySpan<byte> mask)
    {
        Span<sbyte> flipOfClass = stackalloc sbyte[256]; // -1: not switchable, else the flip index j
        flipOfClass.Fill(-1);
        for (int j = 0; j < flips.Length; j++) flipOfClass[flips[j].ClassId] = (sbyte)j;
        Span<int> state = stackalloc int[flips.Length]; // 0 unseen, 1 kept, 2 flipped
        state.Clear();
        for (int p = 0; p < source.Length; p++)
        {
            byte original = source[p], seen = mask[p];
            int j = flipOfClass[original];
            if (j < 0)
            {
                if (seen != original) return -1;
                continue;
            }
            int observed = seen == original ? 1 : seen == Source.Classes + j ? 2 : 0;
            if (observed == 0 || (state[j] != 0 && state[j] != observed)) return -1;
            state[j] = observed;
        }
        int combination = 0;
        for (int j = 0; j < flips.Length; j++)
            if (state[j] == 2) combination |= 1 << (flips.Length - 1 - j);
        return combination;
    }
}
