using System.Buffers.Binary;

namespace ProbSeg.ML.Imaging;

/// <summary>The IHDR chunk, validated (PNG specification §11.2.2).</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType)
{
    /// <summary>Samples per pixel as stored (a palette index counts as one).</summary>
    public int FileChannels => ColorType switch
    {
        PngColorType.Rgb => 3,
        PngColorType.GreyAlpha => 2,
        PngColorType.Rgba => 4,
        _ => 1,
    };

    /// <summary>Bytes per row, without the filter byte.</summary>
    public int RowBytes => checked((int)(((long)Width * FileChannels * BitDepth + 7) / 8));

    /// <summary>The byte distance filters look back ("bpp" in the specification), at least 1.</summary>
    public int FilterBytesPerPixel => Math.Max(1, FileChannels * BitDepth / 8);

    public static PngHeader Parse(ReadOnlySpan<byte> data, string source)
    {
        if (data.Length != 13) throw PngDecoder.Error(source, $"IHDR chunk has {data.Length} bytes, expected 13");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(data);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int bitDepth = data[8];
        var colorType = (PngColorType)data[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            throw PngDecoder.Error(source, $"invalid size {width}×{height}");
        bool valid = colorType switch
        {
            PngColorType.Grey => bitDepth is 1 or 2 or 4 or 8 or 16,
            PngColorType.Palette => bitDepth is 1 or 2 or 4 or 8,
            PngColorType.Rgb or PngColorType.GreyAlpha or PngColorType.Rgba => bitDepth is 8 or 16,
            _ => false,
        };
        if (!valid) throw PngDecoder.Error(source, $"colour type {data[9]} with bit depth {bitDepth} is not a valid PNG combination");
        if (data[10] != 0) throw PngDecoder.Error(source, $"unknown compression method {data[10]}");
        if (data[11] != 0) throw PngDecoder.Error(source, $"unknown filter method {data[11]}");
        if (data[12] == 1)
            throw new NotSupportedException($"{source}: interlaced (Adam7) PNGs are not supported; save the image without interlacing.");
        if (data[12] != 0) throw PngDecoder.Error(source, $"unknown interlace method {data[12]}");
        return new PngHeader((int)width, (int)height, bitDepth, colorType);
    }
}
