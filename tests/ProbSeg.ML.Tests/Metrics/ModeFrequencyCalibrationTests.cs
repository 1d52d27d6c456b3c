using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class ModeFrequencyCalibrationTests
{
    [TestMethod]
    public void PredictedFrequencyPerMode()
    {
        var r = ModeFrequencyCalibration.Compute([0, 0, 1, -1], [.5, .3, .2]);
        CollectionAssert.AreEqual(new[] { .5, .25, 0 }, r.PredictedFrequency.ToArray());
        Assert.AreEqual(.25, r.UnassignedFraction);
    }

    [TestMethod]
    public void AggregatesBisectorPoints()
    {
        var metric = new ModeFrequencyCalibrationMetric(2);
        metric.Accumulate([0, 0, 0, 1], [.7, .3]);   // (.75, .25)
        metric.Accumulate([0, 1, 1, 1], [.7, .3]);   // (.25, .75)
        var s = metric.Aggregate();
        Assert.AreEqual(.5, s.Modes[0].PredictedFrequency, 1e-12);
        Assert.AreEqual(.25, s.Modes[0].PredictedStandardDeviation, 1e-12);
        Assert.AreEqual(.7, s.Modes[0].TrueProbability, 1e-12);
        Assert.AreEqual((.2 + .2) / 2, s.MeanAbsoluteError, 1e-12);
    }

    [TestMethod]
    public void RejectsUnknownModes()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => ModeFrequencyCalibration.Compute([0, 3], [.5, .5]));
        StringAssert.Contains(ex.Message, "Sample 1");
    }
}
