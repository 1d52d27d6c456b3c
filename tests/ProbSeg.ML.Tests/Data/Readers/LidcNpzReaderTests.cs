using System.IO.Compression;
using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using static ProbSeg.ML.Tests.Data.Readers.ReaderTestFiles;

namespace ProbSeg.ML.Tests.Data.Readers;

/// <summary>Reads a few rows of the shared LIDC npz (never the whole 120 MB) and small synthetic LIDC-shaped files.</summary>
[TestClass]
public sealed class LidcNpzReaderTests
{
    [TestMethod]
    public void FirstRowsHaveLidcShapeIdsAndValues()
    {
        var data = LidcNpzReader.Read(LidcFile("lidc_train.npz"), new DatasetReadOptions { MaxCount = 10 });

        Assert.AreEqual(10, data.Count);
        Assert.AreEqual(1, data.Channels);
        Assert.AreEqual(128, data.Height);
        Assert.AreEqual(128, data.Width);
        Assert.AreEqual(4, data.Annotators);
        Assert.AreEqual(2, data.Classes);
        Assert.AreEqual("LIDC-IDRI-0001/nodule-0/slice-0", data.Ids[0]);
        Assert.AreEqual("LIDC-IDRI-0001/nodule-0/slice-8", data.Ids[8]);
        Assert.AreEqual("LIDC-IDRI-0002/nodule-0/slice-0", data.Ids[9]);
        Assert.AreEqual("LIDC-IDRI-0001", data.Groups[0]);
        Assert.AreEqual("LIDC-IDRI-0002", data.Groups[9]);
        Assert.IsTrue(data.Images.All(v => v is >= 0f and <= 1f));
        Assert.AreEqual(1f, data.Images.Max(), "the crops are windowed to the full 0..255 range");
        Assert.IsTrue(data.Labels.All(v => v <= 1), "LIDC masks are {0,1}; no slot is missing");
        // Row 0's annotators outline 379, 0, 134 and 311 pixels (counted with numpy): an empty mask is a vote, kept.
        CollectionAssert.AreEqual(new[] { 379, 0, 134, 311 },
            Enumerable.Range(0, 4).Select(a => data.Annotation(0, a).ToArray().Count(v => v == 1)).ToArray());
        Assert.IsTrue(data.HasAnnotation(0, 1));
    }

