using System.Globalization;

namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads images and multi-annotator masks from any <c>.npz</c> whose array names the caller gives
/// (<see cref="NpzDatasetOptions"/>): images (N,H,W), (N,C,H,W) or (N,H,W,C); masks (N,H,W), (N,A,H,W) or (N,H,W,A).
/// </summary>
/// <remarks>Rows are streamed, so <see cref="DatasetReadOptions.Skip"/>/<see cref="DatasetReadOptions.MaxCount"/>
/// read a few rows of a large file cheaply. Every shape, dtype and value problem raises an exception naming the file,
/// member and row.</remarks>
public static class NpzDatasetReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">A named array is not in the archive.</exception>
    /// <exception cref="InvalidDataException">Shapes that do not fit together, bad mask values, a row with no
    /// annotation, or a corrupt archive.</exception>
    public static AmbiguousDataset Read(string path, NpzDatasetOptions? options = null)
    {
        options ??= new NpzDatasetOptions();
        using var npz = NpzArchive.Open(path);
        using var images = npz.OpenRows(options.ImageArray);
        using var masks = npz.OpenRows(options.MaskArray);
        var shape = NpzShapes.Resolve(images.Header, masks.Header, options.ImageLayout, options.MaskLayout);
        int n = checked((int)images.Header.RowCount);
        var (start, count) = options.Range(n, path);
        string[]? ids = ReadLabels(npz, options.IdArray, n);
        string[]? groups = ReadLabels(npz, options.GroupArray, n);

        var geometry = new ImageGeometry(shape.Height, shape.Width, options.CropSize, options.PoolFactor, path);
        var builder = new DatasetBuilder(count, shape.Channels, shape.Annotators, geometry, options.Scaling);
        float fullScale = images.Header.DType switch { NpyDType.UInt8 => 255f, NpyDType.UInt16 => 65535f, _ => 1f };
        int plane = shape.Height * shape.Width;
        var imageRaw = new byte[images.Header.RowBytes];
        var maskRaw = new byte[masks.Header.RowBytes];
        var imageValues = new float[shape.Channels * plane];
        var maskValues = new long[shape.Annotators * plane];
        var pixels = new float[imageValues.Length];
        var slot = new long[plane];
        var labels = new byte[shape.Annotators * plane];
        images.Skip(start);
        masks.Skip(start);
        for (int i = start; i < start + count; i++)
        {
            images.ReadRows(imageRaw);
            masks.ReadRows(maskRaw);
            NpyConvert.ToSingle(images.Header.DType, imageRaw, imageValues);
            NpzShapes.ToPlanar(imageValues, pixels, shape.Channels, plane, shape.ImageChannelsLast);
            int bad = NpyConvert.ToInt64(masks.Header.DType, maskRaw, maskValues);
            if (bad >= 0) throw new InvalidDataException($"{masks.Header.Source}: row {i} holds a mask value that is not a whole number.");
            if (shape.MaskAnnotatorsLast) Transpose(maskValues, shape.Annotators, plane);

            for (int a = 0; a < shape.Annotators; a++)
            {
                var values = maskValues.AsSpan(a * plane, plane);
                var dst = labels.AsSpan(a * plane, plane);
                if (options.MissingMaskValue is long missing && !values.ContainsAnyExcept(missing))
                    dst.Fill(AmbiguousDataset.MissingAnnotation);
                else
                    MaskDecoding.ToClassIds(values, shape.Width, options.MaskValues, options.Classes, dst, $"{masks.Header.Source} row {i}, annotator {a}");
            }
            string id = ids?[i] ?? i.ToString(CultureInfo.InvariantCulture);
            builder.Add(pixels, fullScale, labels, id, groups?[i] ?? id, $"{path} row {i}");
        }
        return builder.Build(options.Classes, path);
    }

    private static void Transpose(long[] values, int annotators, int plane)
    {
        var copy = (long[])values.Clone();
        for (int p = 0; p < plane; p++)
            for (int a = 0; a < annotators; a++)
                values[a * plane + p] = copy[p * annotators + a];
    }

    private static string[]? ReadLabels(NpzArchive npz, string? name, int n)
    {
        if (name is null) return null;
        var array = npz.Read(name);
        if (array.Shape.Count != 1 || array.Shape[0] != n)
            throw new InvalidDataException($"{array.Header.Source}: shape {array.Header.ShapeText}, expected ({n},) to match the images.");
        return array.DType is NpyDType.Float32 or NpyDType.Float64
            ? array.ToDouble().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()
            : array.ToInt64().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
