namespace ProbSeg.ML.Rendering;

/// <summary>An 8-bit RGB picture in memory (row-major, 3 bytes per pixel) that tiles are drawn into.</summary>
public sealed class RgbCanvas
{
    /// <summary>Creates a canvas filled with <paramref name="background"/>.</summary>
    public RgbCanvas(int width, int height, byte background = 255)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Canvas size {width}×{height} is empty.");
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        Array.Fill(Pixels, background);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>RGB bytes, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Sets one pixel (ignored outside the canvas).</summary>
    public void Set(int x, int y, byte r, byte g, byte b)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        int at = (y * Width + x) * 3;
        Pixels[at] = r;
        Pixels[at + 1] = g;
        Pixels[at + 2] = b;
    }

    /// <summary>
    /// Draws an <paramref name="h"/>×<paramref name="w"/> tile at (<paramref name="left"/>, <paramref name="top"/>),
    /// each source pixel as a <paramref name="scale"/>×<paramref name="scale"/> block coloured by <paramref name="color"/>.
    /// </summary>
    public void DrawTile(int left, int top, int h, int w, int scale, Func<int, (byte R, byte G, byte B)> color)
    {
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            var (r, g, b) = color(y * w + x);
            for (int dy = 0; dy < scale; dy++)
            for (int dx = 0; dx < scale; dx++)
                Set(left + x * scale + dx, top + y * scale + dy, r, g, b);
        }
    }
}
