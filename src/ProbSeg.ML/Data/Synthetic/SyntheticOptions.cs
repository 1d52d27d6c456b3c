namespace ProbSeg.ML.Data.Synthetic;

/// <summary>
/// Settings of the synthetic ambiguous data set (<see cref="SyntheticAmbiguousData"/>), whose ground-truth distribution
/// over segmentations is known exactly. The defaults give images a small U-Net learns in minutes on a CPU.
/// </summary>
public sealed class SyntheticOptions
{
    /// <summary>Smallest supported image side.</summary>
    public const int MinImageSize = 16;

    /// <summary>Largest supported image side.</summary>
    public const int MaxImageSize = 256;

    /// <summary>Number of images N.</summary>
    public int Count { get; set; } = 512;

    /// <summary>Side of the square images in pixels (16 to 256; tuned for 16–64).</summary>
    public int ImageSize { get; set; } = 32;

    /// <summary>Seed of every random draw: the same options give the same data, bit for bit.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Annotations stored per image in <see cref="SyntheticAmbiguousData.Dataset"/> (4, like LIDC).</summary>
    public int AnnotatorsPerImage { get; set; } = 4;

    /// <summary>Standard deviation of the additive Gaussian pixel noise (intensities lie in [0, 1]).</summary>
    public double NoiseStd { get; set; } = 0.05;

    /// <summary>The kinds of ambiguity in the set; images cycle through them in shuffled blocks, so each kind gets an
    /// equal share. A kind listed twice gets a double share.</summary>
    public AmbiguityKind[] Kinds { get; set; } = [AmbiguityKind.Presence, AmbiguityKind.Border, AmbiguityKind.Mode];

    /// <summary>Intensity of clearly visible objects above the background (mode and certain kinds; peak of the border blob).</summary>
    public double ObjectContrast { get; set; } = 0.6;

    /// <summary>Lowest contrast of the faint object of <see cref="AmbiguityKind.Presence"/> images.</summary>
    public double PresenceContrastMin { get; set; } = 0.15;

    /// <summary>Highest contrast of the faint object of <see cref="AmbiguityKind.Presence"/> images.</summary>
    public double PresenceContrastMax { get; set; } = 0.45;

    /// <summary>Probability that an annotator outlines the faint object when its contrast is <see cref="PresenceContrastMin"/>.</summary>
    public double PresenceProbabilityMin { get; set; } = 0.2;

    /// <summary>Probability that an annotator outlines the faint object when its contrast is <see cref="PresenceContrastMax"/>;
    /// in between, the probability is linear in the contrast.</summary>
    public double PresenceProbabilityMax { get; set; } = 0.8;

    /// <summary>Iso-levels, as fractions of the blob's peak, at which <see cref="AmbiguityKind.Border"/> annotators outline
    /// the blob (tight to wide).</summary>
    public double[] BorderLevels { get; set; } = [0.75, 0.5, 0.25];

    /// <summary>Probability of each of <see cref="BorderLevels"/>; they must sum to 1.</summary>
    public double[] BorderProbabilities { get; set; } = [0.3, 0.4, 0.3];

    /// <summary>Probability that a <see cref="AmbiguityKind.Mode"/> annotator outlines part A (the disc) only.</summary>
    public double PartAProbability { get; set; } = 0.4;

    /// <summary>Probability that a <see cref="AmbiguityKind.Mode"/> annotator outlines part B (the square) only.</summary>
    public double PartBProbability { get; set; } = 0.3;

    /// <summary>Probability that a <see cref="AmbiguityKind.Mode"/> annotator outlines both parts.</summary>
    public double BothPartsProbability { get; set; } = 0.3;

    /// <summary>Checks every setting and throws naming the first that is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Count < 0) Fail(nameof(Count), Count, "must be at least 0");
        if (ImageSize < MinImageSize || ImageSize > MaxImageSize) Fail(nameof(ImageSize), ImageSize, $"must lie in [{MinImageSize}, {MaxImageSize}]");
        if (AnnotatorsPerImage < 1 || AnnotatorsPerImage > 1024) Fail(nameof(AnnotatorsPerImage), AnnotatorsPerImage, "must lie in [1, 1024]");
        if (!(NoiseStd >= 0 && NoiseStd <= 1)) Fail(nameof(NoiseStd), NoiseStd, "must lie in [0, 1]");
        if (Kinds is null || Kinds.Length == 0) Fail(nameof(Kinds), "(empty)", "must name at least one kind");
        foreach (var kind in Kinds!)
            if (!Enum.IsDefined(kind)) Fail(nameof(Kinds), kind, "is not a known AmbiguityKind");
        if (!(ObjectContrast > 0 && ObjectContrast <= 0.9)) Fail(nameof(ObjectContrast), ObjectContrast, "must lie in (0, 0.9]");
        if (!(PresenceContrastMin > 0 && PresenceContrastMin <= PresenceContrastMax && PresenceContrastMax <= 0.9))
            Fail(nameof(PresenceContrastMin), $"{PresenceContrastMin}..{PresenceContrastMax}", "must satisfy 0 < min ≤ max ≤ 0.9");
        CheckProbability(nameof(PresenceProbabilityMin), PresenceProbabilityMin);
        CheckProbability(nameof(PresenceProbabilityMax), PresenceProbabilityMax);
        if (BorderLevels is null || BorderLevels.Length == 0) Fail(nameof(BorderLevels), "(empty)", "must hold at least one level");
        foreach (double level in BorderLevels!)
            if (!(level > 0 && level < 1)) Fail(nameof(BorderLevels), level, "each level must lie in (0, 1)");
        if (BorderProbabilities is null || BorderProbabilities.Length != BorderLevels.Length)
            Fail(nameof(BorderProbabilities), BorderProbabilities?.Length ?? 0, $"needs one probability per level ({BorderLevels.Length})");
        foreach (double p in BorderProbabilities!) CheckProbability(nameof(BorderProbabilities), p);
        CheckSum(nameof(BorderProbabilities), BorderProbabilities.Sum());
        CheckProbability(nameof(PartAProbability), PartAProbability);
        CheckProbability(nameof(PartBProbability), PartBProbability);
        CheckProbability(nameof(BothPartsProbability), BothPartsProbability);
        CheckSum($"{nameof(PartAProbability)} + {nameof(PartBProbability)} + {nameof(BothPartsProbability)}",
            PartAProbability + PartBProbability + BothPartsProbability);
    }

    /// <summary>A copy, so a generator keeps the settings it was built with.</summary>
    public SyntheticOptions Clone()
    {
        var copy = (SyntheticOptions)MemberwiseClone();
        copy.Kinds = (AmbiguityKind[])Kinds.Clone();
        copy.BorderLevels = (double[])BorderLevels.Clone();
        copy.BorderProbabilities = (double[])BorderProbabilities.Clone();
        return copy;
    }

    private static void CheckProbability(string name, double p)
    {
        if (!(p >= 0 && p <= 1)) Fail(name, p, "must lie in [0, 1]");
    }

    private static void CheckSum(string name, double sum)
    {
        if (Math.Abs(sum - 1) > 1e-9) Fail(name, sum, "must sum to 1");
    }

    private static void Fail(string name, object? value, string rule) =>
        throw new ArgumentException($"SyntheticOptions.{name} = {value} {rule}.", name);
}
