namespace ProbSeg.ML.Data.Protocols;

/// <summary>
/// The class-flip protocol of Kohl et al. (Probabilistic U-Net, NeurIPS 2018, Cityscapes experiment): turns any labelled
/// set into an ambiguous one with a known, exact distribution over segmentations.
/// </summary>
/// <remarks>
/// <para>Each chosen class c_j gets a new copy, class id K + j (appended after the existing K classes, in list order).
/// Each annotation flips every pixel of c_j to K + j with probability p_j, independently per class and per annotation
/// (<c>data/cityscapes/data_loader.py: StochasticLabelSwitches</c>). With k switchable classes there are 2^k flip
/// combinations ("modes"), numbered as in <c>evaluation/eval_cityscapes.py: get_mode_statistics</c>: in mode m, class j
/// is flipped when bit (k − 1 − j) of m is set, and the mode's probability is ∏ p_j or (1 − p_j).</para>
/// <para>Kohl draws fresh flips every training step; here <c>annotationsPerImage</c> flipped copies are stored per image
/// and <see cref="ClassFlipDataset.DrawAnnotations"/> draws any number more (a training loop can call it per step).</para>
/// </remarks>
public static class ClassFlipProtocol
{
    /// <summary>
    /// Kohl et al.'s Cityscapes list, as Cityscapes trainIds: sidewalk (1) 8/17, person (11) 7/17, car (13) 6/17,
    /// vegetation (8) 5/17, road (0) 4/17. Source: <c>SimonKohl/probabilistic_unet: training/prob_unet_config.py</c>
    /// (<c>label_switches</c>; its <c>switched_name2Id</c> numbers the copies 19–23 in this order, which is what
    /// <see cref="Apply"/> gives for K = 19).
    /// </summary>
    public static IReadOnlyList<ClassFlip> Cityscapes { get; } =
    [
        new(1, 8.0 / 17, "sidewalk"),
        new(11, 7.0 / 17, "person"),
        new(13, 6.0 / 17, "car"),
        new(8, 5.0 / 17, "vegetation"),
        new(0, 4.0 / 17, "road"),
    ];

    /// <summary>Most switchable classes: 2^16 modes per image is already far more than any evaluation can visit.</summary>
    public const int MaxFlips = 16;

    /// <summary>
    /// Applies the protocol to <paramref name="source"/>: <paramref name="annotationsPerImage"/> annotations per image, each
    /// made by picking one of the image's present source annotations uniformly and flipping the chosen classes.
    /// </summary>
    /// <param name="source">Any labelled set with one or more annotations per image; absent slots are never picked.</param>
    /// <param name="flips">The switchable classes and their probabilities (default <see cref="Cityscapes"/>).</param>
    /// <param name="annotationsPerImage">Flipped annotations stored per image.</param>
    /// <param name="seed">Seed of the flip draws; the same arguments give the same annotations.</param>
    /// <returns>The flipped set (K + k classes) with its exact per-image distribution.</returns>
    /// <exception cref="ArgumentException">A class outside [0, K), a class listed twice, a probability outside [0, 1],
    /// K + k over 255, more than <see cref="MaxFlips"/> flips, or an image without any annotation.</exception>
    public static ClassFlipDataset Apply(AmbiguousDataset source, IReadOnlyList<ClassFlip>? flips = null,
        int annotationsPerImage = 4, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        flips ??= Cityscapes;
        Validate(source, flips, annotationsPerImage);
        return new ClassFlipDataset(source, flips.ToArray(), annotationsPerImage, seed);
    }

    private static void Validate(AmbiguousDataset source, IReadOnlyList<ClassFlip> flips, int annotationsPerImage)
    {
        if (annotationsPerImage < 1)
            throw new ArgumentOutOfRangeException(nameof(annotationsPerImage), $"Must be at least 1, got {annotationsPerImage}.");
        if (flips.Count == 0) throw new ArgumentException("The flip list is empty.", nameof(flips));
        if (flips.Count > MaxFlips)
            throw new ArgumentException($"{flips.Count} switchable classes give 2^{flips.Count} modes; at most {MaxFlips} are supported.", nameof(flips));
        if (source.Classes + flips.Count > AmbiguousDataset.MissingAnnotation)
            throw new ArgumentException($"K = {source.Classes} plus {flips.Count} new classes exceeds {AmbiguousDataset.MissingAnnotation} " +
                $"(id {AmbiguousDataset.MissingAnnotation} marks a missing annotation).", nameof(flips));
        var seen = new HashSet<int>();
        foreach (var flip in flips)
        {
            ArgumentNullException.ThrowIfNull(flip, nameof(flips));
            if (flip.ClassId < 0 || flip.ClassId >= source.Classes)
                throw new ArgumentException($"Flip class {flip.ClassId} ({flip.DisplayName}) is outside [0, {source.Classes}).", nameof(flips));
            if (!seen.Add(flip.ClassId))
                throw new ArgumentException($"Class {flip.ClassId} ({flip.DisplayName}) is listed twice.", nameof(flips));
            if (!(flip.Probability >= 0 && flip.Probability <= 1))
                throw new ArgumentException($"Flip probability of class {flip.ClassId} ({flip.DisplayName}) is {flip.Probability}; it must lie in [0, 1].", nameof(flips));
        }
        for (int i = 0; i < source.Count; i++)
            if (source.PresentAnnotators(i).Length == 0)
                throw new ArgumentException($"Image {i} (id '{source.Ids[i]}') has no annotation to flip.", nameof(source));
    }
}
