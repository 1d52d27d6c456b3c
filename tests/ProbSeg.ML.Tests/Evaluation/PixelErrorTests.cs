using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;
using static ProbSeg.ML.Tests.Metrics.MetricTestData;

namespace ProbSeg.ML.Tests.Evaluation;

[TestClass]
public sealed class PixelErrorTests
{
    [TestMethod]
    public void ExpectedErrorIsTheMismatchRateOverAllSampleAnnotatorPairs()
    {
        // Pixel 0: samples {1,1} vs annotators {1,0} → 2 of 4 pairs differ. Pixel 1: all 0 → none.
        // Pixel 2: samples {0,1} vs {1,1} → 2 of 4. Pixel 3: samples {1,1} vs {0,0} → all 4 differ.
        var samples = new LabelMaps(Maps("1001", "1011"), 2, 4);
        var annotations = new LabelMaps(Maps("1010", "0010"), 2, 4);
        var error = PixelError.Expected(samples, annotations, classes: 2)!;
        CollectionAssert.AreEqual(new[] { 0.5f, 0f, 0.5f, 1f }, error);
    }

    [TestMethod]
    public void AbsentAnnotatorsAreSkippedAndNoneGivesNull()
    {
        var samples = new LabelMaps(Maps("11"), 1, 2);
        var error = PixelError.Expected(samples, new LabelMaps(Maps("xx", "10"), 2, 2), classes: 2)!;
        CollectionAssert.AreEqual(new[] { 0f, 1f }, error);
        Assert.IsNull(PixelError.Expected(samples, new LabelMaps(Maps("xx"), 1, 2), classes: 2));
    }

    [TestMethod]
    public void ClassOutOfRangeIsNamed()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            PixelError.Expected(new LabelMaps(Maps("12"), 1, 2), new LabelMaps(Maps("10"), 1, 2), classes: 2));
        StringAssert.Contains(ex.Message, "class id 2");
    }
}
