using System.Buffers.Binary;
using System.IO.Compression;

namespace ProbSeg.ML.Imaging;

/// <summary>
/// Writes non-interlaced PNGs at 8 or 16 bits per sample: grey, grey + alpha, RGB, RGBA (channels 1 to 4).
/// </summary>
public static class PngEncoder
{
    /// <summary>Encodes <paramref name="image"/> as PNG bytes.</summary>
    /// <param name="image">An image of 8 or 16 bits per sample, not palette-indexed.</param>
    /// <param name="filter">Row filter; <see cref="PngFilter.Adaptive"/> picks one per row.</param>
    /// <param name="level">Deflate effort.</param>
    public static byte[] Encode(PngImage image, PngFilter filter = PngFilter.Adaptive, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.BitDepth is not (8 or 16))
            throw new ArgumentException($"The encoder writes 8- or 16-bit samples; the image has {image.BitDepth}.", nameof(image));
        if (image.IsPaletteIndexed)
            throw new ArgumentException("The encoder does not write palette images; expand the palette first.", nameof(image));
        if (image.BitDepth == 8 && image.Samples.AsSpan().IndexOfAnyInRange((ushort)256, ushort.MaxValue) is int over and >= 0)
            throw new ArgumentException($"Sample {over} is {image.Samples[over]}, above 255, in an 8-bit image.", nameof(image));

        var colorType = image.Channels switch
        {
            1 => PngColorType.Grey,
            2 => PngColorType.GreyAlpha,
            3 => PngColorType.Rgb,
            _ => PngColorType.Rgba,
        };
        using var output = new MemoryStream();
        output.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)image.Height);
        ihdr[8] = (byte)image.BitDepth;
        ihdr[9] = (byte)colorType;
        // bytes 10..12: deflate, adaptive filtering method 0, no interlace
        WriteChunk(output, "IHDR"u8, ihdr);
        WriteChunk(output, "IDAT"u8, CompressRows(image, filter, level));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>Encodes <paramref name="image"/> and writes it to <paramref name="path"/>.</summary>
    public static void Save(PngImage image, string path, PngFilter filter = PngFilter.Adaptive)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, Encode(image, filter));
    }

    private static byte[] CompressRows(PngImage image, PngFilter filter, CompressionLevel level)
    {
        int bytesPerSample = image.BitDepth / 8;
        int bpp = image.Channels * bytesPerSample;
        int stride = image.Width * bpp;
        var prior = new byte[stride];
        var row = new byte[stride];
        var filtered = new byte[stride];
        var best = new byte[stride];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            int rowSamples = image.Width * image.Channels;
            for (int y = 0; y < image.Height; y++)
            {
                var src = image.Samples.AsSpan(y * rowSamples, rowSamples);
                if (bytesPerSample == 1)
                    for (int i = 0; i < rowSamples; i++) row[i] = (byte)src[i];
                else
                    for (int i = 0; i < rowSamples; i++) BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(2 * i), src[i]);

                byte chosen = filter == PngFilter.Adaptive ? ChooseFilter(row, prior, bpp, filtered, best) : (byte)filter;
                if (filter != PngFilter.Adaptive) PngScanlines.Filter(chosen, row, prior, bpp, best);
                zlib.WriteByte(chosen);
                zlib.Write(best);
                (prior, row) = (row, prior);
            }
        }
        return compressed.ToArray();
    }

    private static byte ChooseFilter(byte[] row, byte[] prior, int bpp, byte[] scratch, byte[] best)
    {
        byte chosen = 0;
        long bestCost = long.MaxValue;
        for (byte f = 0; f <= 4; f++)
        {
            PngScanlines.Filter(f, row, prior, bpp, scratch);
            long cost = PngScanlines.Cost(scratch);
            if (cost < bestCost)
            {
                bestCost = cost;
                chosen = f;
                scratch.CopyTo(best, 0);
            }
        }
        return chosen;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.OfChunk(type, data));
        output.Write(word);
    }
}
