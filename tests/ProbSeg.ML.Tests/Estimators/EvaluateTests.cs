using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Estimators;

[TestClass]
public sealed class EvaluateTests
{
    private readonly MLContext _ml = new(seed: 1);

    /// <summary>One 2×2 image per row: labels [A,2,2], samples [N,2,2], predicted [2,2].</summary>
    private IDataView Scored(byte[][] labels, int annotators, byte[][] samples, int n, byte[][] predicted)
    {
        var rows = labels.Select((l, i) => new ScoredRow { Label = l, Samples = samples[i], PredictedLabel = predicted[i] }).ToList();
        var schema = SchemaDefinition.Create(typeof(ScoredRow));
        schema["Label"].ColumnType = new VectorDataViewType(NumberDataViewType.Byte, annotators, 2, 2);
        schema["Samples"].ColumnType = new VectorDataViewType(NumberDataViewType.Byte, n, 2, 2);
        schema["PredictedLabel"].ColumnType = new VectorDataViewType(NumberDataViewType.Byte, 2, 2);
        return _ml.Data.LoadFromEnumerable(rows, schema);
    }

    [TestMethod]
    public void SamplesDistributedLikeTheAnnotatorsHaveZeroGed()
    {
        // Two annotators disagree (left column vs top row); the samples reproduce both, so the V-statistic GED is 0 exactly.
        byte[] left = [1, 0, 1, 0], top = [1, 1, 0, 0];
        var scored = Scored([[.. left, .. top]], 2, [[.. left, .. top, .. top, .. left]], 4, [[1, 0, 0, 0]]);
        var m = _ml.Segmentation().Evaluate(scored, classes: 2);

        Assert.AreEqual(1, m.Count);
        Assert.AreEqual(0, m.Ged, 1e-12);
        // d(left, top) = 1 − 1/3; half the pairs of either set differ.
        Assert.AreEqual((1 - 1.0 / 3) / 2, m.AnnotatorDiversity, 1e-12);
        Assert.AreEqual(m.AnnotatorDiversity, m.SampleDiversity, 1e-12);
        Assert.AreEqual(1, m.HungarianIoU, 1e-12, "each sample matches an identical copy of an annotation");
        // Strict majority of 2 annotators: only the pixel both chose; the prediction is exactly that pixel.
        Assert.AreEqual(1, m.DiceOfMean, 1e-12);
    }

    [TestMethod]
    public void KnownGedAndAbsentAnnotatorsAreSkipped()
    {
        // Row 0: one real "nothing there" vote (slot 0) and an absent slot 1; the samples all mark the whole image:
        // d(S, Y) = 1, the diversities are 0, GED = 2. Row 1 has no annotation at all and is skipped.
        byte[] empty = [0, 0, 0, 0], absent = [255, 255, 255, 255], full = [1, 1, 1, 1];
        var scored = Scored([[.. empty, .. absent], [.. absent, .. absent]], 2, [[.. full, .. full], [.. full, .. full]], 2, [full, full]);
        var m = _ml.Segmentation().Evaluate(scored, classes: 2);
        Assert.AreEqual(1, m.Count);
        Assert.AreEqual(2, m.Ged, 1e-12);
        Assert.AreEqual(0, m.SampleDiversity, 1e-12);
        Assert.AreEqual(0, m.AnnotatorDiversity, 1e-12);
        Assert.AreEqual(0, m.DiceOfMean, 1e-12);
        Assert.AreEqual(0, m.HungarianIoU, 1e-12);
        CollectionAssert.AreEqual(new[] { 2.0 }, m.GedPerImage.ToArray());
    }

    [TestMethod]
    public void EvaluatesATransformersOutput()
    {
        using var model = _ml.Segmentation().Trainers.DeterministicUNet(EstimatorTestData.FastOptions()).Fit(EstimatorTestData.SquaresView(_ml, 8));
        var m = _ml.Segmentation().Evaluate(model.Transform(EstimatorTestData.SquaresView(_ml, 5, seed: 3)));
        Assert.AreEqual(5, m.Count);
        Assert.AreEqual(0, m.SampleDiversity, 1e-12, "a deterministic model's samples are identical");
        Assert.IsTrue(m.Ged is >= 0 and <= 2, $"GED {m.Ged}");
        Assert.IsTrue(m.AnnotatorDiversity > 0, "TinyData's second annotator abstains on odd images");
        Assert.IsTrue(m.HungarianIoU is >= 0 and <= 1 && m.DiceOfMean is >= 0 and <= 1, $"HM-IoU {m.HungarianIoU}, Dice {m.DiceOfMean}");
    }

    [TestMethod]
    public void ExcludingEmptyPairsFollowsTheGedOptions()
    {
        // Both annotators and both samples are empty: with PHiSeg's convention every distance is 0; with Exclude no pair
        // is defined, so the image has no GED and the mean is NaN.
        byte[] empty = [0, 0, 0, 0];
        var scored = Scored([[.. empty, .. empty]], 2, [[.. empty, .. empty]], 2, [empty]);
        Assert.AreEqual(0, _ml.Segmentation().Evaluate(scored, classes: 2).Ged, 1e-12);
        var exclude = new GedOptions { Overlap = new OverlapOptions { EmptyPairs = EmptyPairConvention.Exclude } };
        Assert.IsTrue(double.IsNaN(_ml.Segmentation().Evaluate(scored, classes: 2, gedOptions: exclude).Ged));
    }

    [TestMethod]
    public void MissingSamplesColumn()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ml.Segmentation().Evaluate(EstimatorTestData.SquaresView(_ml, 1)));
        StringAssert.Contains(e.Message, "Schema mismatch for samples column 'Samples': not found.");
    }

    [TestMethod]
    public void EmptyScoredData()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => _ml.Segmentation().Evaluate(Scored([], 1, [], 1, []), classes: 2));
        StringAssert.Contains(e.Message, "the data is empty");
    }

    public sealed class ScoredRow
    {
        public byte[] Label { get; set; } = [];
        public byte[] Samples { get; set; } = [];
        public byte[] PredictedLabel { get; set; } = [];
    }
}
