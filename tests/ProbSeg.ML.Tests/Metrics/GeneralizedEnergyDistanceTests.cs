using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class GeneralizedEnergyDistanceTests
{
    private const double Tol = 1e-12; // exact rational values; only floating-point rounding

    [TestMethod]
    public void TwoSamplesTwoAnnotatorsByHand()
    {
        // S1 = {0,1}, S2 = {0}; Y1 = {0,1}, Y2 = {1,2} (4 pixels, binary).
        // d(S1,Y1) = 0, d(S1,Y2) = 1 − 1/3 = 2/3, d(S2,Y1) = 1 − 1/2 = 1/2, d(S2,Y2) = 1 − 0 = 1
        //   ⇒ E d(S,Y) = (0 + 2/3 + 1/2 + 1)/4 = 13/24.
        // d(S1,S2) = 1/2, diagonal 0 (V-statistic, i = j included) ⇒ E d(S,S') = (0 + 1/2 + 1/2 + 0)/4 = 1/4.
        // d(Y1,Y2) = 1 − 1/3 = 2/3 ⇒ E d(Y,Y') = (2·2/3)/4 = 1/3.
        // GED = 2·13/24 − 1/4 − 1/3 = 1/2.
        var samples = MetricTestData.Maps("1100", "1000");
        var annotations = MetricTestData.Maps("1100", "0110");
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(annotations, 2, 4));
        Assert.AreEqual(13.0 / 24, r.CrossDistance, Tol);
        Assert.AreEqual(0.25, r.SampleDiversity, Tol);
        Assert.AreEqual(1.0 / 3, r.AnnotatorDiversity, Tol);
        Assert.AreEqual(0.5, r.Ged, Tol);
        Assert.AreEqual(Math.Sqrt(0.5), r.Distance, Tol);
    }

    [TestMethod]
    public void SamplesEqualToTheAnnotatorsGiveZero()
    {
        var maps = MetricTestData.RandomMaps(new Random(5), 4, 50, 2);
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(maps, 4, 50), new LabelMaps(maps, 4, 50));
        Assert.AreEqual(0.0, r.Ged, Tol);
        Assert.AreEqual(r.SampleDiversity, r.AnnotatorDiversity, Tol);
        // Two copies of each annotator is the same empirical distribution.
        var doubled = maps.Concat(maps).ToArray();
        Assert.AreEqual(0.0, GeneralizedEnergyDistance.Compute(new LabelMaps(doubled, 8, 50), new LabelMaps(maps, 4, 50)).Ged, Tol);
    }

    [TestMethod]
    public void IdenticalSamplesHaveNoDiversity()
    {
        var samples = MetricTestData.Maps("0110", "0110", "0110");
        var annotations = MetricTestData.Maps("0110", "0000");
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 3, 4), new LabelMaps(annotations, 2, 4));
        Assert.AreEqual(0.0, r.SampleDiversity, Tol);
        Assert.AreEqual(0.5, r.AnnotatorDiversity, Tol);  // d(Y1,Y2) = 1 (one empty), 2 of 4 pairs
        Assert.AreEqual(0.5, r.CrossDistance, Tol);
        Assert.AreEqual(0.5, r.Ged, Tol);
    }

    [TestMethod]
    public void MissingAnnotatorSlotsAreSkipped()
    {
        var samples = MetricTestData.Maps("1100", "1000");
        var withGap = MetricTestData.Maps("1100", "xxxx", "0110");
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(withGap, 3, 4));
        Assert.AreEqual(0.5, r.Ged, Tol); // same as the hand case without the gap
        var none = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(MetricTestData.Maps("xxxx"), 1, 4));
        Assert.IsTrue(double.IsNaN(none.Ged));
    }

    [TestMethod]
    public void ExcludedPairsLeaveTheirTerm()
    {
        // Under Exclude the empty sample's pairs with the empty annotator (and itself) are undefined and dropped.
        var samples = MetricTestData.Maps("0000", "1100");
        var annotations = MetricTestData.Maps("0000", "1100");
        var options = new GedOptions { Overlap = new OverlapOptions { EmptyPairs = EmptyPairConvention.Exclude } };
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(annotations, 2, 4), options);
        // Cross: defined pairs (S1,Y2)=1, (S2,Y1)=1, (S2,Y2)=0 ⇒ 2/3. Samples: (S1,S2),(S2,S1)=1, (S2,S2)=0 ⇒ 2/3. Same for annotators.
        Assert.AreEqual(2.0 / 3, r.CrossDistance, Tol);
        Assert.AreEqual(2.0 / 3, r.SampleDiversity, Tol);
        Assert.AreEqual(0.0, r.Ged, Tol);
    }

    [TestMethod]
    public void MultiClassGedMatchesPHiSegReference()
    {
        // K = 3, d = 1 − mean IoU over classes 1..2. Value from PHiSeg's utils.generalised_energy_distance(
        // samples, gts, nlabels=2, label_range=range(1,3)) run on these maps (numpy): 0.37037037037037035 (= 10/27), diversity 0.5740740740740741.
        var samples = MetricTestData.Maps("112200", "120200", "000022");
        var annotations = MetricTestData.Maps("112000", "102200");
        var options = new GedOptions { Overlap = new OverlapOptions { Classes = 3 } };
        var r = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 3, 6), new LabelMaps(annotations, 2, 6), options);
        Assert.AreEqual(Reference.Ged, r.Ged, 1e-12);
        Assert.AreEqual(Reference.Diversity, r.SampleDiversity, 1e-12);
    }

    [TestMethod]
    public void DrawnGroundTruthUsesRepeatedAnnotators()
    {
        var samples = MetricTestData.Maps("1100", "1000");
        var annotations = MetricTestData.Maps("1100", "0110");
        var options = new GedOptions { GroundTruth = GroundTruthSampling.DrawnWithReplacement(16, seed: 3) };
        var a = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(annotations, 2, 4), options);
        var b = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(annotations, 2, 4), options);
        Assert.AreEqual(a, b, "same seed, same draws");
        // Each draw is Y1 or Y2, so E d(S,Y) lies between the per-annotator means (1/4 for Y1, 5/6 for Y2), and
        // E d(Y,Y') = (2/3)·P(two draws differ) ≤ 1/3.
        Assert.IsTrue(a.CrossDistance > 0.25 && a.CrossDistance < 5.0 / 6, $"cross {a.CrossDistance}");
        Assert.IsTrue(a.AnnotatorDiversity > 0 && a.AnnotatorDiversity <= 1.0 / 3 + Tol, $"annotators {a.AnnotatorDiversity}");
        Assert.AreEqual(0.25, a.SampleDiversity, Tol);
    }

    [TestMethod]
    public void OnePairwisePassFeedsGedAndHungarianMetrics()
    {
        var samples = new LabelMaps(MetricTestData.Maps("1100", "1000"), 2, 4);
        var annotations = new LabelMaps(MetricTestData.Maps("1100", "0110"), 2, 4);
        var pairwise = PairwiseIoU.Compute(samples, annotations);
        var ged = new GeneralizedEnergyDistanceMetric();
        var hm = new HungarianMatchedIoUMetric();
        Assert.AreEqual(0.5, ged.Accumulate(pairwise).Ged, Tol);
        // s0 = Y1 (IoU 1), s1–Y2 IoU 0 vs s0–Y2 1/3 + s1–Y1 1/2: the first pairing wins, (1 + 0)/2 = 1/2 > (1/3 + 1/2)/2.
        Assert.AreEqual(0.5, hm.Accumulate(pairwise).Value, Tol);
        var other = new GeneralizedEnergyDistanceMetric(new GedOptions { Overlap = new OverlapOptions { EmptyPairs = EmptyPairConvention.Exclude } });
        Assert.ThrowsExactly<ArgumentException>(() => other.Accumulate(pairwise), "IoUs computed under other conventions");
    }

    private static class Reference
    {
        public const double Ged = 0.37037037037037035;
        public const double Diversity = 0.5740740740740741;
    }
}