    [TestMethod]
    public void SkipStreamsPastEarlierRows()
    {
        string path = LidcFile("lidc_train.npz");
        var head = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 12 });
        var tail = LidcNpzReader.Read(path, new DatasetReadOptions { Skip = 9, MaxCount = 3 });
        CollectionAssert.AreEqual(head.Ids[9..], tail.Ids);
        CollectionAssert.AreEqual(head.Images[(9 * 128 * 128)..], tail.Images);
        CollectionAssert.AreEqual(head.Labels[(9 * 4 * 128 * 128)..], tail.Labels);
    }

    [TestMethod]
    public void ScalingOptionsFollowTheirDefinitions()
    {
        string path = LidcFile("lidc_val.npz");
        var unit = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 2 });
        var centred = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 2, Scaling = ImageScaling.CenteredHalf });
        var standard = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 2, Scaling = ImageScaling.PerImageStandardise });
        var raw = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 2, Scaling = ImageScaling.None });

        Assert.IsTrue(unit.Images.Zip(centred.Images).All(p => Math.Abs(p.First - 0.5f - p.Second) < 1e-6f));
        Assert.IsTrue(unit.Images.Zip(raw.Images).All(p => Math.Abs(p.First * 255f - p.Second) < 1e-3f));
        Assert.IsTrue(raw.Images.All(v => v == MathF.Round(v)), "raw values are the stored uint8 levels");
        for (int i = 0; i < 2; i++)
        {
            var image = standard.Image(i).ToArray();
            double mean = image.Average(), variance = image.Select(v => (v - mean) * (v - mean)).Average();
            Assert.AreEqual(0, mean, 1e-4);     // float32 sums over 16k pixels
            Assert.AreEqual(1, variance, 1e-3);
        }
        Assert.AreEqual(unit.Ids[0], standard.Ids[0]);
    }

    [TestMethod]
    public void CropAndPoolShrinkImagesAndMasksTogether()
    {
        string path = LidcFile("lidc_train.npz");
        var full = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 1 });
        var small = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 1, CropSize = 64, PoolFactor = 2 });

        Assert.AreEqual(32, small.Height);
        Assert.AreEqual(32, small.Width);
        for (int y = 0; y < 32; y += 7)
            for (int x = 0; x < 32; x += 5)
            {
                // Output (y, x) averages the 2×2 block at (32 + 2y, 32 + 2x) of the full crop (64 centred in 128).
                int sy = 32 + 2 * y, sx = 32 + 2 * x;
                float mean = (full.Images[sy * 128 + sx] + full.Images[sy * 128 + sx + 1]
                              + full.Images[(sy + 1) * 128 + sx] + full.Images[(sy + 1) * 128 + sx + 1]) / 4;
                Assert.AreEqual(mean, small.Images[y * 32 + x], 1e-6f);
            }
        for (int a = 0; a < 4; a++)
        {
            int fullArea = full.Annotation(0, a).ToArray().Count(v => v == 1);
            int smallArea = small.Annotation(0, a).ToArray().Count(v => v == 1);
            // Majority pooling with ties to foreground keeps about a quarter of the nodule's area (all of it lies in the centre 64).
            Assert.AreEqual(fullArea / 4.0, smallArea, fullArea / 4.0 * 0.35 + 2, $"annotator {a}");
        }
    }

    [TestMethod]
    public void RejectsMaskValuesOtherThanZeroAndOne()
    {
        using var files = new ReaderTestFiles();
        var masks = new byte[2 * 4 * 16];
        masks[4 * 16 + 16 + 3] = 2; // row 1, annotator 1
        string path = SyntheticLidc(files, masks);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => LidcNpzReader.Read(path));
        StringAssert.Contains(e.Message, "masks.npy");
        StringAssert.Contains(e.Message, "row 1, annotator 1");
    }

    [TestMethod]
    public void ReadsASyntheticFileWithTheSameIdsAsTheRealOne()
    {
        using var files = new ReaderTestFiles();
        string path = SyntheticLidc(files, new byte[2 * 4 * 16]);
        var data = LidcNpzReader.Read(path, new DatasetReadOptions { Scaling = ImageScaling.CenteredHalf });
        CollectionAssert.AreEqual(new[] { "LIDC-IDRI-0042/nodule-3/slice-0", "LIDC-IDRI-0042/nodule-3/slice-1" }, data.Ids);
        Assert.AreEqual(-0.5f, data.Images[0]);
        Assert.AreEqual(15 / 255f - 0.5f, data.Images[15], 1e-6f);
    }

    [TestMethod]
    public void NamesTheMissingArray()
    {
        using var files = new ReaderTestFiles();
        string path = files.Npz("partial.npz", CompressionLevel.Fastest, ("images", Npy(new byte[16], "|u1", 1, 4, 4)));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => LidcNpzReader.Read(path));
        StringAssert.Contains(e.Message, "'masks'");
    }

    private static string SyntheticLidc(ReaderTestFiles files, byte[] masks) => files.Npz("lidc.npz", CompressionLevel.Fastest,
        ("images", Npy(Enumerable.Range(0, 32).Select(i => (byte)(i % 16)).ToArray(), "|u1", 2, 4, 4)),
        ("masks", Npy(masks, "|u1", 2, 4, 4, 4)),
        ("patient", Npy(new[] { 42, 42 }, "<i4", 2)),
        ("nodule", Npy(new[] { 3, 3 }, "<i4", 2)),
        ("slice", Npy(new[] { 0, 1 }, "<i4", 2)));
}
