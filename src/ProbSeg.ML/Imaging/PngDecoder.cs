using System.Buffers.Binary;
using System.IO.Compression;

namespace ProbSeg.ML.Imaging;

/// <summary>
/// Decodes PNG files in managed code: all colour types, bit depths 1 to 16, all five row filters. Interlaced (Adam7)
/// files are refused. Ancillary chunks are skipped (so gamma and tRNS on grey/RGB are ignored; tRNS on a palette
/// becomes an alpha channel).
/// </summary>
/// <remarks>Bad input raises <see cref="InvalidDataException"/> (or <see cref="NotSupportedException"/> for
/// interlacing) whose message starts with the source name.</remarks>
public static class PngDecoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Reads and decodes the PNG file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expandPalette">True: palette images become RGB (RGBA with tRNS) at 8 bits. False: samples are the
    /// palette indices (useful for label maps).</param>
    /// <param name="verifyCrc">Check each chunk's CRC-32.</param>
    public static PngImage Load(string path, bool expandPalette = true, bool verifyCrc = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(File.ReadAllBytes(path), path, expandPalette, verifyCrc);
    }

    /// <summary>Decodes PNG bytes.</summary>
    /// <param name="png">The whole file.</param>
    /// <param name="source">Name used in error messages (e.g. the path).</param>
    /// <param name="expandPalette">See <see cref="Load"/>.</param>
    /// <param name="verifyCrc">Check each chunk's CRC-32.</param>
    public static PngImage Decode(ReadOnlySpan<byte> png, string source = "PNG data", bool expandPalette = true, bool verifyCrc = true)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
            throw Error(source, "not a PNG file (bad signature)");

        PngHeader? header = null;
        byte[]? palette = null, paletteAlpha = null;
        using var idat = new MemoryStream();
        bool ended = false;
        int pos = Signature.Length;
        while (!ended)
        {
            if (png.Length - pos < 12) throw Error(source, "truncated (file ends before the IEND chunk)");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            var type = png.Slice(pos + 4, 4);
            string typeName = System.Text.Encoding.ASCII.GetString(type);
            if (length > int.MaxValue || png.Length - pos - 12 < length)
                throw Error(source, $"truncated (chunk '{typeName}' declares {length} bytes, {Math.Max(0, png.Length - pos - 12)} remain)");
            var data = png.Slice(pos + 8, (int)length);
            if (verifyCrc && BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]) != Crc32.OfChunk(type, data))
                throw Error(source, $"CRC mismatch in chunk '{typeName}' (corrupt file)");
            pos += 12 + (int)length;

            if (header is null && typeName != "IHDR") throw Error(source, $"first chunk is '{typeName}', expected IHDR");
            switch (typeName)
            {
                case "IHDR":
                    header = PngHeader.Parse(data, source);
                    break;
                case "PLTE":
                    if (length % 3 != 0 || length == 0 || length > 768) throw Error(source, $"PLTE chunk of {length} bytes is not 1 to 256 RGB entries");
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    if (header!.ColorType == PngColorType.Palette) paletteAlpha = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    if ((type[0] & 0x20) == 0) throw Error(source, $"unknown critical chunk '{typeName}'");
                    break; // ancillary: safe to skip
            }
        }

        var h = header!;
        if (h.ColorType == PngColorType.Palette && palette is null) throw Error(source, "palette image without a PLTE chunk");
        if (idat.Length == 0) throw Error(source, "no image data (IDAT chunk)");
        byte[] raw = Inflate(idat, h, source);
        Unfilter(raw, h, source);
        return PngPixelUnpacker.Unpack(raw, h, expandPalette ? palette : null, paletteAlpha, source);
    }

    private static byte[] Inflate(MemoryStream idat, PngHeader h, string source)
    {
        long expected = (long)h.Height * (h.RowBytes + 1);
        if (expected > Array.MaxLength) throw Error(source, $"image of {h.Width}×{h.Height} is too large to decode");
        var raw = new byte[expected];
        int read;
        try
        {
            idat.Position = 0;
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
            read = zlib.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: corrupt compressed image data ({e.Message})", e);
        }
        if (read < raw.Length)
            throw Error(source, $"image data holds {read} bytes, {h.Width}×{h.Height} needs {raw.Length} (truncated or corrupt)");
        return raw;
    }

    private static void Unfilter(byte[] raw, PngHeader h, string source)
    {
        int stride = h.RowBytes;
        var zeros = new byte[stride];
        for (int y = 0; y < h.Height; y++)
        {
            int start = y * (stride + 1);
            var row = raw.AsSpan(start + 1, stride);
            ReadOnlySpan<byte> prior = y == 0 ? zeros : raw.AsSpan(start - stride, stride);
            if (!PngScanlines.Unfilter(raw[start], row, prior, h.FilterBytesPerPixel))
                throw Error(source, $"unknown filter type {raw[start]} on row {y}");
        }
    }

    internal static InvalidDataException Error(string source, string problem) => new($"{source}: {problem}.");
}
