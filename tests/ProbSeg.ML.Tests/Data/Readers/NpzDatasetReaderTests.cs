using System.IO.Compression;
using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using static ProbSeg.ML.Tests.Data.Readers.ReaderTestFiles;

namespace ProbSeg.ML.Tests.Data.Readers;

[TestClass]
public sealed class NpzDatasetReaderTests
{
    // Two 3×4 images; masks from three annotators.
    private static readonly byte[] Pixels = Enumerable.Range(0, 24).Select(i => (byte)(i * 10)).ToArray();

    private static byte[] AnnotatorsFirstMasks() =>
        Enumerable.Range(0, 2 * 3 * 12).Select(i => (byte)(i / 12 % 3 == 1 && i % 12 < 5 ? 1 : 0)).ToArray();

    [TestMethod]
    public void ReadsAnnotatorsFirstWithGroups()
    {
        using var files = new ReaderTestFiles();
        string path = files.Npz("d.npz", CompressionLevel.Optimal,
            ("x", Npy(Pixels, "|u1", 2, 3, 4)), ("y", Npy(AnnotatorsFirstMasks(), "|u1", 2, 3, 3, 4)),
            ("case", Npy(new long[] { 101, 102 }, "<i8", 2)), ("patient", Npy(new[] { 7, 7 }, "<i4", 2)));

        var data = NpzDatasetReader.Read(path, new NpzDatasetOptions { ImageArray = "x", MaskArray = "y", IdArray = "case", GroupArray = "patient" });

        Assert.AreEqual((2, 1, 3, 4, 3, 2), (data.Count, data.Channels, data.Height, data.Width, data.Annotators, data.Classes));
        CollectionAssert.AreEqual(new[] { "101", "102" }, data.Ids);
        CollectionAssert.AreEqual(new[] { "7", "7" }, data.Groups);
        Assert.AreEqual(230 / 255f, data.Images[23], 1e-6f);
        CollectionAssert.AreEqual(new byte[] { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 }, data.Annotation(1, 1).ToArray());
        Assert.IsTrue(data.Annotation(1, 2).ToArray().All(v => v == 0));
    }

    [TestMethod]
    public void AnnotatorsLastAndChannelsLastMatchTheFirstLayouts()
    {
        using var files = new ReaderTestFiles();
        var masksFirst = AnnotatorsFirstMasks();
        var masksLast = new byte[masksFirst.Length];
        for (int n = 0; n < 2; n++)
            for (int a = 0; a < 3; a++)
                for (int p = 0; p < 12; p++)
                    masksLast[n * 36 + p * 3 + a] = (byte)(masksFirst[n * 36 + a * 12 + p] * 255);
        var rgbLast = new float[2 * 12 * 3];
        for (int i = 0; i < rgbLast.Length; i++) rgbLast[i] = i;
        string first = files.Npz("first.npz", CompressionLevel.NoCompression,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(masksFirst, "|u1", 2, 3, 3, 4)));
        string last = files.Npz("last.npz", CompressionLevel.NoCompression,
            ("images", Npy(rgbLast, "<f4", 2, 3, 4, 3)), ("masks", Npy(masksLast, "|u1", 2, 3, 4, 3)));

