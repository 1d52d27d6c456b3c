namespace ProbSeg.ML.Imaging;

/// <summary>
/// A decoded image: interleaved samples <c>[H, W, C]</c> stored as <see cref="ushort"/>, so 16-bit medical images keep
/// their depth.
/// </summary>
/// <remarks>
/// Channels are 1 (grey, or a palette index when <see cref="IsPaletteIndexed"/>), 2 (grey, alpha), 3 (RGB) or
/// 4 (RGBA). Sample values lie in [0, <see cref="MaxValue"/>], where <see cref="MaxValue"/> is 2^<see cref="BitDepth"/> − 1.
/// </remarks>
public sealed class PngImage
{
    /// <summary>Creates an image over the given samples (not copied).</summary>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="channels">Samples per pixel, 1 to 4.</param>
    /// <param name="bitDepth">Bits per sample: 1, 2, 4, 8 or 16.</param>
    /// <param name="samples">Interleaved samples <c>[height, width, channels]</c>.</param>
    public PngImage(int width, int height, int channels, int bitDepth, ushort[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (width < 1 || height < 1) throw new ArgumentException($"Image size must be positive, got {width}×{height}.");
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 to 4.");
        if (bitDepth is not (1 or 2 or 4 or 8 or 16))
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "Bit depth must be 1, 2, 4, 8 or 16.");
        if (samples.LongLength != (long)width * height * channels)
            throw new ArgumentException($"{samples.LongLength} samples for a {width}×{height}×{channels} image.", nameof(samples));
        Width = width;
        Height = height;
        Channels = channels;
        BitDepth = bitDepth;
        Samples = samples;
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }
    /// <summary>Rows.</summary>
    public int Height { get; }
    /// <summary>Samples per pixel: 1 grey (or palette index), 2 grey + alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }
    /// <summary>Bits per sample (1, 2, 4, 8 or 16).</summary>
    public int BitDepth { get; }
    /// <summary>Interleaved samples <c>[H, W, C]</c>.</summary>
    public ushort[] Samples { get; }
    /// <summary>How the file stored the pixels (for a decoded image); informational.</summary>
    public PngColorType SourceColorType { get; init; }
    /// <summary>True when samples are palette indices (decoded with palette expansion off).</summary>
    public bool IsPaletteIndexed { get; init; }

    /// <summary>The largest sample value at this bit depth, 2^BitDepth − 1 (255 for 8-bit, 65535 for 16-bit).</summary>
    public int MaxValue => (1 << BitDepth) - 1;

    /// <summary>Whether the last channel is alpha (2 or 4 channels).</summary>
    public bool HasAlpha => Channels is 2 or 4;

    /// <summary>The sample at row <paramref name="y"/>, column <paramref name="x"/>, channel <paramref name="channel"/>.</summary>
    public ushort this[int y, int x, int channel = 0] => Samples[((long)y * Width + x) * Channels + channel];

    /// <summary>
    /// Planar float copy <c>[C', H, W]</c> of the first <paramref name="channelCount"/> channels (all by default; pass
    /// 1 or 3 to drop alpha), each sample divided by <paramref name="divisor"/>.
    /// </summary>
    public float[] ToPlanar(int? channelCount = null, float divisor = 1f)
    {
        int c = channelCount ?? Channels;
        if (c < 1 || c > Channels) throw new ArgumentOutOfRangeException(nameof(channelCount), c, $"The image has {Channels} channels.");
        int plane = Width * Height;
        var result = new float[(long)c * plane];
        float scale = 1f / divisor;
        for (int ch = 0; ch < c; ch++)
        {
            var dst = result.AsSpan(ch * plane, plane);
            for (int i = 0, s = ch; i < plane; i++, s += Channels)
                dst[i] = Samples[s] * scale;
        }
        return result;
    }

    /// <summary>An 8-bit greyscale image over a copy of <paramref name="pixels"/> (<c>[H, W]</c>).</summary>
    public static PngImage FromGrey8(int width, int height, ReadOnlySpan<byte> pixels) => FromBytes(width, height, 1, pixels);

    /// <summary>An 8-bit RGB image over a copy of <paramref name="pixels"/> (<c>[H, W, 3]</c>).</summary>
    public static PngImage FromRgb8(int width, int height, ReadOnlySpan<byte> pixels) => FromBytes(width, height, 3, pixels);

    /// <summary>An 8-bit RGBA image over a copy of <paramref name="pixels"/> (<c>[H, W, 4]</c>).</summary>
    public static PngImage FromRgba8(int width, int height, ReadOnlySpan<byte> pixels) => FromBytes(width, height, 4, pixels);

    /// <summary>A 16-bit greyscale image over a copy of <paramref name="pixels"/> (<c>[H, W]</c>).</summary>
    public static PngImage FromGrey16(int width, int height, ReadOnlySpan<ushort> pixels) =>
        new(width, height, 1, 16, pixels.ToArray());

    private static PngImage FromBytes(int width, int height, int channels, ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"{pixels.Length} bytes for a {width}×{height}×{channels} image.", nameof(pixels));
        var samples = new ushort[pixels.Length];
        for (int i = 0; i < pixels.Length; i++) samples[i] = pixels[i];
        return new PngImage(width, height, channels, 8, samples);
    }
}
