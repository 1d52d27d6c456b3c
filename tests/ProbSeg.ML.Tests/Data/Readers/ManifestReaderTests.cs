using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Data.Readers;

[TestClass]
public sealed class ManifestReaderTests
{
    private static void WriteMask(ReaderTestFiles files, string name, byte value, int width = 6, int height = 5) =>
        files.Png(name, width, height, (y, x) => x < 3 ? value : (byte)0);

    [TestMethod]
    public void ReadsVariableAnnotatorCountsFromMaskColumns()
    {
        using var files = new ReaderTestFiles();
        files.Png("img/a.png", 6, 5, (y, x) => (byte)(10 * x));
        files.Png("img/b.png", 6, 5, (y, x) => 255);
        for (int k = 0; k < 7; k++) WriteMask(files, $"m/b{k}.png", 255);
        WriteMask(files, "m/a0.png", 255);
        WriteMask(files, "m/a1.png", 0);
        WriteMask(files, "m/a2.png", 255);
        File.WriteAllText(files.PathOf("data.csv"),
            "image,mask_0,mask_1,mask_2,mask_3,mask_4,mask_5,mask_6,group\n" +
            "img/a.png,m/a0.png,m/a1.png,m/a2.png,,,,,p1\r\n" +
            "\"img/b.png\",m/b0.png,m/b1.png,m/b2.png,m/b3.png,m/b4.png,m/b5.png,m/b6.png,p2\n");

        var data = ManifestReader.Read(files.PathOf("data.csv"));

        Assert.AreEqual((2, 1, 5, 6, 7, 2), (data.Count, data.Channels, data.Height, data.Width, data.Annotators, data.Classes));
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, data.PresentAnnotators(0));
        Assert.AreEqual(7, data.PresentAnnotators(1).Length);
        Assert.AreEqual(AmbiguousDataset.MissingAnnotation, data.Annotation(0, 3)[0]);
        CollectionAssert.AreEqual(new[] { "img/a.png", "img/b.png" }, data.Ids);
        CollectionAssert.AreEqual(new[] { "p1", "p2" }, data.Groups);
        Assert.AreEqual(50 / 255f, data.Images[5], 1e-6f);
        Assert.AreEqual(1, data.Annotation(0, 0)[0], "0/255 masks become {0,1}");
    }

    [TestMethod]
    public void ReadsSixteenBitRgbAndClassIdListsInOneColumn()
    {
        using var files = new ReaderTestFiles();
        var grey16 = new ushort[4 * 3];
        grey16[1] = 65535;
        grey16[2] = 32768;
        files.Png("deep.png", new PngImage(4, 3, 1, 16, grey16));
        var rgb = new byte[4 * 3 * 3];
        rgb[4] = 255; // pixel 1, green
        files.Png("colour.png", PngImage.FromRgb8(4, 3, rgb));
        files.Png("ids0.png", 4, 3, (y, x) => (byte)x);       // classes 0..3
        files.Png("ids1.png", 4, 3, (y, x) => (byte)(x / 2));
        File.WriteAllText(files.PathOf("grey.csv"), "image;masks\ndeep.png;ids0.png|ids1.png\n");
        File.WriteAllText(files.PathOf("rgb.csv"), "image,masks\ncolour.png,ids0.png\n");

        var grey = ManifestReader.Read(files.PathOf("grey.csv"), new ManifestOptions { Delimiter = ';', PathSeparator = '|' });
        Assert.AreEqual((2, 4), (grey.Annotators, grey.Classes));
        Assert.AreEqual(1f, grey.Images[1]);
        Assert.AreEqual(32768 / 65535f, grey.Images[2], 1e-7f);
        CollectionAssert.AreEqual(new byte[] { 0, 1, 2, 3 }, grey.Annotation(0, 0)[..4].ToArray());

        var colour = ManifestReader.Read(files.PathOf("rgb.csv"));
        Assert.AreEqual(3, colour.Channels);
        Assert.AreEqual(1f, colour.Images[12 + 1], "green plane, pixel 1");
    }

    [TestMethod]
    public void ARowNamingAMissingFileFails()
    {
        using var files = new ReaderTestFiles();
        files.Png("a.png", 6, 5, (y, x) => 1);
        File.WriteAllText(files.PathOf("data.csv"), "image,mask\na.png,gone.png\n");
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => ManifestReader.Read(files.PathOf("data.csv")));
        StringAssert.Contains(e.Message, "line 2");
        StringAssert.Contains(e.Message, "gone.png");
    }

    [TestMethod]
    public void AMaskOfAnotherSizeFails()
    {
        using var files = new ReaderTestFiles();
        files.Png("a.png", 6, 5, (y, x) => 1);
        WriteMask(files, "small.png", 255, width: 5);
        File.WriteAllText(files.PathOf("data.csv"), "image,mask\na.png,small.png\n");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => ManifestReader.Read(files.PathOf("data.csv")));
        StringAssert.Contains(e.Message, "small.png");
        StringAssert.Contains(e.Message, "5×5");
    }

    [TestMethod]
    public void ARowWithZeroAnnotatorsFails()
    {
        using var files = new ReaderTestFiles();
        files.Png("a.png", 6, 5, (y, x) => 1);
        WriteMask(files, "m.png", 255);
        File.WriteAllText(files.PathOf("data.csv"), "image,mask_0,mask_1\na.png,m.png,\na.png,,\n");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => ManifestReader.Read(files.PathOf("data.csv")));
        StringAssert.Contains(e.Message, "line 3");
        StringAssert.Contains(e.Message, "zero annotators");
    }

    [TestMethod]
    public void ImagesOfDifferentSizesFail()
    {
        using var files = new ReaderTestFiles();
        files.Png("a.png", 6, 5, (y, x) => 1);
        files.Png("b.png", 7, 5, (y, x) => 1);
        WriteMask(files, "m.png", 255);
        File.WriteAllText(files.PathOf("data.csv"), "image,mask\na.png,m.png\nb.png,m.png\n");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => ManifestReader.Read(files.PathOf("data.csv")));
        StringAssert.Contains(e.Message, "line 3");
        StringAssert.Contains(e.Message, "b.png");
    }

    [TestMethod]
    public void AMissingImageColumnIsNamed()
    {
        using var files = new ReaderTestFiles();
        File.WriteAllText(files.PathOf("data.csv"), "picture,mask\na.png,m.png\n");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => ManifestReader.Read(files.PathOf("data.csv")));
        StringAssert.Contains(e.Message, "'image'");
    }
}
