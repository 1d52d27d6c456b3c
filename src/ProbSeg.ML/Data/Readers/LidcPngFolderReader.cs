namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads the "LIDC-IDRI-slices" PNG layout: <c>LIDC-IDRI-XXXX/nodule-N/{images,mask-0..mask-3}/slice-K.png</c>
/// (8-bit grey images; masks 0/255, read as {0,1}).
/// </summary>
/// <remarks>
/// Order: patients, nodules and slices in natural order. Ids <c>LIDC-IDRI-0003/nodule-2/slice-1</c>, groups the
/// patient folder. A nodule without some <c>mask-k</c> folder has that annotator slot marked missing; a
/// <c>mask-k</c> folder lacking a slice's file is an error, as is a mask whose size differs from its image.
/// </remarks>
public static class LidcPngFolderReader
{
    private sealed record Slice(string Patient, string Nodule, string Name, string ImagePath, string?[] MaskPaths);

    /// <summary>Reads the layout under <paramref name="root"/> (the folder holding the <c>LIDC-IDRI-XXXX</c> folders).</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">No patient folders, a missing or mismatched mask, or a corrupt PNG.</exception>
    public static AmbiguousDataset Read(string root, DatasetReadOptions? options = null)
    {
        options ??= new DatasetReadOptions();
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: no such folder.");
        var slices = Index(root);
        if (slices.Count == 0) throw new InvalidDataException($"{root}: no LIDC-IDRI-*/nodule-*/images/slice-*.png files.");
        var (start, count) = options.Range(slices.Count, root);
        string firstPath = slices[Math.Min(start, slices.Count - 1)].ImagePath; // sets the shape, even of an empty selection
        var first = PngPlanes.LoadImage(firstPath);
        int annotators = slices.Max(s => s.MaskPaths.Length);
        var geometry = new ImageGeometry(first.Height, first.Width, options.CropSize, options.PoolFactor, root);
        var builder = new DatasetBuilder(count, first.Channels, annotators, geometry, options.Scaling);
        int plane = first.Height * first.Width;
        var labels = new byte[annotators * plane];
        foreach (var slice in slices.Skip(start).Take(count))
        {
            var image = slice.ImagePath == firstPath ? first : PngPlanes.LoadImage(slice.ImagePath);
            PngPlanes.RequireSameShape(image, slice.ImagePath, first, firstPath);
            labels.AsSpan().Fill(AmbiguousDataset.MissingAnnotation);
            for (int a = 0; a < slice.MaskPaths.Length; a++)
            {
                string? maskPath = slice.MaskPaths[a];
                if (maskPath is null) continue;
                if (!File.Exists(maskPath)) throw new FileNotFoundException($"{maskPath}: mask file missing for {slice.ImagePath}.", maskPath);
                var (ids, h, w) = PngPlanes.LoadMask(maskPath, options.MaskValues, options.Classes);
                PngPlanes.RequireSameSize(maskPath, h, w, slice.ImagePath, image.Height, image.Width);
                ids.CopyTo(labels, a * plane);
            }
            string id = $"{slice.Patient}/{slice.Nodule}/{slice.Name}";
            builder.Add(image.Planes, image.FullScale, labels, id, slice.Patient, slice.ImagePath);
        }
        return builder.Build(options.Classes, root);
    }

    private static List<Slice> Index(string root)
    {
        var slices = new List<Slice>();
        foreach (string patientDir in NaturalOrder.Sort(Directory.GetDirectories(root, "LIDC-IDRI-*")))
        {
            string patient = Path.GetFileName(patientDir);
            foreach (string noduleDir in NaturalOrder.Sort(Directory.GetDirectories(patientDir, "nodule-*")))
            {
                string imagesDir = Path.Combine(noduleDir, "images");
                if (!Directory.Exists(imagesDir)) continue;
                var maskDirs = Directory.GetDirectories(noduleDir, "mask-*")
                    .Select(d => (Dir: d, Index: int.TryParse(Path.GetFileName(d)["mask-".Length..], out int k) ? k : -1))
                    .Where(m => m.Index >= 0).ToArray();
                int slots = maskDirs.Length == 0 ? 0 : maskDirs.Max(m => m.Index) + 1;
                foreach (string imagePath in NaturalOrder.Sort(Directory.GetFiles(imagesDir, "slice-*.png")))
                {
                    string file = Path.GetFileName(imagePath);
                    var masks = new string?[slots];
                    foreach (var (dir, index) in maskDirs) masks[index] = Path.Combine(dir, file);
                    if (slots == 0) throw new InvalidDataException($"{imagePath}: no mask-* folders beside images/, so the slice has no annotation.");
                    slices.Add(new Slice(patient, Path.GetFileName(noduleDir), Path.GetFileNameWithoutExtension(file), imagePath, masks));
                }
            }
        }
        return slices;
    }
}
