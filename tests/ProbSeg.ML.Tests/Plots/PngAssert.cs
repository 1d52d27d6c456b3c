using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Plots;

/// <summary>Checks on written figures: the file is a PNG of the asked size with real content.</summary>
internal static class PngAssert
{
    /// <summary>The PNG at <paramref name="path"/> is <paramref name="width"/>×<paramref name="height"/>, uses many colours,
    /// and no single colour covers 99 % of it (a blank or one-colour image fails).</summary>
    public static void IsFigure(string path, int width, int height, int minColours = 8)
    {
        Assert.IsTrue(File.Exists(path), $"{path} was not written");
        var image = PngDecoder.Load(path);
        Assert.AreEqual(width, image.Width, "width");
        Assert.AreEqual(height, image.Height, "height");
        var counts = new Dictionary<long, int>();
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
            {
                long key = 0;
                for (int c = 0; c < Math.Min(3, image.Channels); c++) key = key * 65536 + image[y, x, c];
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        Assert.IsTrue(counts.Count >= minColours, $"only {counts.Count} colours");
        Assert.IsTrue(counts.Values.Max() < 0.99 * image.Width * image.Height, "one colour covers 99 % of the figure");
    }

    /// <summary>A fresh temporary folder for one test's figures.</summary>
    public static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "probseg-plots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
