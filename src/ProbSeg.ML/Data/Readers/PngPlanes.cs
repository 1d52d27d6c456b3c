using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Data.Readers;

/// <summary>Loads PNG images and masks into the planar forms the readers feed to <see cref="DatasetBuilder"/>.</summary>
internal static class PngPlanes
{
    /// <summary>A decoded image: <c>[C, H, W]</c> stored values (alpha dropped) and the storage range.</summary>
    public sealed record Image(float[] Planes, int Channels, int Height, int Width, float FullScale);

    /// <summary>Grey (1 channel) or colour (3 channels) image; alpha is dropped, palettes expanded; 16-bit kept.</summary>
    public static Image LoadImage(string path)
    {
        var png = PngDecoder.Load(path);
        int channels = png.Channels is 1 or 2 ? 1 : 3;
        return new Image(png.ToPlanar(channels), channels, png.Height, png.Width, png.MaxValue);
    }

    /// <summary>A mask as class ids <c>[H, W]</c>: grey or palette indices; colour masks only when R = G = B.</summary>
    public static (byte[] Ids, int Height, int Width) LoadMask(string path, MaskValues mode, int? classes)
    {
        var png = PngDecoder.Load(path, expandPalette: false);
        int plane = png.Width * png.Height;
        var values = new long[plane];
        var s = png.Samples;
        for (int i = 0; i < plane; i++)
        {
            int o = i * png.Channels;
            values[i] = s[o];
            if (png.Channels >= 3 && (s[o + 1] != s[o] || s[o + 2] != s[o]))
                throw new InvalidDataException($"{path}: a colour mask (pixel at row {i / png.Width}, column {i % png.Width} is not grey); store class ids as a greyscale or palette PNG.");
        }
        var ids = new byte[plane];
        MaskDecoding.ToClassIds(values, png.Width, mode, classes, ids, path);
        return (ids, png.Height, png.Width);
    }

    /// <summary>Fails unless the mask has the image's size.</summary>
    public static void RequireSameSize(string maskPath, int maskHeight, int maskWidth, string imagePath, int height, int width)
    {
        if (maskHeight != height || maskWidth != width)
            throw new InvalidDataException($"{maskPath}: mask is {maskWidth}×{maskHeight} but its image {imagePath} is {width}×{height}.");
    }

    /// <summary>Fails unless an image matches the size and channels of the first one read.</summary>
    public static void RequireSameShape(Image image, string path, Image first, string firstPath)
    {
        if (image.Height != first.Height || image.Width != first.Width || image.Channels != first.Channels)
            throw new InvalidDataException($"{path}: image is {image.Width}×{image.Height} with {image.Channels} channel(s), but {firstPath} is {first.Width}×{first.Height} with {first.Channels}; all images of a dataset must match.");
    }
}
