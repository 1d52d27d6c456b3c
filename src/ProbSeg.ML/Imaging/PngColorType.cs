namespace ProbSeg.ML.Imaging;

/// <summary>How a PNG stores its pixels (the IHDR colour type, PNG specification §11.2.2).</summary>
public enum PngColorType : byte
{
    /// <summary>One grey sample per pixel (bit depths 1, 2, 4, 8, 16).</summary>
    Grey = 0,
    /// <summary>Red, green, blue (bit depths 8, 16).</summary>
    Rgb = 2,
    /// <summary>One palette index per pixel (bit depths 1, 2, 4, 8).</summary>
    Palette = 3,
    /// <summary>Grey and alpha (bit depths 8, 16).</summary>
    GreyAlpha = 4,
    /// <summary>Red, green, blue and alpha (bit depths 8, 16).</summary>
    Rgba = 6,
}
