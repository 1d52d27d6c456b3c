namespace ProbSeg.ML.Data.Augmentation;

/// <summary>
/// The random choices of one augmentation, drawn by <see cref="Augmenter.Draw"/> and applied by <see cref="Augmenter.Apply(in AugmentationParameters, Span{float}, int, Span{byte}, int, int, int)"/>.
/// Order as PHiSeg: rotate about the centre, then crop and resize back, then flip.
/// </summary>
/// <param name="RotationDegrees">Rotation angle in degrees (counter-clockwise as displayed, y pointing down); 0 for none.</param>
/// <param name="CropX">Left column of the crop window.</param>
/// <param name="CropY">Top row of the crop window.</param>
/// <param name="CropWidth">Crop width in pixels (the full width for none).</param>
/// <param name="CropHeight">Crop height in pixels (the full height for none).</param>
/// <param name="FlipLeftRight">Mirror columns.</param>
/// <param name="FlipUpDown">Mirror rows.</param>
public readonly record struct AugmentationParameters(
    double RotationDegrees, int CropX, int CropY, int CropWidth, int CropHeight, bool FlipLeftRight, bool FlipUpDown)
{
    /// <summary>No change for an image of the given size.</summary>
    public static AugmentationParameters Identity(int height, int width) => new(0, 0, 0, width, height, false, false);

    /// <summary>Whether the transform only permutes pixels (no rotation, full-size crop): then it is exact for images and labels.</summary>
    public bool IsPermutation(int height, int width) =>
        RotationDegrees == 0 && CropX == 0 && CropY == 0 && CropWidth == width && CropHeight == height;
}
