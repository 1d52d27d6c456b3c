using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using static ProbSeg.ML.Tests.Data.Readers.ReaderTestFiles;

namespace ProbSeg.ML.Tests.Data.Readers;

[TestClass]
public sealed class LidcPngFolderReaderTests
{
    [TestMethod]
    public void ReadsTheSampleWithPatientIdsAndBinaryMasks()
    {
        var data = LidcPngFolderReader.Read(LidcFile("png-sample"));

        Assert.AreEqual(67, data.Count); // 9 + 28 + 30 slices of patients 1, 2, 3
        Assert.AreEqual((1, 128, 128, 4, 2), (data.Channels, data.Height, data.Width, data.Annotators, data.Classes));
        Assert.AreEqual("LIDC-IDRI-0001/nodule-0/slice-0", data.Ids[0]);
        Assert.AreEqual("LIDC-IDRI-0002/nodule-0/slice-10", data.Ids[9 + 10], "slices sort as numbers");
        CollectionAssert.AreEquivalent(new[] { "LIDC-IDRI-0001", "LIDC-IDRI-0002", "LIDC-IDRI-0003" }, data.Groups.Distinct().ToArray());
        Assert.IsTrue(data.Labels.All(v => v <= 1), "0/255 masks become {0,1}");
        Assert.IsTrue(data.Labels.Any(v => v == 1));
    }

    [TestMethod]
    public void PngSampleMatchesTheNpzRowForRow()
    {
        var png = LidcPngFolderReader.Read(LidcFile("png-sample"));
        // The sample's three patients are the first 67 rows of lidc_train.npz (patient/nodule/slice arrays).
        var npz = LidcNpzReader.Read(LidcFile("lidc_train.npz"), new DatasetReadOptions { MaxCount = 80 });
        var npzRow = npz.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);

        for (int i = 0; i < png.Count; i++)
        {
            Assert.IsTrue(npzRow.TryGetValue(png.Ids[i], out int j), $"{png.Ids[i]} is not among the npz's first rows");
            Assert.AreEqual(png.Groups[i], npz.Groups[j]);
            Assert.IsTrue(png.Image(i).SequenceEqual(npz.Image(j)), $"image {png.Ids[i]} differs");
            Assert.IsTrue(png.Annotations(i).SequenceEqual(npz.Annotations(j)), $"masks of {png.Ids[i]} differ");
        }
    }

    [TestMethod]
    public void MaxCountAndPoolingApplyToFolders()
    {
        var data = LidcPngFolderReader.Read(LidcFile("png-sample"), new DatasetReadOptions { Skip = 9, MaxCount = 3, PoolFactor = 4 });
        Assert.AreEqual(3, data.Count);
        Assert.AreEqual(32, data.Height);
        Assert.AreEqual("LIDC-IDRI-0002/nodule-0/slice-0", data.Ids[0]);
    }

    [TestMethod]
    public void AMissingMaskFileIsNamed()
    {
        using var files = new ReaderTestFiles();
        string nodule = "LIDC-IDRI-0007/nodule-0";
        files.Png($"{nodule}/images/slice-0.png", 8, 8, (y, x) => (byte)(y * 8 + x));
        files.Png($"{nodule}/mask-0/slice-0.png", 8, 8, (y, x) => 0);
        Directory.CreateDirectory(files.PathOf($"{nodule}/mask-1/placeholder"));
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => LidcPngFolderReader.Read(files.Root));
        StringAssert.Contains(e.Message, Path.Combine("mask-1", "slice-0.png"));
    }

    [TestMethod]
    public void AMaskOfAnotherSizeIsNamed()
    {
        using var files = new ReaderTestFiles();
        string nodule = "LIDC-IDRI-0007/nodule-0";
        files.Png($"{nodule}/images/slice-0.png", 8, 8, (y, x) => 1);
        string mask = files.Png($"{nodule}/mask-0/slice-0.png", 8, 6, (y, x) => 255);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => LidcPngFolderReader.Read(files.Root));
        StringAssert.Contains(e.Message, mask);
        StringAssert.Contains(e.Message, "8×6");
    }

    [TestMethod]
    public void NodulesWithFewerMaskFoldersGetMissingSlots()
    {
        using var files = new ReaderTestFiles();
        files.Png("LIDC-IDRI-0001/nodule-0/images/slice-0.png", 4, 4, (y, x) => 9);
        files.Png("LIDC-IDRI-0001/nodule-0/mask-0/slice-0.png", 4, 4, (y, x) => 255);
        files.Png("LIDC-IDRI-0001/nodule-0/mask-1/slice-0.png", 4, 4, (y, x) => 0);
        files.Png("LIDC-IDRI-0001/nodule-1/images/slice-0.png", 4, 4, (y, x) => 9);
        files.Png("LIDC-IDRI-0001/nodule-1/mask-0/slice-0.png", 4, 4, (y, x) => 0);
        var data = LidcPngFolderReader.Read(files.Root);
        Assert.AreEqual(2, data.Annotators);
        CollectionAssert.AreEqual(new[] { 0, 1 }, data.PresentAnnotators(0));
        CollectionAssert.AreEqual(new[] { 0 }, data.PresentAnnotators(1));
        Assert.AreEqual(AmbiguousDataset.MissingAnnotation, data.Annotation(1, 1)[0]);
    }
}
