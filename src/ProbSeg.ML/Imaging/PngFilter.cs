namespace ProbSeg.ML.Imaging;

/// <summary>The per-row prediction filter an encoder applies before compression (PNG specification §9).</summary>
public enum PngFilter : byte
{
    /// <summary>Raw bytes.</summary>
    None = 0,
    /// <summary>Difference to the byte one pixel to the left.</summary>
    Sub = 1,
    /// <summary>Difference to the byte above.</summary>
    Up = 2,
    /// <summary>Difference to the mean of left and above.</summary>
    Average = 3,
    /// <summary>Difference to the Paeth predictor of left, above and upper-left.</summary>
    Paeth = 4,
    /// <summary>Per row, the filter with the smallest sum of absolute signed differences (libpng's heuristic).</summary>
    Adaptive = 255,
}
