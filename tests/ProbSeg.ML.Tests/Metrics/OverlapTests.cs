using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class OverlapTests
{
    private const double Tol = 1e-12; // exact rational values; only floating-point rounding

    [TestMethod]
    public void IoUAndDiceOfBinaryMasks()
    {
        var m = MetricTestData.Maps("1100", "0110");
        // a = {0,1}, b = {1,2}: I = 1, U = 3 ⇒ IoU 1/3; Dice = 2·1/(2+2) = 1/2.
        Assert.AreEqual(1.0 / 3, IoU.Compute(m.AsSpan(0, 4), m.AsSpan(4, 4)), Tol);
        Assert.AreEqual(0.5, Dice.Compute(m.AsSpan(0, 4), m.AsSpan(4, 4)), Tol);
    }

    [TestMethod]
    public void BothEmptyFollowsTheConvention()
    {
        var empty = new byte[5];
        var exclude = new OverlapOptions { EmptyPairs = EmptyPairConvention.Exclude };
        Assert.AreEqual(1.0, IoU.Compute(empty, empty), "PHiSeg: both empty is IoU 1");
        Assert.AreEqual(1.0, Dice.Compute(empty, empty));
        Assert.IsTrue(double.IsNaN(IoU.Compute(empty, empty, exclude)), "Kohl: both empty is excluded (NaN)");
        Assert.IsTrue(double.IsNaN(Dice.Compute(empty, empty, exclude)));
        var one = MetricTestData.Maps("00100");
        Assert.AreEqual(0.0, IoU.Compute(one, empty), "one empty is IoU 0 under both conventions");
        Assert.AreEqual(0.0, IoU.Compute(one, empty, exclude));
    }

    [TestMethod]
    public void MultiClassAveragingOptions()
    {
        var m = MetricTestData.Maps("112200", "122000");
        var a = m.AsSpan(0, 6);
        var b = m.AsSpan(6, 6);
        // Class 1: a {0,1}, b {0} ⇒ 1/2. Class 2: a {2,3}, b {1,2} ⇒ 1/3. PHiSeg mean over classes 1..2 = 5/12.
        Assert.AreEqual(5.0 / 12, IoU.Compute(a, b, new OverlapOptions { Classes = 3 }), Tol);
        // Foreground union: a {0..3}, b {0,1,2} ⇒ 3/4.
        Assert.AreEqual(0.75, IoU.Compute(a, b, new OverlapOptions { Classes = 3, Averaging = ClassAveraging.ForegroundUnion }), Tol);
        // Class 3 absent from both: counted as 1 (PHiSeg) or left out (Kohl).
        Assert.AreEqual((0.5 + 1.0 / 3 + 1) / 3, IoU.Compute(a, b, new OverlapOptions { Classes = 4 }), Tol);
        Assert.AreEqual(5.0 / 12, IoU.Compute(a, b, new OverlapOptions { Classes = 4, EmptyPairs = EmptyPairConvention.Exclude }), Tol);
        var perClass = Dice.PerClass(a, b, 3);
        // Background: a {4,5}, b {3,4,5} ⇒ 2·2/5.
        Assert.AreEqual(0.8, perClass[0], Tol);
        Assert.AreEqual(2.0 / 3, perClass[1], Tol);
        Assert.AreEqual(0.5, perClass[2], Tol);
    }

    [TestMethod]
    public void OutOfRangeClassIdIsAClearError()
    {
        var m = MetricTestData.Maps("0102");
        var ex = Assert.ThrowsExactly<ArgumentException>(() => IoU.Compute(m, m));
        StringAssert.Contains(ex.Message, "pixel 3 has class id 2");
        Assert.ThrowsExactly<ArgumentException>(() => IoU.Compute(m, m.AsSpan(0, 3)));
    }

    [TestMethod]
    public void MetricSkipsMissingAnnotators()
    {
        var prediction = MetricTestData.Maps("1100");
        var annotations = MetricTestData.Maps("1100", "xxxx", "1000");
        var metric = new IoUMetric();
        metric.Accumulate(prediction, new LabelMaps(annotations, 3, 4));          // (1 + 1/2) / 2
        metric.Accumulate(prediction, annotations.AsSpan(4, 4));                  // missing ⇒ undefined
        var result = metric.Aggregate();
        Assert.AreEqual(2, result.Count);
        Assert.AreEqual(1, result.UndefinedCount);
        Assert.AreEqual(0.75, result.Mean, Tol);
        Assert.IsTrue(double.IsNaN(result.PerImage[1]));
    }
}
