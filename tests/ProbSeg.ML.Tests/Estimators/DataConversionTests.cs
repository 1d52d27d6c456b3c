using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Estimators;

namespace ProbSeg.ML.Tests.Estimators;

[TestClass]
public sealed class DataConversionTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    public void DatasetRoundTripsThroughAnIDataView()
    {
        var labels = EstimatorTestData.Squares(5).Labels;
        labels.AsSpan(3 * 512 + 256, 256).Fill(AmbiguousDataset.MissingAnnotation); // image 3 lost its second annotator
        var original = new AmbiguousDataset(EstimatorTestData.Squares(5).Images, labels, 5, 1, 16, 16, 2, 3,
            ids: ["a", "b", "c", "d", "e"], groups: ["p1", "p1", "p2", "p2", "p3"]);
        IDataView view = _ml.Segmentation().Data.FromDataset(original);

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16), view.Schema["Image"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Byte, 2, 16, 16), view.Schema["Label"].Type);
        var groups = _ml.Data.CreateEnumerable<IdRow>(view, reuseRowObject: false).Select(r => r.Group).ToArray();
        CollectionAssert.AreEqual(original.Groups, groups);

        var back = _ml.Segmentation().Data.ToDataset(view, classes: 3);
        CollectionAssert.AreEqual(original.Images, back.Images);
        CollectionAssert.AreEqual(original.Labels, back.Labels);
        Assert.AreEqual(3, back.Classes);
        Assert.IsFalse(back.HasAnnotation(3, 1));
        Assert.IsTrue(back.HasAnnotation(3, 0));
    }

    [TestMethod]
    public void FloatAndIntegerLabelsWithMinusOneForAnAbsentAnnotator()
    {
        float[] floatSlots = [.. Enumerable.Repeat(2f, 256), .. Enumerable.Repeat(-1f, 256)];
        var floats = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16), [new float[256]],
            new VectorDataViewType(NumberDataViewType.Single, 2, 16, 16), [floatSlots]);
        var fromFloats = _ml.Segmentation().Data.ToDataset(floats);
        Assert.AreEqual(3, fromFloats.Classes, "inferred as the largest id + 1");
        Assert.IsTrue(fromFloats.Annotation(0, 0).ToArray().All(v => v == 2));
        Assert.IsFalse(fromFloats.HasAnnotation(0, 1));

        int[] intSlots = [.. Enumerable.Repeat(1, 256), .. Enumerable.Repeat(255, 256)];
        var ints = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16), [new float[256]],
            new VectorDataViewType(NumberDataViewType.Int32, 2, 16, 16), [intSlots]);
        var fromInts = _ml.Segmentation().Data.ToDataset(ints);
        Assert.AreEqual(2, fromInts.Classes);
        Assert.IsFalse(fromInts.HasAnnotation(0, 1));
    }

    [TestMethod]
    public void FractionalLabelIsRejected()
    {
        var labels = new float[256];
        labels[17] = 0.5f;
        var data = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16), [new float[256]],
            new VectorDataViewType(NumberDataViewType.Single, 16, 16), [labels]);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => _ml.Segmentation().Data.ToDataset(data));
        StringAssert.StartsWith(e.Message, "Label column 'Label' row 0 annotator slot 0 holds 0.5 at pixel (y=1, x=1); labels must be whole class ids");
    }

    [TestMethod]
    public void FlatImageVectors()
    {
        var flatLabel = new VectorDataViewType(NumberDataViewType.Byte, 256);
        var square = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 256), [new float[256]], flatLabel, [new byte[256]]);
        var inferred = _ml.Segmentation().Data.ToDataset(square);
        Assert.AreEqual((1, 16, 16, 1), (inferred.Channels, inferred.Height, inferred.Width, inferred.Annotators));

        var twoChannels = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 2 * 8 * 16), [new float[256]],
            new VectorDataViewType(NumberDataViewType.Byte, 3 * 8 * 16), [new byte[384]]);
        var declared = _ml.Segmentation().Data.ToDataset(twoChannels, imageShape: new ImageShape(2, 8, 16));
        Assert.AreEqual((2, 8, 16, 3), (declared.Channels, declared.Height, declared.Width, declared.Annotators));

        var notSquare = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 200), [new float[200]],
            new VectorDataViewType(NumberDataViewType.Byte, 200), [new byte[200]]);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ml.Segmentation().Data.ToDataset(notSquare));
        StringAssert.Contains(e.Message, "Schema mismatch for image column 'Image': expected a vector with dimensions [C, H, W], or a flat square " +
            "single-channel image (or set ImageShape), got a flat vector of 200 values.");
    }

    [TestMethod]
    public void LoadSyntheticGivesTheGeneratorsData()
    {
        var options = new SyntheticOptions { Count = 6, ImageSize = 16, Seed = 5 };
        var view = _ml.Segmentation().Data.LoadSynthetic(options);
        var expected = SyntheticAmbiguousData.Generate(options).Dataset;
        var back = _ml.Segmentation().Data.ToDataset(view, classes: expected.Classes);
        CollectionAssert.AreEqual(expected.Images, back.Images);
        CollectionAssert.AreEqual(expected.Labels, back.Labels);
        Assert.AreEqual(4, back.Annotators);
    }

    public sealed class IdRow
    {
        public string Id { get; set; } = "";
        public string Group { get; set; } = "";
    }
}
