using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Tests.Data.Synthetic;

[TestClass]
public sealed class ModeDistributionTests
{
    private static SegmentationMode Mode(string name, double p, params byte[] mask) => new(name, mask, p);

    [TestMethod]
    public void ProbabilitiesMustSumToOneAndMasksMustMatchInSize()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ModeDistribution([Mode("a", 0.5, 0, 1), Mode("b", 0.4, 1, 1)]));
        StringAssert.Contains(e.Message, "sum to");
        e = Assert.ThrowsExactly<ArgumentException>(() => new ModeDistribution([Mode("a", 0.5, 0, 1), Mode("b", 0.5, 1)]));
        StringAssert.Contains(e.Message, "'b'");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Mode("c", 1.2, 0));
    }

    [TestMethod]
    public void MergeIdenticalSumsProbabilitiesOfEqualMasks()
    {
        var d = new ModeDistribution([Mode("a", 0.2, 0, 1), Mode("b", 0.3, 1, 1), Mode("c", 0.5, 0, 1)]);
        Assert.AreEqual(0, d.IndexOf([0, 1]), "The lower id wins among equal masks.");
        var merged = d.MergeIdentical();
        Assert.AreEqual(2, merged.Count);
        Assert.AreEqual("a", merged.Modes[0].Name);
        Assert.AreEqual(0.7, merged.Modes[0].Probability, 1e-15);
    }

    [TestMethod]
    public void SampleDrawsModesWithTheirProbabilities()
    {
        var d = new ModeDistribution([Mode("a", 0.1, 0), Mode("zero", 0, 1), Mode("b", 0.9, 2)]);
        var random = new Random(1);
        const int draws = 10000;
        var counts = new int[3];
        for (int i = 0; i < draws; i++) counts[d.Sample(random)]++;
        Assert.AreEqual(0, counts[1], "A zero-probability mode is never drawn.");
        // Binomial(10000, 0.1): σ = 0.003, 4σ = 0.012.
        Assert.AreEqual(0.1, counts[0] / (double)draws, 0.012);
    }
}
