using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Tests.Data.Readers;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>The catalog's loaders hand the engine readers' data to ML.NET with the documented columns.</summary>
[TestClass]
public sealed class DataLoadingTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    public void LoadLidcNpzGivesImageLabelAndPatientGroups()
    {
        string path = ReaderTestFiles.LidcFile("lidc_val.npz");
        IDataView view = _ml.Segmentation().Data.LoadLidcNpz(path, new DatasetReadOptions { MaxCount = 3 });

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 1, 128, 128), view.Schema["Image"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Byte, 4, 128, 128), view.Schema["Label"].Type);
        var rows = _ml.Data.CreateEnumerable<DataConversionTests.IdRow>(view, reuseRowObject: false).ToArray();
        Assert.HasCount(3, rows);
        Assert.IsTrue(rows.All(r => r.Group.StartsWith("LIDC-IDRI-", StringComparison.Ordinal) && r.Id.StartsWith(r.Group, StringComparison.Ordinal)),
            string.Join(", ", rows.Select(r => $"{r.Id} ({r.Group})")));

        var expected = LidcNpzReader.Read(path, new DatasetReadOptions { MaxCount = 3 });
        var back = _ml.Segmentation().Data.ToDataset(view, classes: 2);
        CollectionAssert.AreEqual(expected.Labels, back.Labels);
        CollectionAssert.AreEqual(expected.Images, back.Images);
    }

    [TestMethod]
    public void LoadLidcPngsReadsTheFolderLayout()
    {
        string root = ReaderTestFiles.LidcFile("png-sample");
        IDataView view = _ml.Segmentation().Data.LoadLidcPngs(root, new DatasetReadOptions { MaxCount = 2 });
        var labels = EstimatorTestData.Column<byte>(view, "Label");
        Assert.HasCount(2, labels);
        Assert.IsTrue(labels.All(l => l.Length == 4 * 128 * 128 && l.All(v => v <= 1 || v == 255)));
    }
}
