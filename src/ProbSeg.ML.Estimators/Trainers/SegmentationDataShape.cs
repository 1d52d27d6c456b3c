namespace ProbSeg.ML.Estimators;

/// <summary>What a trainer learned about its training data before building the model.</summary>
/// <param name="Image">Image shape <c>[C, H, W]</c>.</param>
/// <param name="Classes">Classes K (from the options, or inferred from the labels).</param>
/// <param name="Annotators">Annotator slots A per image.</param>
internal sealed record SegmentationDataShape(ImageShape Image, int Classes, int Annotators)
{
    /// <summary>Image channels C.</summary>
    public int Channels => Image.Channels;

    /// <summary>Throws when H or W is not divisible by <paramref name="divisor"/> (e.g. one halving per U-Net level).</summary>
    public void RequireDivisible(int divisor, string optionName, string why)
    {
        if (Image.Height % divisor != 0 || Image.Width % divisor != 0)
            throw new ArgumentOutOfRangeException(optionName,
                $"Images of shape {Image} do not fit: height and width must be divisible by {divisor} ({why}). Use fewer levels or pad/crop the images.");
    }
}
