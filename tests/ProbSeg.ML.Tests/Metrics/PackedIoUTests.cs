using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class PackedIoUTests
{
    [TestMethod]
    public void PairwiseIoUEqualsNaiveReferenceOnRandomMasks()
    {
        var rng = new Random(2026);
        // Sizes around word boundaries, and odd image sizes (30×31).
        foreach (int pixels in new[] { 1, 63, 64, 65, 200, 256, 930 })
            foreach (int classes in new[] { 2, 4 })
                foreach (var empty in new[] { EmptyPairConvention.CountAsPerfect, EmptyPairConvention.Exclude })
                    foreach (var averaging in new[] { ClassAveraging.MeanOverForegroundClasses, ClassAveraging.ForegroundUnion })
                    {
                        var options = new OverlapOptions { Classes = classes, EmptyPairs = empty, Averaging = averaging };
                        var s = MetricTestData.RandomMaps(rng, 5, pixels, classes);
                        var a = MetricTestData.RandomMaps(rng, 3, pixels, classes);
                        var pairwise = PairwiseIoU.Compute(new LabelMaps(s, 5, pixels), new LabelMaps(a, 3, pixels), options);
                        string where = $"P={pixels}, K={classes}, {empty}, {averaging}";
                        for (int i = 0; i < 5; i++)
                        {
                            for (int j = 0; j < 5; j++)
                                AssertSame(Naive(s, i, s, j, pixels, options), pairwise.SampleSample(i, j), where);
                            for (int j = 0; j < 3; j++)
                                AssertSame(Naive(s, i, a, j, pixels, options), pairwise.SampleAnnotator(i, j), where);
                        }
                        for (int i = 0; i < 3; i++)
                            for (int j = 0; j < 3; j++)
                                AssertSame(Naive(a, i, a, j, pixels, options), pairwise.AnnotatorAnnotator(i, j), where);
                    }
    }

    [TestMethod]
    public void SkipsMissingSlotsAndKeepsSlotIds()
    {
        var s = MetricTestData.Maps("0110");
        var a = MetricTestData.Maps("xxxx", "0100", "xxxx", "0110");
        var pairwise = PairwiseIoU.Compute(new LabelMaps(s, 1, 4), new LabelMaps(a, 4, 4));
        CollectionAssert.AreEqual(new[] { 1, 3 }, pairwise.AnnotatorSlots.ToArray());
        Assert.AreEqual(0.5, pairwise.SampleAnnotator(0, 0), 1e-12);
        Assert.AreEqual(1.0, pairwise.SampleAnnotator(0, 1), 1e-12);
    }

    private static double Naive(byte[] x, int i, byte[] y, int j, int pixels, OverlapOptions options) =>
        MetricTestData.NaiveIoU(x.AsSpan(i * pixels, pixels), y.AsSpan(j * pixels, pixels), options);

    private static void AssertSame(double expected, double actual, string where)
    {
        if (double.IsNaN(expected)) Assert.IsTrue(double.IsNaN(actual), $"{where}: expected NaN, got {actual}");
        else Assert.AreEqual(expected, actual, 1e-12, where); // same counts, same division
    }
}
