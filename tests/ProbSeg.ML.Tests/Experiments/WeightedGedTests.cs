using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Experiments;

[TestClass]
public sealed class WeightedGedTests
{
    private const int Px = 16;

    // Three 4×4 masks: a square, a shifted square, and nothing.
    private static readonly byte[] Square = Mask(p => p % 4 < 2 && p / 4 < 2);
    private static readonly byte[] Shifted = Mask(p => p % 4 >= 1 && p % 4 < 3 && p / 4 < 2);
    private static readonly byte[] Empty = new byte[Px];

    [TestMethod]
    public void EqualWeightsReproduceTheEngineGedOverAnnotators()
    {
        byte[] annotations = Concat(Square, Shifted, Empty, Square);
        byte[] samples = Concat(Shifted, Empty, Square);
        var truth = ImageTruth.FromAnnotators(annotations, 4, Px, 2);

        GedResult ours = WeightedGed.Compute(new LabelMaps(samples, 3, Px), truth);
        GedResult engine = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 3, Px), new LabelMaps(annotations, 4, Px));

        Assert.AreEqual(engine.Ged, ours.Ged, 1e-12);
        Assert.AreEqual(engine.SampleDiversity, ours.SampleDiversity, 1e-12);
        Assert.AreEqual(engine.AnnotatorDiversity, ours.AnnotatorDiversity, 1e-12);
    }

    [TestMethod]
    public void WeightsActLikeRepeatedAnnotators()
    {
        // p = (1/4, 3/4) over two distinct masks must equal four annotators with the second mask three times.
        var truth = ImageTruth.FromDistribution([(Square, 0.25), (Empty, 0.75)], Square, 2);
        byte[] samples = Concat(Square, Shifted);

        GedResult weighted = WeightedGed.Compute(new LabelMaps(samples, 2, Px), truth);
        GedResult repeated = GeneralizedEnergyDistance.Compute(new LabelMaps(samples, 2, Px),
            new LabelMaps(Concat(Square, Empty, Empty, Empty), 4, Px));

        Assert.AreEqual(repeated.Ged, weighted.Ged, 1e-12);
        Assert.AreEqual(repeated.CrossDistance, weighted.CrossDistance, 1e-12);
    }

    [TestMethod]
    public void SamplesDistributedExactlyAsTheTruthHaveZeroGed()
    {
        // With the V-statistic, an empirical sample distribution equal to the truth makes all three terms equal.
        var truth = ImageTruth.FromDistribution([(Square, 0.25), (Shifted, 0.5), (Empty, 0.25)], Square, 2);
        byte[] samples = Concat(Square, Shifted, Shifted, Empty);

        GedResult ged = WeightedGed.Compute(new LabelMaps(samples, 4, Px), truth);

        Assert.AreEqual(0, ged.Ged, 1e-12);
        Assert.IsTrue(ged.SampleDiversity > 0.3, $"diversity {ged.SampleDiversity}");
    }

    [TestMethod]
    public void MajorityTiesGoToForegroundAndMissingSlotsAreDropped()
    {
        byte[] missing = Enumerable.Repeat((byte)255, Px).ToArray();
        // Two of four radiologists outline the square: a tie, which counts as foreground (≥ 2 of 4).
        var truth = ImageTruth.FromAnnotators(Concat(Square, Square, Empty, Empty, missing), 5, Px, 2);

        Assert.AreEqual(4, truth.Count);
        CollectionAssert.AreEqual(Square, truth.Majority);
        Assert.ThrowsExactly<ArgumentException>(() => ImageTruth.FromDistribution([(Square, 0.5), (Empty, 0.4)], Square, 2));
    }

    private static byte[] Mask(Func<int, bool> inside) => Enumerable.Range(0, Px).Select(p => (byte)(inside(p) ? 1 : 0)).ToArray();

    private static byte[] Concat(params byte[][] masks) => masks.SelectMany(m => m).ToArray();
}
