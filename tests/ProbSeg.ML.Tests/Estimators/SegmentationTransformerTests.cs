using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Networks;

namespace ProbSeg.ML.Tests.Estimators;

[TestClass]
public sealed class SegmentationTransformerTests
{
    private static MLContext _ml = null!;
    private static SegmentationTransformer _model = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext _)
    {
        _ml = new MLContext(seed: 1);
        _model = _ml.Segmentation().Trainers.DeterministicUNet(EstimatorTestData.FastOptions()).Fit(EstimatorTestData.SquaresView(_ml));
    }

    [ClassCleanup]
    public static void Release() => _model.Dispose();

    [TestMethod]
    public void TransformAddsTheFourColumnsWithTheirShapes()
    {
        var data = EstimatorTestData.Squares(3, seed: 5);
        IDataView scored = _model.Transform(_ml.Segmentation().Data.FromDataset(data));

        AssertVector(scored.Schema["Score"], NumberDataViewType.Single, 2, 16, 16);
        AssertVector(scored.Schema["PredictedLabel"], NumberDataViewType.Byte, 16, 16);
        AssertVector(scored.Schema["Samples"], NumberDataViewType.Byte, 4, 16, 16);
        AssertVector(scored.Schema["Uncertainty"], NumberDataViewType.Single, 16, 16);

        var score = EstimatorTestData.Column<float>(scored, "Score");
        var predicted = EstimatorTestData.Column<byte>(scored, "PredictedLabel");
        var uncertainty = EstimatorTestData.Column<float>(scored, "Uncertainty");
        Assert.HasCount(3, score);
        for (int i = 0; i < 3; i++)
        {
            // The row's outputs are the engine's prediction for that row's image (right image, right order).
            var direct = _model.Sample(data.Image(i), 4);
            CollectionAssert.AreEqual(direct.ScoreOf(0).ToArray(), score[i]);
            CollectionAssert.AreEqual(direct.PredictedLabelOf(0).ToArray(), predicted[i]);
            CollectionAssert.AreEqual(direct.UncertaintyOf(0).ToArray(), uncertainty[i]);
            for (int p = 0; p < 256; p++)
                Assert.AreEqual(1f, score[i][p] + score[i][256 + p], 1e-5f, "class probabilities sum to 1 per pixel");
        }
    }

    [TestMethod]
    public void ReadingAllFourColumnsRunsTheModelOncePerRow()
    {
        var unet = _model.Model.children().OfType<UNet>().Single();
        IDataView scored = _model.Transform(EstimatorTestData.SquaresView(_ml, count: 3));
        var columns = OutputColumns(scored);
        long before = unet.ForwardCalls;
        int rows = 0;
        using (var cursor = scored.GetRowCursor(columns))
        {
            var getters = columns.Select(c => c.Type is VectorDataViewType { ItemType: NumberDataViewType n } && n.RawType == typeof(float)
                ? (Action)Getter<float>(cursor, c) : Getter<byte>(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                foreach (var get in getters) get();
                foreach (var get in getters) get(); // again: served from the row cache
                rows++;
            }
        }
        // The deterministic U-Net runs its backbone once per forward pass, and the transformer once per row.
        Assert.AreEqual(3, rows);
        Assert.AreEqual(3, unet.ForwardCalls - before);
    }

    [TestMethod]
    public void ChainsWithMlNetTransformsOnBothSides()
    {
        var ml = new MLContext(seed: 2);
        var options = EstimatorTestData.FastOptions();
        options.ImageColumnName = "Pixels";
        var pipeline = ml.Transforms.CopyColumns("Pixels", "Image")
            .Append(ml.Segmentation().Trainers.DeterministicUNet(options))
            .Append(ml.Transforms.CopyColumns("MeanProbabilities", "Score"));
        var data = EstimatorTestData.SquaresView(ml);
        using var model = pipeline.Fit(data);
        IDataView scored = model.Transform(data);

        var segmentation = (SegmentationTransformer)model.ToArray()[1];
        Assert.AreEqual("Pixels", segmentation.ImageColumnName);
        var copied = EstimatorTestData.Column<float>(scored, "MeanProbabilities");
        var dataset = EstimatorTestData.Squares();
        Assert.HasCount(dataset.Count, copied);
        CollectionAssert.AreEqual(segmentation.Sample(dataset.Image(7), 4).ScoreOf(0).ToArray(), copied[7]);
    }

    [TestMethod]
    public void PredictionEngineGivesTheSameOutputsAsTransform()
    {
        var data = EstimatorTestData.Squares(2, seed: 9);
        var engine = _ml.Model.CreatePredictionEngine<ImageInput, SegmentationOutput>(_model);
        var scored = _model.Transform(_ml.Segmentation().Data.FromDataset(data));
        var samples = EstimatorTestData.Column<byte>(scored, "Samples");
        var score = EstimatorTestData.Column<float>(scored, "Score");
        for (int i = 1; i >= 0; i--) // reverse order: the engine's row cache must follow its inputs
        {
            var output = engine.Predict(new ImageInput { Image = data.Image(i).ToArray() });
            CollectionAssert.AreEqual(score[i], output.Score);
            CollectionAssert.AreEqual(samples[i], output.Samples);
            Assert.HasCount(256, output.PredictedLabel);
            Assert.HasCount(256, output.Uncertainty);
        }
    }

    [TestMethod]
    public void OutputColumnNamesAreConfigurable()
    {
        var ml = new MLContext(seed: 3);
        var options = EstimatorTestData.FastOptions();
        options.Epochs = 1;
        options.ScoreColumnName = "P";
        options.PredictedLabelColumnName = "Mask";
        options.SamplesColumnName = "Draws";
        options.UncertaintyColumnName = "Entropy";
        options.NumberOfSamples = 2;
        using var model = ml.Segmentation().Trainers.DeterministicUNet(options).Fit(EstimatorTestData.SquaresView(ml, 8));
        var schema = model.GetOutputSchema(EstimatorTestData.SquaresView(ml, 1).Schema);
        AssertVector(schema["P"], NumberDataViewType.Single, 2, 16, 16);
        AssertVector(schema["Mask"], NumberDataViewType.Byte, 16, 16);
        AssertVector(schema["Draws"], NumberDataViewType.Byte, 2, 16, 16);
        AssertVector(schema["Entropy"], NumberDataViewType.Single, 16, 16);
        Assert.IsNull(schema.GetColumnOrNull("Score"));
    }

    internal static DataViewSchema.Column[] OutputColumns(IDataView scored) =>
        new[] { "Score", "PredictedLabel", "Samples", "Uncertainty" }.Select(n => scored.Schema[n]).ToArray();

    private static Action Getter<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        return () => getter(ref buffer);
    }

    private static void AssertVector(DataViewSchema.Column column, DataViewType itemType, params int[] dimensions)
    {
        var type = column.Type as VectorDataViewType;
        Assert.IsNotNull(type, $"{column.Name} is {column.Type}");
        Assert.AreEqual(itemType, type.ItemType, column.Name);
        CollectionAssert.AreEqual(dimensions, type.Dimensions.ToArray(), column.Name);
    }

    public sealed class ImageInput
    {
        [VectorType(1, 16, 16)]
        public float[] Image { get; set; } = [];
    }

    public sealed class SegmentationOutput
    {
        public float[] Score { get; set; } = [];
        public byte[] PredictedLabel { get; set; } = [];
        public byte[] Samples { get; set; } = [];
        public float[] Uncertainty { get; set; } = [];
    }
}
