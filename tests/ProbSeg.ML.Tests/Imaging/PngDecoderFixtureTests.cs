using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Imaging;

/// <summary>Decodes PNGs written outside this project (Fixtures/make_fixtures.py, checked against Pillow) and compares
/// every sample with what Pillow decoded.</summary>
[TestClass]
public sealed class PngDecoderFixtureTests
{
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Imaging", "Fixtures", name);

    [TestMethod]
    [DataRow("grey1", 1, 1)]
    [DataRow("grey2", 1, 2)]
    [DataRow("grey4", 1, 4)]
    [DataRow("grey8", 1, 8)]
    [DataRow("grey16", 1, 16)]
    [DataRow("greyalpha8", 2, 8)]
    [DataRow("greyalpha16", 2, 16)]
    [DataRow("rgb8", 3, 8)]
    [DataRow("rgb16", 3, 16)]
    [DataRow("rgba8", 4, 8)]
    [DataRow("rgba16", 4, 16)]
    [DataRow("palette2_trns", 4, 8)]
    [DataRow("palette8", 3, 8)]
    [DataRow("pillow_grey8", 1, 8)]
    [DataRow("pillow_grey16", 1, 16)]
    public void DecodesLikePillow(string name, int channels, int bitDepth)
    {
        var image = PngDecoder.Load(Fixture(name + ".png"));
        var expected = NpyReader.Read(Fixture(name + ".expected.npy"));

        Assert.AreEqual(13, image.Width);
        Assert.AreEqual(7, image.Height);
        Assert.AreEqual(channels, image.Channels);
        Assert.AreEqual(bitDepth, image.BitDepth);
        CollectionAssert.AreEqual(new long[] { 7, 13, channels }, expected.Shape.ToArray());
        CollectionAssert.AreEqual(expected.ToInt64(), image.Samples.Select(s => (long)s).ToArray());
    }

    [TestMethod]
    public void PaletteIndicesAreKeptWhenExpansionIsOff()
    {
        var image = PngDecoder.Load(Fixture("palette2_trns.png"), expandPalette: false);
        var indices = NpyReader.Read(Fixture("palette2_trns.indices.npy"));

        Assert.IsTrue(image.IsPaletteIndexed);
        Assert.AreEqual(1, image.Channels);
        Assert.AreEqual(2, image.BitDepth);
        Assert.AreEqual(PngColorType.Palette, image.SourceColorType);
        CollectionAssert.AreEqual(indices.ToInt64(), image.Samples.Select(s => (long)s).ToArray());
    }

    [TestMethod]
    public void SixteenBitSamplesKeepTheirFullRange()
    {
        var image = PngDecoder.Load(Fixture("pillow_grey16.png"));
        Assert.AreEqual(65535, image.MaxValue);
        Assert.IsTrue(image.Samples.Max() > 255, "16-bit values must not be cut to 8 bits");
        var planar = image.ToPlanar(divisor: 65535f);
        Assert.AreEqual(image[3, 5] / 65535f, planar[3 * 13 + 5], 1e-7f);
    }

    [TestMethod]
    public void ReadsTheLidcSliceSample()
    {
        string path = ProbSeg.ML.Tests.Data.Readers.ReaderTestFiles.LidcFile(
            Path.Combine("png-sample", "LIDC-IDRI-0003", "nodule-2", "images", "slice-0.png"));
        var image = PngDecoder.Load(path);
        Assert.AreEqual(128, image.Width);
        Assert.AreEqual(128, image.Height);
        Assert.AreEqual(1, image.Channels);
        Assert.AreEqual(8, image.BitDepth);
        Assert.IsTrue(image.Samples.Distinct().Count() > 50, "a CT crop has many grey levels");
    }
}
