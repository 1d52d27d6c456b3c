using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class UncertaintyAnalysisTests
{
    private static readonly double H25 = -(0.25 * Math.Log2(0.25) + 0.75 * Math.Log2(0.75)); // binary entropy of 1/4, bits

    [TestMethod]
    public void EntropyInBitsIgnoresTinyProbabilities()
    {
        float[] p1 = [.5f, .25f, 0, 1e-6f];
        var h = PredictiveEntropy.Bits(p1.Select(p => 1 - p).Concat(p1).ToArray(), 2);
        Assert.AreEqual(1.0, h[0], 1e-6);
        Assert.AreEqual(H25, h[1], 1e-6);
        Assert.AreEqual(0.0, h[2], 1e-12);
        // p₁ = 1e-6 ≤ 1e-5 is ignored (it would add 2e-5); only −(1 − 1e-6)·log₂(1 − 1e-6) ≈ 1.44e-6 remains,
        // up to float32 rounding of 1 − 1e-6 (~6e-8 ⇒ ~1e-7 bits).
        Assert.AreEqual(1.4427e-6, h[3], 2e-7);
    }

    [TestMethod]
    public void SplitsByConditionOnConsensusPixelsAndByAgreement()
    {
        // p₁ = (1, .5, .25, 0, .5) ⇒ uncertainty (0, 1, H(.25), 0, 1) bits. Four annotators vote foreground
        // (4, 2, 1, 0, 0) times; the sample says (1, 1, 0, 1, 0).
        // Consensus pixels 0, 3, 4 ⇒ TP (u 0), FP (u 0), TN (u 1). Agreement: all (0, 3, 4), even (1), some (2).
        float[] p1 = [1, .5f, .25f, 0, .5f];
        var mean = p1.Select(p => 1 - p).Concat(p1).ToArray();
        var samples = new LabelMaps(MetricTestData.Maps("11010"), 1, 5);
        var annotations = new LabelMaps(MetricTestData.Maps("11100", "11000", "10000", "xxxxx", "10000"), 5, 5);
        var r = UncertaintyAnalysis.Compute(mean, samples, annotations);
        var b = r.Breakdown;
        Assert.AreEqual(1, b.ByCondition(PixelCondition.TruePositive).Count);
        Assert.AreEqual(1, b.ByCondition(PixelCondition.FalsePositive).Count);
        Assert.AreEqual(1, b.ByCondition(PixelCondition.TrueNegative).Count);
        Assert.AreEqual(0, b.ByCondition(PixelCondition.FalseNegative).Count);
        Assert.AreEqual(1.0, b.ByCondition(PixelCondition.TrueNegative).Mean, 1e-6);
        Assert.AreEqual(3, b.ByAgreement(AnnotatorAgreement.AllAgree).Count);
        Assert.AreEqual(1.0 / 3, b.ByAgreement(AnnotatorAgreement.AllAgree).Mean, 1e-6);
        Assert.AreEqual(1.0, b.ByAgreement(AnnotatorAgreement.EvenlySplit).Mean, 1e-6);
        Assert.AreEqual(H25, b.ByAgreement(AnnotatorAgreement.SomeDisagree).Mean, 1e-6);

        // From the mean prediction instead: arg-max (ties to background) = (1, 0, 0, 0, 0) ⇒ TP, TN, TN.
        var fromMean = UncertaintyAnalysis.Compute(mean, samples, annotations, new UncertaintyAnalysisOptions { Condition = ConditionSource.MeanPrediction });
        Assert.AreEqual(2, fromMean.Breakdown.ByCondition(PixelCondition.TrueNegative).Count);
        Assert.AreEqual(0, fromMean.Breakdown.ByCondition(PixelCondition.FalsePositive).Count);
    }

    [TestMethod]
    public void ErrorCorrelationAndTheConstantMapRule()
    {
        // Uncertainty (0, 0, 1, 1); the sample errs exactly on pixels 2 and 3 ⇒ r = 1 on every draw.
        float[] p1 = [0, 0, .5f, .5f];
        var mean = p1.Select(p => 1 - p).Concat(p1).ToArray();
        var annotations = new LabelMaps(MetricTestData.Maps("0000"), 1, 4);
        var r = UncertaintyAnalysis.Compute(mean, new LabelMaps(MetricTestData.Maps("0011"), 1, 4), annotations);
        Assert.AreEqual(1.0, r.ErrorCorrelation, 1e-6);
        Assert.AreEqual(0, r.UndefinedCorrelations);

        // A sample equal to the annotator has a constant (zero) error map ⇒ r undefined on all 16 draws, counted.
        var metric = new UncertaintyAnalysisMetric();
        metric.Accumulate(mean, new LabelMaps(MetricTestData.Maps("0000"), 1, 4), annotations);
        metric.Accumulate(mean, new LabelMaps(MetricTestData.Maps("0011"), 1, 4), annotations);
        var summary = metric.Aggregate();
        Assert.AreEqual(16, summary.UndefinedCorrelations);
        Assert.AreEqual(1, summary.ErrorCorrelation.UndefinedCount);
        Assert.AreEqual(1.0, summary.ErrorCorrelation.Mean, 1e-6);
    }

    [TestMethod]
    public void HistogramMedianIsWithinOneBin()
    {
        var h = new UncertaintyHistogram(100, 1.0);
        foreach (double v in new[] { .1, .2, .3, .4, .9 }) h.Add(v);
        Assert.AreEqual(.3, h.Median, .01);
        Assert.AreEqual(.38, h.Mean, 1e-12);
        Assert.AreEqual(.1, h.Min);
        Assert.AreEqual(.9, h.Max);
    }
}