        var a1 = NpzDatasetReader.Read(first);
        // (2,3,4,3) images with (2,3,4,3) masks also read as channels/annotators first with H=4, W=3: the reader asks.
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(last));
        StringAssert.Contains(e.Message, "more than one layout");
        var a2 = NpzDatasetReader.Read(last, new NpzDatasetOptions { ImageLayout = ImageLayout.ChannelsLast, MaskLayout = MaskLayout.AnnotatorsLast });

        CollectionAssert.AreEqual(a1.Labels, a2.Labels, "0/255 in (N,H,W,A) equals 0/1 in (N,A,H,W)");
        Assert.AreEqual(3, a2.Channels);
        Assert.AreEqual(3f, a2.Images[1], "channel 0, pixel 1 of a channels-last float image; floats are kept as stored");
        Assert.AreEqual(1f, a2.Images[12], "channel 1, pixel 0");
    }

    [TestMethod]
    public void SingleAnnotatorClassIdsAndMissingSlots()
    {
        using var files = new ReaderTestFiles();
        var ids = new int[2 * 12];
        ids[3] = 2;
        ids[15] = 1;
        string single = files.Npz("single.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(ids, "<i4", 2, 3, 4)));
        var data = NpzDatasetReader.Read(single);
        Assert.AreEqual((1, 3), (data.Annotators, data.Classes));
        Assert.AreEqual(2, data.Annotation(0, 0)[3]);

        var withMissing = new long[2 * 2 * 12];
        Array.Fill(withMissing, -1, 12, 12); // image 0, annotator 1 absent
        string missing = files.Npz("missing.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(withMissing, "<i8", 2, 2, 3, 4)));
        var sparse = NpzDatasetReader.Read(missing, new NpzDatasetOptions { MissingMaskValue = -1 });
        CollectionAssert.AreEqual(new[] { 0 }, sparse.PresentAnnotators(0));
        CollectionAssert.AreEqual(new[] { 0, 1 }, sparse.PresentAnnotators(1));
    }

    [TestMethod]
    public void ARowWithZeroAnnotatorsIsAnError()
    {
        using var files = new ReaderTestFiles();
        var masks = new long[2 * 2 * 12];
        Array.Fill(masks, -1, 24, 24); // image 1: both slots absent
        string path = files.Npz("none.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(masks, "<i8", 2, 2, 3, 4)));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(path, new NpzDatasetOptions { MissingMaskValue = -1 }));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "row 1");
        StringAssert.Contains(e.Message, "no annotation");
    }

    [TestMethod]
    public void AMaskOfAnotherSizeIsNamed()
    {
        using var files = new ReaderTestFiles();
        string path = files.Npz("sizes.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(new byte[2 * 2 * 9], "|u1", 2, 2, 3, 3)));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(path));
        StringAssert.Contains(e.Message, "masks.npy");
        StringAssert.Contains(e.Message, "mask size differs");
    }

    [TestMethod]
    public void BadMaskValuesAndFractionsAreNamed()
    {
        using var files = new ReaderTestFiles();
        var masks = new byte[2 * 12];
        masks[13] = 255;
        masks[14] = 3; // a mask mixing 3 and 255 is neither binary nor class ids
        string path = files.Npz("bad.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(masks, "|u1", 2, 3, 4)));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(path));
        StringAssert.Contains(e.Message, "row 1, annotator 0");
        StringAssert.Contains(e.Message, "255");
        Assert.AreEqual(1, NpzDatasetReader.Read(path, new NpzDatasetOptions { MaskValues = MaskValues.Binary }).Annotation(1, 0)[2]);

        var e2 = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(path, new NpzDatasetOptions { MaskValues = MaskValues.ClassIds, Classes = 2, MaxCount = 1, Skip = 1 }));
        StringAssert.Contains(e2.Message, "255");

        string fractions = files.Npz("soft.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(Enumerable.Repeat(0.5f, 24).ToArray(), "<f4", 2, 3, 4)));
        var e3 = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(fractions));
        StringAssert.Contains(e3.Message, "whole number");
    }

    [TestMethod]
    public void GivenClassCountIsEnforced()
    {
        using var files = new ReaderTestFiles();
        var ids = new byte[2 * 12];
        ids[5] = 3;
        string path = files.Npz("k.npz", CompressionLevel.Fastest,
            ("images", Npy(Pixels, "|u1", 2, 3, 4)), ("masks", Npy(ids, "|u1", 2, 3, 4)));
        Assert.AreEqual(4, NpzDatasetReader.Read(path).Classes);
        Assert.AreEqual(6, NpzDatasetReader.Read(path, new NpzDatasetOptions { Classes = 6 }).Classes);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzDatasetReader.Read(path, new NpzDatasetOptions { Classes = 3 }));
        StringAssert.Contains(e.Message, "Classes = 3");
        StringAssert.Contains(e.Message, "row 0, annotator 0");
    }
}
