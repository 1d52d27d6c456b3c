namespace ProbSeg.ML.Data.Readers;

/// <summary>Where the channels of an image array sit.</summary>
public enum ImageLayout
{
    /// <summary>(N,H,W) is one channel; a 4-D array is resolved against the mask's height and width (an error asks
    /// for an explicit layout when both readings fit).</summary>
    Auto,
    /// <summary>(N,C,H,W) (PyTorch).</summary>
    ChannelsFirst,
    /// <summary>(N,H,W,C) (TensorFlow, images on disk).</summary>
    ChannelsLast,
}

/// <summary>Where the annotators of a mask array sit.</summary>
public enum MaskLayout
{
    /// <summary>(N,H,W) is one annotator; a 4-D array is resolved against the image's height and width (an error
    /// asks for an explicit layout when both readings fit).</summary>
    Auto,
    /// <summary>(N,A,H,W), e.g. the LIDC npz masks (N,4,128,128).</summary>
    AnnotatorsFirst,
    /// <summary>(N,H,W,A), e.g. PHiSeg's HDF5 labels (N,128,128,4).</summary>
    AnnotatorsLast,
}

/// <summary>Options of <see cref="NpzDatasetReader"/>: which arrays hold what.</summary>
public sealed class NpzDatasetOptions : DatasetReadOptions
{
    /// <summary>The image array: (N,H,W), (N,C,H,W) or (N,H,W,C), any numeric dtype. Unit-range scaling divides
    /// uint8 by 255 and uint16 by 65535 and keeps other dtypes as stored.</summary>
    public string ImageArray { get; set; } = "images";

    /// <summary>The mask array: (N,H,W) for one annotator, (N,A,H,W) or (N,H,W,A); values 0/1, 0/255 or class ids
    /// (see <see cref="DatasetReadOptions.MaskValues"/>), integer or whole-number float dtypes.</summary>
    public string MaskArray { get; set; } = "masks";

    /// <summary>Image channel placement for 4-D arrays.</summary>
    public ImageLayout ImageLayout { get; set; } = ImageLayout.Auto;

    /// <summary>Annotator placement for 4-D mask arrays.</summary>
    public MaskLayout MaskLayout { get; set; } = MaskLayout.Auto;

    /// <summary>Optional (N,) array of image ids (numbers are written in decimal); the row index when null.</summary>
    public string? IdArray { get; set; }

    /// <summary>Optional (N,) array of groups, e.g. <c>"patient"</c>, for group-level splits; the id when null.</summary>
    public string? GroupArray { get; set; }

    /// <summary>A stored value that, filling a whole annotator slot, marks it absent (e.g. −1); none when null.</summary>
    public long? MissingMaskValue { get; set; }
}
