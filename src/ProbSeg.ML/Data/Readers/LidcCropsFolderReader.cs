using System.Text.RegularExpressions;

namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads the DeepMind / Hierarchical Probabilistic U-Net LIDC crops ("LIDCv2", anchors.md §0.2):
/// <c>images/&lt;patient&gt;/z-&lt;z&gt;_c&lt;n&gt;.png</c> with masks <c>gt/&lt;patient&gt;/z-&lt;z&gt;_c&lt;n&gt;_l&lt;k&gt;.png</c>.
/// </summary>
/// <remarks>
/// <para>Pass the split folder (the one holding <c>images/</c> and <c>gt/</c>). Grader numbers may run 0..3 (the
/// colab, BerDiff) or 1..4 (the README): the smallest number found becomes slot 0. A grader file absent for one crop
/// marks that slot missing; a crop with no grader file at all is an error.</para>
/// <para>The 180×180 crops are centre-cropped to 128 (<c>[26:-26]</c> in
/// <c>hierarchical_probabilistic_unet/HPU_Net.ipynb</c>) when <see cref="DatasetReadOptions.CropSize"/> is null and
/// the images are at least 128 pixels; smaller images are kept whole. Ids <c>&lt;patient&gt;/z-&lt;z&gt;_c&lt;n&gt;</c>,
/// groups the patient.</para>
/// </remarks>
public static partial class LidcCropsFolderReader
{
    /// <summary>The DeepMind evaluation crop side.</summary>
    public const int DefaultCropSize = 128;

    private sealed record Crop(string Patient, string Stem, string ImagePath, Dictionary<int, string> Masks);

    /// <summary>Reads the split folder <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException"><c>images/</c> or <c>gt/</c> is missing.</exception>
    /// <exception cref="InvalidDataException">A crop without masks, a mask of the wrong size, or a corrupt PNG.</exception>
    public static AmbiguousDataset Read(string root, DatasetReadOptions? options = null)
    {
        options ??= new DatasetReadOptions();
        string imagesDir = Path.Combine(root, "images"), gtDir = Path.Combine(root, "gt");
        if (!Directory.Exists(imagesDir) || !Directory.Exists(gtDir))
            throw new DirectoryNotFoundException($"{root}: expected images/<patient>/*.png and gt/<patient>/*_l<k>.png below it.");
        var crops = Index(imagesDir, gtDir);
        if (crops.Count == 0) throw new InvalidDataException($"{imagesDir}: no <patient>/*.png images.");
        var (start, count) = options.Range(crops.Count, root);

        int firstGrader = crops.SelectMany(c => c.Masks.Keys).Min();
        int annotators = crops.SelectMany(c => c.Masks.Keys).Max() - firstGrader + 1;
        string firstPath = crops[Math.Min(start, crops.Count - 1)].ImagePath;
        var first = PngPlanes.LoadImage(firstPath);
        int? crop = options.CropSize ?? (first.Height >= DefaultCropSize && first.Width >= DefaultCropSize ? DefaultCropSize : null);
        var geometry = new ImageGeometry(first.Height, first.Width, crop, options.PoolFactor, root);
        var builder = new DatasetBuilder(count, first.Channels, annotators, geometry, options.Scaling);
        int plane = first.Height * first.Width;
        var labels = new byte[annotators * plane];
        foreach (var c in crops.Skip(start).Take(count))
        {
            var image = c.ImagePath == firstPath ? first : PngPlanes.LoadImage(c.ImagePath);
            PngPlanes.RequireSameShape(image, c.ImagePath, first, firstPath);
            labels.AsSpan().Fill(AmbiguousDataset.MissingAnnotation);
            foreach (var (grader, maskPath) in c.Masks)
            {
                var (ids, h, w) = PngPlanes.LoadMask(maskPath, options.MaskValues, options.Classes);
                PngPlanes.RequireSameSize(maskPath, h, w, c.ImagePath, image.Height, image.Width);
                ids.CopyTo(labels, (grader - firstGrader) * plane);
            }
            builder.Add(image.Planes, image.FullScale, labels, $"{c.Patient}/{c.Stem}", c.Patient, c.ImagePath);
        }
        return builder.Build(options.Classes, root);
    }

    private static List<Crop> Index(string imagesDir, string gtDir)
    {
        var crops = new List<Crop>();
        foreach (string patientDir in NaturalOrder.Sort(Directory.GetDirectories(imagesDir)))
        {
            string patient = Path.GetFileName(patientDir);
            var masksByStem = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
            string patientGt = Path.Combine(gtDir, patient);
            if (Directory.Exists(patientGt))
                foreach (string maskPath in Directory.GetFiles(patientGt, "*.png"))
                {
                    var m = MaskName().Match(Path.GetFileName(maskPath));
                    if (!m.Success) continue;
                    string stem = m.Groups[1].Value;
                    if (!masksByStem.TryGetValue(stem, out var masks)) masksByStem[stem] = masks = [];
                    masks[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)] = maskPath;
                }
            foreach (string imagePath in NaturalOrder.Sort(Directory.GetFiles(patientDir, "*.png")))
            {
                string stem = Path.GetFileNameWithoutExtension(imagePath);
                if (!masksByStem.TryGetValue(stem, out var masks))
                    throw new InvalidDataException($"{imagePath}: no grader masks (expected {Path.Combine(patientGt, stem + "_l0.png")} and siblings).");
                crops.Add(new Crop(patient, stem, imagePath, masks));
            }
        }
        return crops;
    }

    [GeneratedRegex(@"^(.+)_l(\d+)\.png$")]
    private static partial Regex MaskName();
}
