using System.Globalization;

namespace ProbSeg.ML.Data.Synthetic;

/// <summary>
/// A synthetic set of ambiguous images whose ground-truth distribution over segmentations is known exactly: the
/// default data of the quickstart and of the tests.
/// </summary>
/// <remarks>
/// <para><b>Construction.</b> Each image is a single-channel square of side <see cref="SyntheticOptions.ImageSize"/>:
/// a background of 0.1, objects added on top, Gaussian noise of <see cref="SyntheticOptions.NoiseStd"/>, clipped to
/// [0, 1]. Shape sizes are fractions of the side, so scenes look alike from 16 to 64 pixels. Every image has one
/// <see cref="AmbiguityKind"/>; kinds cycle through <see cref="SyntheticOptions.Kinds"/> in blocks shuffled per block,
/// so each kind gets an equal share. Labels are binary (K = 2: background 0, object 1).</para>
/// <list type="bullet">
/// <item><description><see cref="AmbiguityKind.Presence"/>: a rotated ellipse (radii 0.12–0.2 of the side) of contrast
/// c drawn uniformly in [<see cref="SyntheticOptions.PresenceContrastMin"/>, <see cref="SyntheticOptions.PresenceContrastMax"/>].
/// Modes: the ellipse with probability p, the empty mask with 1 − p, where p is linear in c from
/// <see cref="SyntheticOptions.PresenceProbabilityMin"/> to <see cref="SyntheticOptions.PresenceProbabilityMax"/>: a
/// fainter object is outlined less often, and the image shows how faint it is.</description></item>
/// <item><description><see cref="AmbiguityKind.Border"/>: a rotated anisotropic Gaussian blob g (σ 0.08–0.12 of the
/// side, peak <see cref="SyntheticOptions.ObjectContrast"/>). Modes: the iso-level sets {g ≥ t} for each t in
/// <see cref="SyntheticOptions.BorderLevels"/>, with <see cref="SyntheticOptions.BorderProbabilities"/>.</description></item>
/// <item><description><see cref="AmbiguityKind.Mode"/>: a disc (part A, radius 0.10–0.15 of the side) and a separate
/// axis-aligned square (part B, half-side 0.09–0.13), both of contrast <see cref="SyntheticOptions.ObjectContrast"/>.
/// Modes: A only, B only, A ∪ B with <see cref="SyntheticOptions.PartAProbability"/>,
/// <see cref="SyntheticOptions.PartBProbability"/>, <see cref="SyntheticOptions.BothPartsProbability"/>.</description></item>
/// <item><description><see cref="AmbiguityKind.Certain"/> (not in the default mix): a clear ellipse, one mode of probability 1.</description></item>
/// </list>
/// <para>Modes with probability 0 are dropped and modes whose masks coincide on the pixel grid are merged (their
/// probabilities summed), so the modes of an image are distinct masks and <see cref="ModeOf"/> is unambiguous.</para>
/// <para><b>Why the ambiguity is real.</b> The image is rendered from the scene geometry alone; which mode an annotator
/// draws is a separate random draw that the image does not see. So no model can predict an annotation better than the
/// stated mode probabilities, and a perfect probabilistic model reproduces exactly <see cref="TrueDistribution"/>.</para>
/// <para><b>Annotations</b> are i.i.d. draws from the image's true distribution: <see cref="Dataset"/> stores
/// <see cref="SyntheticOptions.AnnotatorsPerImage"/> of them per image, and <see cref="DrawAnnotations"/> gives any
/// number more.</para>
/// <para><b>Determinism.</b> Every draw comes from a seed derived from (<see cref="SyntheticOptions.Seed"/>, stream,
/// image index), so the same options give the same data, and the first n images of a larger set equal a set of n.</para>
/// </remarks>
/// <example>
/// <code>
/// var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 256, ImageSize = 32, Seed = 7 });
/// AmbiguousDataset train = synthetic.Dataset;               // [256, 1, 32, 32] images, [256, 4, 32, 32] labels
/// ModeDistribution truth = synthetic.TrueDistribution(0);   // e.g. part-A 0.4, part-B 0.3, both 0.3
/// int mode = synthetic.ModeOf(0, predictedMask);            // which mode a sample reproduces, or ModeDistribution.NoMode
/// </code>
/// </example>
public sealed class SyntheticAmbiguousData
{
    private readonly SyntheticScene[] scenes;

    private SyntheticAmbiguousData(SyntheticOptions options, SyntheticScene[] scenes, AmbiguousDataset dataset)
    {
        Options = options;
        this.scenes = scenes;
        Dataset = dataset;
    }

