using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class SampleVersusMeanDiceTests
{
    private const double Tol = 1e-12; // exact rational values

    [TestMethod]
    public void CountsSamplesThatBeatTheMeanPerAnnotator()
    {
        // Mean prediction {0}; annotator A = {0,1} ⇒ mean Dice 2/3. Samples: {0,1} ⇒ 1 (better), {2,3} ⇒ 0,
        // {0,1,2} ⇒ 4/5 (better). Annotator B is missing. Annotator C is empty: mean Dice 0 (one side empty), every
        // sample 0 ⇒ no wins. Gains vs A: (1/3, −2/3, 2/15) ⇒ median 2/15; vs C: 0. Fraction 2/6.
        var samples = new LabelMaps(MetricTestData.Maps("1100", "0011", "1110"), 3, 4);
        var mean = MetricTestData.Maps("1000");
        var annotations = new LabelMaps(MetricTestData.Maps("1100", "xxxx", "0000"), 3, 4);
        var r = SampleVersusMeanDice.Compute(samples, mean, annotations);
        Assert.AreEqual(6, r.Comparisons);
        Assert.AreEqual(2, r.Better);
        Assert.AreEqual(1.0 / 3, r.FractionBetter, Tol);
        Assert.AreEqual((2.0 / 15 + 0) / 2, r.MedianGain, Tol);
        Assert.AreEqual((2.0 / 3 + 0) / 2, r.MeanDicePerClass[1], Tol);
        // Background: vs A {1,2,3} & {2,3} ⇒ 4/5; vs C {1,2,3} & all ⇒ 6/7.
        Assert.AreEqual((0.8 + 6.0 / 7) / 2, r.MeanDicePerClass[0], Tol);
    }

    [TestMethod]
    public void BothEmptyComparisonsAreLeftOut()
    {
        // Mean and annotator both empty ⇒ mean Dice undefined (SSN calc_dsc NaN) ⇒ nothing to compare.
        var samples = new LabelMaps(MetricTestData.Maps("0000", "0100"), 2, 4);
        var r = SampleVersusMeanDice.Compute(samples, MetricTestData.Maps("0000"), new LabelMaps(MetricTestData.Maps("0000"), 1, 4));
        Assert.AreEqual(0, r.Comparisons);
        Assert.IsTrue(double.IsNaN(r.FractionBetter));
        Assert.IsTrue(double.IsNaN(r.MeanDicePerClass[1]));
    }
}
