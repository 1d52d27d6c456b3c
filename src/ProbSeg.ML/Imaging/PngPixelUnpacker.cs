namespace ProbSeg.ML.Imaging;

/// <summary>Turns unfiltered PNG rows into <see cref="ushort"/> samples: unpacks sub-byte depths, joins 16-bit
/// big-endian pairs, and optionally expands palette indices to colours.</summary>
internal static class PngPixelUnpacker
{
    public static PngImage Unpack(byte[] raw, PngHeader h, byte[]? palette, byte[]? paletteAlpha, string source)
    {
        int channels = h.FileChannels, width = h.Width, stride = h.RowBytes;
        var samples = new ushort[(long)width * h.Height * channels];
        int rowSamples = width * channels;
        for (int y = 0; y < h.Height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1) + 1, stride);
            var dst = samples.AsSpan(y * rowSamples, rowSamples);
            switch (h.BitDepth)
            {
                case 16:
                    for (int i = 0; i < rowSamples; i++) dst[i] = (ushort)(row[2 * i] << 8 | row[2 * i + 1]);
                    break;
                case 8:
                    for (int i = 0; i < rowSamples; i++) dst[i] = row[i];
                    break;
                default:
                    int bits = h.BitDepth, mask = (1 << bits) - 1;
                    for (int i = 0; i < rowSamples; i++)
                    {
                        int bit = i * bits;
                        dst[i] = (ushort)((row[bit >> 3] >> (8 - bits - (bit & 7))) & mask);
                    }
                    break;
            }
        }

        if (h.ColorType != PngColorType.Palette)
            return new PngImage(width, h.Height, channels, h.BitDepth, samples) { SourceColorType = h.ColorType };
        if (palette is null)
            return new PngImage(width, h.Height, 1, h.BitDepth, samples) { SourceColorType = h.ColorType, IsPaletteIndexed = true };
        return ExpandPalette(samples, h, palette, paletteAlpha, source);
    }

    private static PngImage ExpandPalette(ushort[] indices, PngHeader h, byte[] palette, byte[]? alpha, string source)
    {
        int entries = palette.Length / 3;
        int channels = alpha is null ? 3 : 4;
        var rgb = new ushort[indices.LongLength * channels];
        for (long i = 0; i < indices.LongLength; i++)
        {
            int index = indices[i];
            if (index >= entries)
                throw PngDecoder.Error(source, $"pixel {i % h.Width},{i / h.Width} uses palette index {index} but the palette has {entries} entries");
            long o = i * channels;
            rgb[o] = palette[3 * index];
            rgb[o + 1] = palette[3 * index + 1];
            rgb[o + 2] = palette[3 * index + 2];
            if (alpha is not null) rgb[o + 3] = index < alpha.Length ? alpha[index] : (byte)255;
        }
        return new PngImage(h.Width, h.Height, channels, 8, rgb) { SourceColorType = PngColorType.Palette };
    }
}