    /// <summary>Generates the set described by <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static SyntheticAmbiguousData Generate(SyntheticOptions? options = null)
    {
        options = (options ?? new SyntheticOptions()).Clone();
        options.Validate();
        int n = options.Count, s = options.ImageSize, pixels = s * s;
        var scenes = new SyntheticScene[n];
        var images = new float[(long)n * pixels];
        int kindCount = options.Kinds.Length;
        int[] blockOrder = [];
        for (int i = 0; i < n; i++)
        {
            if (i % kindCount == 0) blockOrder = ShuffledBlock(options.Seed, i / kindCount, kindCount);
            var kind = options.Kinds[blockOrder[i % kindCount]];
            scenes[i] = SyntheticSceneRenderer.Render(kind, options, SeedSequence.Create(options.Seed, SeedSequence.Stream.Scene, i));
            scenes[i].Pixels.CopyTo(images.AsSpan(i * pixels, pixels));
        }

        int a = options.AnnotatorsPerImage;
        var labels = new byte[(long)n * a * pixels];
        for (int i = 0; i < n; i++)
            DrawInto(scenes[i].Truth, labels.AsSpan(i * a * pixels, a * pixels), a,
                SeedSequence.Create(options.Seed, SeedSequence.Stream.Annotations, i));

        var ids = Enumerable.Range(0, n).Select(i => "synthetic-" + i.ToString("D5", CultureInfo.InvariantCulture)).ToArray();
        var dataset = new AmbiguousDataset(images, labels, n, 1, s, s, a, classes: 2, ids);
        return new SyntheticAmbiguousData(options, scenes, dataset);
    }

    /// <summary>The settings the set was generated with (a private copy).</summary>
    public SyntheticOptions Options { get; }

    /// <summary>Images <c>[N, 1, S, S]</c> and <see cref="SyntheticOptions.AnnotatorsPerImage"/> i.i.d. annotations per image
    /// (K = 2). Ids are <c>synthetic-00000</c>…; each image is its own group.</summary>
    public AmbiguousDataset Dataset { get; }

    /// <summary>Number of images.</summary>
    public int Count => scenes.Length;

    /// <summary>The ambiguity kind of image <paramref name="index"/>.</summary>
    public AmbiguityKind KindOf(int index) => Scene(index).Kind;

    /// <summary>The exact distribution of annotations of image <paramref name="index"/>: distinct masks <c>[S·S]</c> with
    /// probabilities summing to 1.</summary>
    public ModeDistribution TrueDistribution(int index) => Scene(index).Truth;

    /// <summary>
    /// Draws <paramref name="count"/> fresh i.i.d. annotations of image <paramref name="imageIndex"/> from its true
    /// distribution, as class ids <c>[count, S, S]</c>; the same arguments give the same masks.
    /// </summary>
    public byte[] DrawAnnotations(int imageIndex, int count, int seed)
    {
        var truth = TrueDistribution(imageIndex);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"Annotation count must be at least 0, got {count}.");
        var masks = new byte[(long)count * truth.PixelCount];
        DrawInto(truth, masks, count, SeedSequence.Create(seed, SeedSequence.Stream.ExtraAnnotations, imageIndex));
        return masks;
    }

    /// <summary>The same images with <paramref name="annotatorsPerImage"/> freshly drawn annotations each, e.g. many
    /// ground-truth masks per image for evaluation.</summary>
    public AmbiguousDataset WithAnnotations(int annotatorsPerImage, int seed)
    {
        if (annotatorsPerImage < 1) throw new ArgumentOutOfRangeException(nameof(annotatorsPerImage), $"Must be at least 1, got {annotatorsPerImage}.");
        int pixels = Dataset.PixelCount;
        var labels = new byte[(long)Count * annotatorsPerImage * pixels];
        for (int i = 0; i < Count; i++)
            DrawAnnotations(i, annotatorsPerImage, seed).CopyTo(labels.AsSpan(i * annotatorsPerImage * pixels, annotatorsPerImage * pixels));
        return new AmbiguousDataset(Dataset.Images, labels, Count, 1, Dataset.Height, Dataset.Width, annotatorsPerImage,
            Dataset.Classes, Dataset.Ids, Dataset.Groups);
    }

    /// <summary>The id of the mode of image <paramref name="imageIndex"/> that <paramref name="mask"/> equals exactly, or
    /// <see cref="ModeDistribution.NoMode"/>; for mode-frequency calibration.</summary>
    public int ModeOf(int imageIndex, ReadOnlySpan<byte> mask) => TrueDistribution(imageIndex).IndexOf(mask);

    private SyntheticScene Scene(int index)
    {
        if ((uint)index >= (uint)scenes.Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"Image index {index} is outside [0, {scenes.Length}).");
        return scenes[index];
    }

    private static void DrawInto(ModeDistribution truth, Span<byte> masks, int count, Random random)
    {
        int pixels = truth.PixelCount;
        for (int a = 0; a < count; a++)
            truth.Modes[truth.Sample(random)].Mask.Span.CopyTo(masks.Slice(a * pixels, pixels));
    }

    private static int[] ShuffledBlock(int seed, int block, int length)
    {
        var order = Enumerable.Range(0, length).ToArray();
        SeedSequence.Create(seed, SeedSequence.Stream.KindBlock, block).Shuffle(order);
        return order;
    }
}
