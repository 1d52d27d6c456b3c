using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>Bad input gets an exception that names the column and the expected versus actual shape, type or value.</summary>
[TestClass]
public sealed class InputValidationTests
{
    private static readonly DataViewType Image16 = new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16);
    private static readonly DataViewType Labels2 = new VectorDataViewType(NumberDataViewType.Byte, 2, 16, 16);
    private readonly MLContext _ml = new(seed: 1);

    private static float[][] Images(int count) => Enumerable.Range(0, count).Select(_ => new float[256]).ToArray();
    private static byte[][] Labels(int count) => Enumerable.Range(0, count).Select(_ => new byte[512]).ToArray();

    private DeterministicUNetTrainer Trainer(DeterministicUNetOptions? options = null) =>
        _ml.Segmentation().Trainers.DeterministicUNet(options ?? EstimatorTestData.FastOptions());

    [TestMethod]
    public void MissingImageColumn()
    {
        var options = EstimatorTestData.FastOptions();
        options.ImageColumnName = "Pixels";
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer(options).Fit(EstimatorTestData.SquaresView(_ml, 2)));
        StringAssert.Contains(e.Message, "Schema mismatch for image column 'Pixels': not found.");
    }

    [TestMethod]
    public void MissingLabelColumnInGetOutputSchema()
    {
        var options = EstimatorTestData.FastOptions();
        options.LabelColumnName = "Masks";
        var schema = SchemaShapeOf(EstimatorTestData.SquaresView(_ml, 1));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer(options).GetOutputSchema(schema));
        StringAssert.Contains(e.Message, "Schema mismatch for label column 'Masks': not found.");
    }

    [TestMethod]
    public void ImageOfTheWrongItemType()
    {
        var data = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Double, 1, 16, 16), [new double[256]], Labels2, Labels(1));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer().Fit(data));
        StringAssert.Contains(e.Message, "Schema mismatch for image column 'Image': expected a known-size vector of Single, got Vector<Double, 1, 16, 16>.");
    }

    [TestMethod]
    public void LabelPlaneOfTheWrongSize()
    {
        var data = EstimatorTestData.Custom(_ml, Image16, Images(1), new VectorDataViewType(NumberDataViewType.Byte, 2, 8, 8), [new byte[128]]);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer().Fit(data));
        StringAssert.Contains(e.Message, "Schema mismatch for label column 'Label': expected a vector with dimensions [A, 16, 16] (annotators × image plane), got dimensions [2, 8, 8].");
    }

    [TestMethod]
    public void TransformerGivenAnImageOfAnotherShape()
    {
        using var model = Trainer().Fit(EstimatorTestData.SquaresView(_ml, 8));
        var data = EstimatorTestData.Custom(_ml, new VectorDataViewType(NumberDataViewType.Single, 1, 32, 32), [new float[1024]], Labels2, Labels(1));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(data));
        StringAssert.Contains(e.Message, "Schema mismatch for image column 'Image': expected shape [1, 16, 16] (the model's input shape), got a vector with dimensions [1, 32, 32].");
    }

    [TestMethod]
    public void LabelAtOrAboveTheClassCount()
    {
        var labels = Labels(2);
        labels[1][256 + 3 * 16 + 5] = 2; // row 1, annotator slot 1, pixel (y=3, x=5)
        var options = EstimatorTestData.FastOptions();
        options.Classes = 2;
        var data = EstimatorTestData.Custom(_ml, Image16, Images(2), Labels2, labels);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Trainer(options).Fit(data));
        Assert.AreEqual("Label column 'Label' row 1 annotator slot 1 holds class 2 at pixel (y=3, x=5); class ids must be in [0, 2) (Classes = 2).", e.Message);
    }

    [TestMethod]
    public void NaNInAnImage()
    {
        var images = Images(3);
        images[2][16 + 4] = float.NaN;
        var data = EstimatorTestData.Custom(_ml, Image16, images, Labels2, Labels(3));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Trainer().Fit(data));
        Assert.AreEqual("Image column 'Image' row 2 holds NaN at channel 0, pixel (y=1, x=4); images must be finite (no NaN or infinity).", e.Message);
    }

    [TestMethod]
    public void NaNInAnImageAtTransformTime()
    {
        using var model = Trainer().Fit(EstimatorTestData.SquaresView(_ml, 8));
        var images = Images(1);
        images[0][255] = float.PositiveInfinity;
        var scored = model.Transform(EstimatorTestData.Custom(_ml, Image16, images, Labels2, Labels(1)));
        // ML.NET may read a transform with parallel cursors, which wrap a worker's exception; ours is the innermost.
        Exception e = Assert.ThrowsExactly<InvalidOperationException>(() => EstimatorTestData.Column<float>(scored, "Score"));
        while (e.InnerException is not null) e = e.InnerException;
        Assert.IsInstanceOfType<InvalidOperationException>(e);
        StringAssert.Contains(e.Message, "Image column 'Image' row 0 holds Infinity at channel 0, pixel (y=15, x=15)");
    }

    [TestMethod]
    public void EmptyDataView()
    {
        var data = EstimatorTestData.Custom(_ml, Image16, Images(0), Labels2, Labels(0));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Trainer().Fit(data));
        Assert.AreEqual("The training data is empty: it has no rows to read from columns 'Image' and 'Label'.", e.Message);
    }

    [TestMethod]
    public void AnnotatorSlotOnlyPartlyMarkedMissing()
    {
        var labels = Labels(1);
        labels[0].AsSpan(256, 200).Fill(255); // slot 1 starts with the marker but ends with zeros
        var data = EstimatorTestData.Custom(_ml, Image16, Images(1), Labels2, labels);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Trainer().Fit(data));
        StringAssert.Contains(e.Message, "row 0 annotator slot 1 starts with the missing-annotation marker but pixel (y=12, x=8) holds 0");
    }

    [TestMethod]
    public void ImageTooSmallForTheUNetDepth()
    {
        var options = EstimatorTestData.FastOptions();
        options.UNetChannels = [4, 4, 4, 4, 4, 4]; // five halvings: 16 is not divisible by 32
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer(options).Fit(EstimatorTestData.SquaresView(_ml, 2)));
        Assert.AreEqual("UNetChannels", e.ParamName);
        StringAssert.Contains(e.Message, "Images of shape [1, 16, 16] do not fit: height and width must be divisible by 32");
    }

    [TestMethod]
    public void OptionOutOfRange()
    {
        var options = EstimatorTestData.FastOptions();
        options.NumberOfSamples = 0;
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer(options));
        Assert.AreEqual("NumberOfSamples", e.ParamName);
    }

    [TestMethod]
    public void GetOutputSchemaAddsTheOutputs()
    {
        var shape = Trainer().GetOutputSchema(SchemaShapeOf(EstimatorTestData.SquaresView(_ml, 1)));
        var names = shape.Select(c => c.Name).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "Image", "Label", "Score", "PredictedLabel", "Samples", "Uncertainty" }, names);
        var samples = shape.Single(c => c.Name == "Samples");
        Assert.AreEqual(NumberDataViewType.Byte, samples.ItemType);
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, samples.Kind);
    }

    // SchemaShape.Create is internal to ML.NET (estimator chains call it before Fit); tests reach it by reflection.
    private static SchemaShape SchemaShapeOf(IDataView data) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [data.Schema])!;

    [TestMethod]
    public void EstimatorChainChecksTheSchemaBeforeTraining()
    {
        var options = EstimatorTestData.FastOptions();
        options.ImageColumnName = "Copy";
        var pipeline = _ml.Transforms.Conversion.ConvertType("Copy", "Image", DataKind.Double).Append(Trainer(options));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pipeline.Fit(EstimatorTestData.SquaresView(_ml, 2)));
        StringAssert.Contains(e.Message, "Schema mismatch for image column 'Copy': expected a known-size vector of Single, got vector of Double.");
    }
}
