namespace ProbSeg.ML.Data.Readers;

/// <summary>How a reader turns stored mask values into class ids.</summary>
public enum MaskValues
{
    /// <summary>Per mask: if it holds only 0 and the full-scale value (255, or 65535 for 16-bit data) it is binary
    /// (full scale → class 1); otherwise the values are class ids.</summary>
    Auto,
    /// <summary>Values are class ids 0..254 (255 is reserved for <see cref="AmbiguousDataset.MissingAnnotation"/>).</summary>
    ClassIds,
    /// <summary>Any non-zero value is class 1 (as the DeepMind LIDC loaders do with <c>mask &gt; 0</c>).</summary>
    Binary,
}
