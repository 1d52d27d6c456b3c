using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;

namespace ProbSeg.ML.Tests.Data.Readers;

/// <summary>The DeepMind layout, on a tiny copy this test writes: two patients, 180×180 crops.</summary>
[TestClass]
public sealed class LidcCropsFolderReaderTests
{
    private const int Size = 180;

    /// <summary>Image pixel (y, x) = (y + x) mod 256; grader k outlines the square [60, 120)² grown by k pixels.</summary>
    private static void WriteCrop(ReaderTestFiles files, string patient, string stem, IEnumerable<int> graders)
    {
        files.Png($"images/{patient}/{stem}.png", Size, Size, (y, x) => (byte)((y + x) % 256));
        foreach (int k in graders)
            files.Png($"gt/{patient}/{stem}_l{k}.png", Size, Size,
                (y, x) => y >= 60 - k && y < 120 + k && x >= 60 - k && x < 120 + k ? (byte)255 : (byte)0);
    }

    [TestMethod]
    public void CentreCropsTo128AndReadsFourGraders()
    {
        using var files = new ReaderTestFiles();
        WriteCrop(files, "LIDC-IDRI-0005", "z-10.0_c0", [0, 1, 2, 3]);
        WriteCrop(files, "LIDC-IDRI-0005", "z-2.5_c1", [0, 1, 2, 3]);
        WriteCrop(files, "LIDC-IDRI-0100", "z-7.0_c0", [0, 1, 2, 3]);

        var data = LidcCropsFolderReader.Read(files.Root, new DatasetReadOptions { Scaling = ImageScaling.None });

        Assert.AreEqual((3, 128, 128, 4, 2), (data.Count, data.Height, data.Width, data.Annotators, data.Classes));
        CollectionAssert.AreEqual(new[] { "LIDC-IDRI-0005/z-2.5_c1", "LIDC-IDRI-0005/z-10.0_c0", "LIDC-IDRI-0100/z-7.0_c0" }, data.Ids);
        CollectionAssert.AreEqual(new[] { "LIDC-IDRI-0005", "LIDC-IDRI-0005", "LIDC-IDRI-0100" }, data.Groups);
        // [26:-26]: output (0, 0) is source (26, 26), output (127, 127) is source (153, 153).
        Assert.AreEqual(52f, data.Images[0]);
        Assert.AreEqual(306f % 256, data.Images[127 * 128 + 127]);
        for (int k = 0; k < 4; k++)
        {
            var mask = data.Annotation(0, k);
            int side = 60 + 2 * k;
            Assert.AreEqual(side * side, mask.ToArray().Count(v => v == 1), $"grader {k}");
            Assert.AreEqual(1, mask[(60 - k - 26) * 128 + (60 - k - 26)], "the square's corner moves by the crop offset");
        }
    }

    [TestMethod]
    public void AcceptsGradersNumberedOneToFourAndMissingOnes()
    {
        using var files = new ReaderTestFiles();
        WriteCrop(files, "P1", "z-1_c0", [1, 2, 3, 4]);
        WriteCrop(files, "P1", "z-2_c0", [1, 3]);

        var data = LidcCropsFolderReader.Read(files.Root, new DatasetReadOptions { CropSize = 120, PoolFactor = 2 });

        Assert.AreEqual((4, 60), (data.Annotators, data.Height));
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, data.PresentAnnotators(0));
        CollectionAssert.AreEqual(new[] { 0, 2 }, data.PresentAnnotators(1));
        Assert.AreEqual(AmbiguousDataset.MissingAnnotation, data.Annotation(1, 1)[0]);
    }

    [TestMethod]
    public void ACropWithoutGradersIsNamed()
    {
        using var files = new ReaderTestFiles();
        WriteCrop(files, "P1", "z-1_c0", [0, 1, 2, 3]);
        WriteCrop(files, "P1", "z-9_c0", []);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => LidcCropsFolderReader.Read(files.Root));
        StringAssert.Contains(e.Message, Path.Combine("images", "P1", "z-9_c0.png"));
        StringAssert.Contains(e.Message, "no grader masks");
    }

    [TestMethod]
    public void AMissingSplitFolderIsNamed()
    {
        using var files = new ReaderTestFiles();
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => LidcCropsFolderReader.Read(files.Root));
    }
}
