namespace ProbSeg.ML.Metrics;

/// <summary>Outcome of a pixel where all present annotators agree (foreground = any non-zero class).</summary>
public enum PixelCondition
{
    /// <summary>Predicted foreground, all annotators foreground.</summary>
    TruePositive,
    /// <summary>Predicted background, all annotators background.</summary>
    TrueNegative,
    /// <summary>Predicted foreground, all annotators background.</summary>
    FalsePositive,
    /// <summary>Predicted background, all annotators foreground.</summary>
    FalseNegative,
}
