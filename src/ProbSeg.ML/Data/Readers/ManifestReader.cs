namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads users' own data listed in a CSV manifest: one row per image, with its annotators' masks.
/// </summary>
/// <remarks>
/// <para>Example (paths relative to the manifest's folder; absolute paths work too):</para>
/// <code>
/// image,mask_0,mask_1,mask_2,group
/// scans/a.png,masks/a_r1.png,masks/a_r2.png,,patient-07
/// scans/b.png,masks/b_r1.png,masks/b_r2.png,masks/b_r3.png,patient-09
/// </code>
/// <para>or one <c>masks</c> column, <c>masks/a_r1.png;masks/a_r2.png</c>. Slots follow the mask columns (and the
/// order inside a cell); A is the most slots any row fills, and a blank or absent slot is
/// <see cref="AmbiguousDataset.MissingAnnotation"/>, so rows may carry different numbers of annotators. A row
/// without any mask is an error.</para>
/// <para>Images: 8- or 16-bit PNG, grey or RGB(A) (alpha dropped); unit-range scaling divides by 255 or 65535.
/// All images must share size and channel count. Masks: grey or palette PNGs holding class ids or 0/255
/// (<see cref="DatasetReadOptions.MaskValues"/>), the size of their image. K is inferred unless given.</para>
/// </remarks>
public static class ManifestReader
{
    private sealed record Row(int Line, string ImagePath, string?[] MaskPaths, string Id, string Group);

    /// <summary>Reads the manifest at <paramref name="manifestPath"/> and every file it names.</summary>
    /// <exception cref="FileNotFoundException">The manifest, or a file a row names, does not exist.</exception>
    /// <exception cref="InvalidDataException">A missing column, a row without masks, a mask whose size differs from its
    /// image, inconsistent images, or bad mask values; the message names the manifest line and the file.</exception>
    public static AmbiguousDataset Read(string manifestPath, ManifestOptions? options = null)
    {
        options ??= new ManifestOptions();
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"{manifestPath}: manifest not found.", manifestPath);
        var table = CsvTable.Parse(File.ReadAllText(manifestPath), options.Delimiter, manifestPath);
        var rows = ParseRows(table, Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, options, manifestPath);
        var (start, count) = options.Range(rows.Count, manifestPath);
        var selected = rows.Skip(start).Take(count).ToList();
        foreach (var row in selected) CheckFilesExist(row, manifestPath);

        var shapeRow = selected.Count > 0 ? selected[0] : rows[0];
        var first = PngPlanes.LoadImage(shapeRow.ImagePath);
        int annotators = rows.Max(r => r.MaskPaths.Length);
        var geometry = new ImageGeometry(first.Height, first.Width, options.CropSize, options.PoolFactor, manifestPath);
        var builder = new DatasetBuilder(count, first.Channels, annotators, geometry, options.Scaling);
        int plane = first.Height * first.Width;
        var labels = new byte[annotators * plane];
        foreach (var row in selected)
        {
            string where = $"{manifestPath} line {row.Line}";
            var image = row == shapeRow ? first : PngPlanes.LoadImage(row.ImagePath);
            PngPlanes.RequireSameShape(image, $"{where}: {row.ImagePath}", first, shapeRow.ImagePath);
            labels.AsSpan().Fill(AmbiguousDataset.MissingAnnotation);
            for (int a = 0; a < row.MaskPaths.Length; a++)
            {
                if (row.MaskPaths[a] is not string maskPath) continue;
                var (ids, h, w) = PngPlanes.LoadMask(maskPath, options.MaskValues, options.Classes);
                PngPlanes.RequireSameSize($"{where}: {maskPath}", h, w, row.ImagePath, image.Height, image.Width);
                ids.CopyTo(labels, a * plane);
            }
            builder.Add(image.Planes, image.FullScale, labels, row.Id, row.Group, $"{where}: {row.ImagePath}");
        }
        return builder.Build(options.Classes, manifestPath);
    }

    private static List<Row> ParseRows(CsvTable table, string baseDir, ManifestOptions options, string source)
    {
        int imageCol = table.Column(options.ImageColumn);
        if (imageCol < 0) throw new InvalidDataException($"{source}: no '{options.ImageColumn}' column (the header is: {string.Join(options.Delimiter, table.Header)}).");
        var maskCols = Enumerable.Range(0, table.Header.Length)
            .Where(c => table.Header[c].StartsWith(options.MaskColumnPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (maskCols.Length == 0) throw new InvalidDataException($"{source}: no mask column (names starting with '{options.MaskColumnPrefix}').");
        int groupCol = table.Column(options.GroupColumn), idCol = table.Column(options.IdColumn);
        if (table.Rows.Count == 0) throw new InvalidDataException($"{source}: the manifest lists no images.");

        var rows = new List<Row>();
        foreach (var (line, fields) in table.Rows)
        {
            if (fields.Length != table.Header.Length)
                throw new InvalidDataException($"{source} line {line}: {fields.Length} fields, the header has {table.Header.Length}.");
            string image = fields[imageCol];
            if (image.Length == 0) throw new InvalidDataException($"{source} line {line}: empty '{options.ImageColumn}' cell.");
            var masks = new List<string?>();
            foreach (int c in maskCols)
            {
                var paths = fields[c].Split(options.PathSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (paths.Length == 0) masks.Add(null);
                else masks.AddRange(paths.Select(p => Path.GetFullPath(p, baseDir)));
            }
            if (masks.All(m => m is null))
                throw new InvalidDataException($"{source} line {line}: image {image} has zero annotators (no mask path in any mask column).");
            string id = idCol >= 0 && fields[idCol].Length > 0 ? fields[idCol] : image;
            string group = groupCol >= 0 && fields[groupCol].Length > 0 ? fields[groupCol] : id;
            rows.Add(new Row(line, Path.GetFullPath(image, baseDir), masks.ToArray(), id, group));
        }
        return rows;
    }

    private static void CheckFilesExist(Row row, string source)
    {
        foreach (string? path in row.MaskPaths.Prepend(row.ImagePath))
            if (path is not null && !File.Exists(path))
                throw new FileNotFoundException($"{source} line {row.Line}: file {path} does not exist.", path);
    }
}
