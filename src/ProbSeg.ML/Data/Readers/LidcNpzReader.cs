using System.Globalization;

namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads the LIDC-IDRI 128×128 crops kept as <c>.npz</c> (<c>lidc_train.npz</c>, <c>lidc_val.npz</c>; see the README
/// beside them): <c>images</c> uint8 (N,128,128), <c>masks</c> uint8 (N,4,128,128) in {0,1}, <c>patient</c>,
/// <c>nodule</c>, <c>slice</c> int32 (N,).
/// </summary>
/// <remarks>
/// The result has C = 1, K = 2, A = 4; ids <c>LIDC-IDRI-0003/nodule-2/slice-1</c>, groups the patient
/// (<c>LIDC-IDRI-0003</c>). An empty mask is a real "no lesion" vote, never a missing annotator. Rows are streamed
/// out of the deflated members, so <see cref="DatasetReadOptions.Skip"/>/<see cref="DatasetReadOptions.MaxCount"/>
/// read a few rows without decoding the rest.
/// </remarks>
public static class LidcNpzReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing arrays, unexpected shapes or dtypes, mask values other than 0/1,
    /// or a corrupt archive; the message names the file and member.</exception>
    public static AmbiguousDataset Read(string path, DatasetReadOptions? options = null)
    {
        options ??= new DatasetReadOptions();
        using var npz = NpzArchive.Open(path);
        foreach (string name in new[] { "images", "masks", "patient", "nodule", "slice" })
            if (!npz.Contains(name))
                throw new InvalidDataException($"{path}: no '{name}' array; an LIDC npz holds images, masks, patient, nodule, slice (it has {string.Join(", ", npz.ArrayNames)}).");

        using var images = npz.OpenRows("images");
        using var masks = npz.OpenRows("masks");
        var ih = images.Header;
        var mh = masks.Header;
        Require(ih.Shape.Count == 3 && ih.DType == NpyDType.UInt8, ih, "uint8 (N, H, W)");
        Require(mh.Shape.Count == 4 && mh.DType == NpyDType.UInt8 && mh.Shape[0] == ih.Shape[0]
            && mh.Shape[2] == ih.Shape[1] && mh.Shape[3] == ih.Shape[2], mh, $"uint8 ({ih.Shape[0]}, A, {ih.Shape[1]}, {ih.Shape[2]}) to match images {ih.ShapeText}");

        int n = checked((int)ih.RowCount), h = (int)ih.Shape[1], w = (int)ih.Shape[2], a = (int)mh.Shape[1];
        var (start, count) = options.Range(n, path);
        long[] patient = ReadIndex(npz, "patient", n), nodule = ReadIndex(npz, "nodule", n), slice = ReadIndex(npz, "slice", n);

        var geometry = new ImageGeometry(h, w, options.CropSize, options.PoolFactor, path);
        var builder = new DatasetBuilder(count, 1, a, geometry, options.Scaling);
        int plane = h * w;
        var imageRow = new byte[plane];
        var maskRow = new byte[a * plane];
        var pixels = new float[plane];
        images.Skip(start);
        masks.Skip(start);
        for (int i = start; i < start + count; i++)
        {
            images.ReadRows(imageRow);
            masks.ReadRows(maskRow);
            int bad = maskRow.AsSpan().IndexOfAnyExcept((byte)0, (byte)1);
            if (bad >= 0)
                throw new InvalidDataException($"{mh.Source}: row {i}, annotator {bad / plane} holds mask value {maskRow[bad]}; LIDC masks are 0/1.");
            SpanMath.Widen(imageRow, pixels);
            string patientId = "LIDC-IDRI-" + patient[i].ToString("D4", CultureInfo.InvariantCulture);
            string id = string.Create(CultureInfo.InvariantCulture, $"{patientId}/nodule-{nodule[i]}/slice-{slice[i]}");
            builder.Add(pixels, 255f, maskRow, id, patientId, $"{path} row {i} ({id})");
        }
        return builder.Build(options.Classes ?? 2, path);
    }

    private static long[] ReadIndex(NpzArchive npz, string name, int n)
    {
        var array = npz.Read(name);
        Require(array.Shape.Count == 1 && array.Shape[0] == n && array.DType is not (NpyDType.Float32 or NpyDType.Float64), array.Header, $"integer ({n},)");
        return array.ToInt64();
    }

    private static void Require(bool ok, NpyHeader header, string expected)
    {
        if (!ok) throw new InvalidDataException($"{header.Source}: '{header.Descr}' {header.ShapeText}, expected {expected}.");
    }
}
