using ProbSeg.ML.Data.Protocols;
using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Evaluation;

/// <summary>
/// The known ground-truth distribution behind an evaluation set, for mode-frequency calibration (Kohl et al. 2018,
/// class-flip protocol; our synthetic sets): each image's modes, which <see cref="ModeGroup"/> they belong to, and,
/// for the class-flip protocol, the switchable classes.
/// </summary>
/// <remarks>
/// Image indices are those the <see cref="EvaluationSuite"/> is given. Use <see cref="FromSynthetic"/> or
/// <see cref="FromClassFlip"/>, or derive from this class for another source of known modes.
/// </remarks>
public abstract class ModeReference
{
    /// <summary>The groups of images that share named modes; mode frequencies are summarised per group.</summary>
    public abstract IReadOnlyList<ModeGroup> Groups { get; }

    /// <summary>Number of images whose modes are known; indices are in [0, ImageCount).</summary>
    public abstract int ImageCount { get; }

    /// <summary>The true modes of image <paramref name="imageIndex"/>.</summary>
    public abstract ImageModes Modes(int imageIndex);

    /// <summary>The id of the mode of <see cref="Modes"/>(<paramref name="imageIndex"/>) that <paramref name="mask"/> equals
    /// exactly (the lowest among equal masks), or <see cref="ModeDistribution.NoMode"/>.</summary>
    public virtual int ExactModeOf(int imageIndex, ReadOnlySpan<byte> mask) => Modes(imageIndex).Distribution.IndexOf(mask);

    /// <summary>The switchable classes of a class-flip set (empty otherwise), for pixel-wise marginal frequencies.</summary>
    public virtual IReadOnlyList<SwitchableClass> SwitchableClasses => [];

    /// <summary>The unflipped source annotations of image <paramref name="imageIndex"/> (class-flip sets; empty otherwise).</summary>
    public virtual IReadOnlyList<ReadOnlyMemory<byte>> SwitchSources(int imageIndex) => [];

    /// <summary>The synthetic set's modes, one group per <see cref="AmbiguityKind"/> in it, modes named as the generator
    /// names them (<c>present</c>/<c>absent</c>, <c>level-0.50</c>, <c>part-A</c>, …).</summary>
    public static ModeReference FromSynthetic(SyntheticAmbiguousData data) => new SyntheticModeReference(data);

    /// <summary>The class-flip set's modes: one group whose categories are the 2^k flip combinations in Kohl's order
    /// (with several source annotations, the modes of each source fold onto its combination).</summary>
    public static ModeReference FromClassFlip(ClassFlipDataset data) => new ClassFlipModeReference(data);

    /// <summary>Throws unless <paramref name="imageIndex"/> is in [0, <see cref="ImageCount"/>).</summary>
    protected void RequireImage(int imageIndex)
    {
        if ((uint)imageIndex >= (uint)ImageCount)
            throw new ArgumentOutOfRangeException(nameof(imageIndex), $"Image index {imageIndex} is outside the mode reference's [0, {ImageCount}).");
    }

    /// <summary>Whether <paramref name="other"/> has the same groups (so accumulators over both can merge).</summary>
    internal bool SameGroupsAs(ModeReference other) =>
        other.Groups.Count == Groups.Count && Groups.Zip(other.Groups).All(p => p.First.SameAs(p.Second));
}
