namespace ProbSeg.ML.Data.Augmentation;

/// <summary>
/// Settings of <see cref="Augmenter"/>. The defaults are PHiSeg's LIDC augmentation (<c>baumgach/PHiSeg-code:
/// data/batch_provider.py</c>) with the flips it meant to apply actually applied.
/// </summary>
/// <remarks>
/// PHiSeg's configs set <c>do_flip_lr</c>/<c>do_flip_ud</c> but the batch provider reads <c>do_fliplr</c>/<c>do_flipud</c>,
/// so its flips never ran (notes/anchors.md §0). Here flips are on by default; set their probabilities to 0 to reproduce
/// PHiSeg as it actually ran.
/// </remarks>
public sealed class AugmentationOptions
{
    /// <summary>Probability that an image gets the rotation and the random crop (PHiSeg <c>augment_every_nth = 2</c>:
    /// one coin gates both).</summary>
    public double RotationCropProbability { get; set; } = 0.5;

    /// <summary>Largest rotation in degrees; the angle is uniform in ±this (PHiSeg <c>rot_degrees = 10</c>). 0 disables rotation.</summary>
    public double MaxRotationDegrees { get; set; } = 10;

    /// <summary>Smallest side of the random square crop as a fraction of the image side; the crop is resized back to the
    /// full size (PHiSeg <c>do_scaleaug</c>, side ∈ [128 − 30, 128] of 128). 1 disables cropping.</summary>
    public double MinCropFraction { get; set; } = 98.0 / 128.0;

    /// <summary>Probability of a left–right flip, drawn independently of the rotation/crop coin (PHiSeg: 50 %).</summary>
    public double FlipLeftRightProbability { get; set; } = 0.5;

    /// <summary>Probability of an up–down flip, drawn independently (PHiSeg: 50 %).</summary>
    public double FlipUpDownProbability { get; set; } = 0.5;

    /// <summary>What is sampled outside the image (default <see cref="AugmentationBorder.Zero"/>, as PHiSeg).</summary>
    public AugmentationBorder Border { get; set; } = AugmentationBorder.Zero;

    /// <summary>No augmentation at all.</summary>
    public static AugmentationOptions None => new()
    {
        RotationCropProbability = 0,
        FlipLeftRightProbability = 0,
        FlipUpDownProbability = 0,
    };

    /// <summary>Checks every setting and throws naming the first out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        CheckProbability(nameof(RotationCropProbability), RotationCropProbability);
        CheckProbability(nameof(FlipLeftRightProbability), FlipLeftRightProbability);
        CheckProbability(nameof(FlipUpDownProbability), FlipUpDownProbability);
        if (!(MaxRotationDegrees >= 0 && MaxRotationDegrees <= 180))
            throw new ArgumentException($"AugmentationOptions.{nameof(MaxRotationDegrees)} = {MaxRotationDegrees} must lie in [0, 180].", nameof(MaxRotationDegrees));
        if (!(MinCropFraction > 0 && MinCropFraction <= 1))
            throw new ArgumentException($"AugmentationOptions.{nameof(MinCropFraction)} = {MinCropFraction} must lie in (0, 1].", nameof(MinCropFraction));
        if (!Enum.IsDefined(Border))
            throw new ArgumentException($"AugmentationOptions.{nameof(Border)} = {Border} is not a known border mode.", nameof(Border));
    }

    private static void CheckProbability(string name, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"AugmentationOptions.{name} = {p} must lie in [0, 1].", name);
    }
}
