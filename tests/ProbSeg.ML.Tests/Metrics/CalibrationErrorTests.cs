using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class CalibrationErrorTests
{
    [TestMethod]
    public void ClassWiseEceOfAKnownCase()
    {
        // p(class 1) = (.05, .15, .95, .55, .58); annotators (0,0,1,1,1) and (0,1,1,0,1) ⇒ vote share (0, .5, 1, .5, 1).
        // Class 1 bins: 0 {.05 | 0}, 1 {.15 | .5}, 5 {.55,.58 | .5,1 ⇒ conf .565, acc .75}, 9 {.95 | 1}.
        // ECE₁ = (.05 + .35 + 2·.185 + .05)/5 = .164; unweighted = (.05 + .35 + .185 + .05)/4 = .15875.
        // Class 0 mirrors it (p₀ = 1 − p₁, votes 1 − share) ⇒ the same. SSN's calc_class_wise_expected_calibration_error
        // on this input returns ([.1640000105, .1640000023], [.1587500125, .1587500023]).
        float[] p1 = [.05f, .15f, .95f, .55f, .58f];
        var mean = p1.Select(p => 1 - p).Concat(p1).ToArray();
        var annotations = new LabelMaps(MetricTestData.Maps("00111", "01101", "xxxxx"), 3, 5);
        var r = CalibrationError.Compute(mean, 2, annotations);
        Assert.AreEqual(.164, r.EcePerClass[1], 1e-6);   // float32 probabilities
        Assert.AreEqual(.164, r.EcePerClass[0], 1e-6);
        Assert.AreEqual(.15875, r.UnweightedEcePerClass[1], 1e-6);
        Assert.AreEqual(.164, r.Ece, 1e-6);
        Assert.AreEqual(2, r.Diagram.Count(1, 5));
        Assert.AreEqual(.565, r.Diagram.Confidence(1, 5), 1e-6);
        Assert.AreEqual(.75, r.Diagram.Accuracy(1, 5), 1e-12);
        Assert.IsTrue(double.IsNaN(r.Diagram.Confidence(1, 3)), "empty bin");
    }

    [TestMethod]
    public void BinEdgesFollowNumpyLinspace()
    {
        var diagram = new ReliabilityDiagram(2, 10);
        Assert.AreEqual(0, diagram.BinOf(0));
        Assert.AreEqual(9, diagram.BinOf(1), "last bin is closed");
        Assert.AreEqual(3, diagram.BinOf(.3f), "0.3f ≥ 0.30000000000000004");
        Assert.AreEqual(6, diagram.BinOf(.7), "0.7 < 7·0.1 = 0.7000000000000001, as np.linspace");
        Assert.AreEqual(1, diagram.BinOf(.1));
    }

    [TestMethod]
    public void PerfectlyCalibratedPredictionHasZeroEce()
    {
        // Two annotators disagree on pixel 1 ⇒ the calibrated probability there is .5.
        float[] p1 = [0, .5f, 1];
        var mean = p1.Select(p => 1 - p).Concat(p1).ToArray();
        var r = CalibrationError.Compute(mean, 2, new LabelMaps(MetricTestData.Maps("011", "001"), 2, 3));
        Assert.AreEqual(0, r.Ece, 1e-12);
    }
}
