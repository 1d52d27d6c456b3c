namespace ProbSeg.ML.Data.Augmentation;

/// <summary>What a rotated or cropped image shows where it samples outside the original.</summary>
public enum AugmentationBorder
{
    /// <summary>Image 0 and label 0 (background), as <c>cv2.warpAffine</c>'s default constant border in PHiSeg's
    /// <c>utils.rotate_image</c>.</summary>
    Zero,

    /// <summary>The nearest edge pixel, for image and labels alike.</summary>
    Replicate,
}
