using ProbSeg.ML.Evaluation;

namespace ProbSeg.ML.Tests.Evaluation;

[TestClass]
public sealed class UncertaintyErrorCurveTests
{
    [TestMethod]
    public void BinsHoldMeanUncertaintyAndError()
    {
        var curve = new UncertaintyErrorCurve(bins: 2, maximum: 1);
        curve.Add([0f, 0.5f, 1f, 1f], [0f, 0f, 1f, 1f]);
        Assert.AreEqual(4, curve.Count);
        Assert.AreEqual(1, curve.BinCount(0));
        Assert.AreEqual(3, curve.BinCount(1)); // 0.5 opens bin 1; the maximum falls in the last bin
        Assert.AreEqual(0.0, curve.MeanError(0));
        Assert.AreEqual(2.0 / 3, curve.MeanError(1), 1e-12);
        Assert.AreEqual(2.5 / 3, curve.MeanUncertainty(1), 1e-12);
        Assert.AreEqual(0.5, curve.OverallError, 1e-12);
    }

    [TestMethod]
    public void PooledCorrelationHasKnownValues()
    {
        var up = new UncertaintyErrorCurve(4, 1);
        up.Add([0f, 1f, 0f, 1f], [0f, 1f, 0f, 1f]);
        Assert.AreEqual(1.0, up.PooledCorrelation, 1e-12);
        var down = new UncertaintyErrorCurve(4, 1);
        down.Add([0f, 1f], [1f, 0f]);
        Assert.AreEqual(-1.0, down.PooledCorrelation, 1e-12);
        // u = (0,1,2,3)/3 and e = (0,1,0,1) have r = 2/√20 (by hand: cov 1/6 over σ_u σ_e).
        var mixed = new UncertaintyErrorCurve(4, 1);
        mixed.Add([0f, 1f / 3, 2f / 3, 1f], [0f, 1f, 0f, 1f]);
        Assert.AreEqual(2 / Math.Sqrt(20), mixed.PooledCorrelation, 1e-6);
    }

    [TestMethod]
    public void ConstantErrorGivesNaNNotAFakeCorrelation()
    {
        var curve = new UncertaintyErrorCurve(4, 1);
        curve.Add([0f, 0.5f, 1f], [0.3f, 0.3f, 0.3f]);
        Assert.IsTrue(double.IsNaN(curve.PooledCorrelation));
    }
}
