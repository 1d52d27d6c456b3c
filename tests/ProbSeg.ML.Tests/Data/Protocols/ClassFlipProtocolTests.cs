using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Protocols;
using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Tests.Data.Protocols;

[TestClass]
public sealed class ClassFlipProtocolTests
{
    /// <summary>One 8×8 image holding every Cityscapes trainId 0–18 (K = 19), one annotation.</summary>
    private static AmbiguousDataset CityscapesLike()
    {
        const int s = 8;
        var labels = new byte[s * s];
        for (int p = 0; p < labels.Length; p++) labels[p] = (byte)(p % 19);
        return new AmbiguousDataset(new float[s * s], labels, 1, 1, s, s, annotators: 1, classes: 19);
    }

    [TestMethod]
    public void CityscapesDefaultsGive32ModesWithKohlsProbabilitiesAndIds()
    {
        var flipped = ClassFlipProtocol.Apply(CityscapesLike(), annotationsPerImage: 8, seed: 1);
        Assert.AreEqual(32, flipped.CombinationCount);
        Assert.AreEqual(24, flipped.Dataset.Classes);
        Assert.AreEqual(1.0, flipped.CombinationProbabilities.ToArray().Sum(), 1e-12);
        // Mode 0 flips nothing; mode 31 flips all five; mode 16 (top bit) flips only the first listed class, sidewalk.
        double[] p = [8 / 17.0, 7 / 17.0, 6 / 17.0, 5 / 17.0, 4 / 17.0];
        Assert.AreEqual(p.Aggregate(1.0, (acc, q) => acc * (1 - q)), flipped.CombinationProbability(0), 1e-15);
        Assert.AreEqual(p.Aggregate(1.0, (acc, q) => acc * q), flipped.CombinationProbability(31), 1e-15);
        Assert.IsTrue(flipped.IsFlipped(16, 0) && !flipped.IsFlipped(16, 1));
        Assert.AreEqual("flip:sidewalk", flipped.CombinationName(16));
        // Kohl's prob_unet_config.py: sidewalk_2 = 19, person_2 = 20, car_2 = 21, vegetation_2 = 22, road_2 = 23.
        CollectionAssert.AreEqual(new[] { 19, 20, 21, 22, 23 }, Enumerable.Range(0, 5).Select(flipped.FlippedClassId).ToArray());

        var truth = flipped.TrueDistribution(0);
        Assert.AreEqual(32, truth.Count);
        Assert.AreEqual(1.0, truth.Modes.Sum(m => m.Probability), 1e-12);
    }

    [TestMethod]
    public void EmpiricalModeFrequenciesMatchTheExactProbabilities()
    {
        var flipped = ClassFlipProtocol.Apply(CityscapesLike(), annotationsPerImage: 1, seed: 2);
        const int draws = 20000;
        var masks = flipped.DrawAnnotations(0, draws, seed: 3);
        var truth = flipped.TrueDistribution(0);
        var counts = new int[flipped.CombinationCount];
        for (int d = 0; d < draws; d++)
        {
            var mask = masks.AsSpan(d * 64, 64);
            int mode = flipped.ModeOf(0, mask);
            Assert.AreNotEqual(ModeDistribution.NoMode, mode);
            if (d < 200) Assert.AreEqual(truth.IndexOf(mask), mode, "Fast lookup must agree with the mode list.");
            counts[mode]++;
        }
        for (int m = 0; m < counts.Length; m++)
        {
            double p = flipped.CombinationProbability(m);
            // Each count is binomial(draws, p): 4 standard deviations (fixed seed; ~99.99 % per mode).
            Assert.AreEqual(p, counts[m] / (double)draws, 4 * Math.Sqrt(p * (1 - p) / draws), flipped.CombinationName(m));
        }
    }

    [TestMethod]
    public void FlipsOnlyRelabelTheChosenClassAsAWhole()
    {
        var source = CityscapesLike();
        var flipped = ClassFlipProtocol.Apply(source, annotationsPerImage: 50, seed: 4);
        for (int a = 0; a < 50; a++)
        {
            var mask = flipped.Dataset.Annotation(0, a);
            var original = source.Annotation(0, 0);
            var decided = new Dictionary<int, bool>();
            for (int p = 0; p < mask.Length; p++)
            {
                byte id = original[p];
                int j = ClassFlipProtocol.Cityscapes.ToList().FindIndex(f => f.ClassId == id);
                if (j < 0) { Assert.AreEqual(original[p], mask[p]); continue; }
                bool isFlipped = mask[p] == 19 + j;
                Assert.IsTrue(isFlipped || mask[p] == original[p]);
                if (decided.TryGetValue(j, out bool before)) Assert.AreEqual(before, isFlipped, "A class must flip as a whole.");
                decided[j] = isFlipped;
            }
        }
    }

    [TestMethod]
    public void SeveralSourceAnnotationsMixUniformlyAndMissingSlotsAreNeverPicked()
    {
        const int s = 4;
        var labels = new byte[3 * s * s];
        labels.AsSpan(0, s * s).Fill(1);                                        // annotator 0: all class 1
        labels.AsSpan(s * s, s * s).Fill(AmbiguousDataset.MissingAnnotation);    // annotator 1: absent
        for (int p = 0; p < s * s; p++) labels[2 * s * s + p] = (byte)(p % 2 == 0 ? 1 : 2); // annotator 2: classes 1 and 2
        var source = new AmbiguousDataset(new float[s * s], labels, 1, 1, s, s, annotators: 3, classes: 3);
        var flips = new[] { new ClassFlip(1, 0.25, "one"), new ClassFlip(2, 0.6, "two") };
        var flipped = ClassFlipProtocol.Apply(source, flips, annotationsPerImage: 2, seed: 5);
        Assert.AreEqual(5, flipped.Dataset.Classes);

        var truth = flipped.TrueDistribution(0);
        Assert.AreEqual(2 * 4, truth.Count, "Two present sources × 2² combinations.");
        Assert.AreEqual(1.0, truth.Modes.Sum(m => m.Probability), 1e-12);
        // Annotator 0 has no class 2, so its combinations that differ only in "two" coincide: 2 + 4 distinct masks.
        var merged = flipped.TrueDistribution(0, mergeIdentical: true);
        Assert.AreEqual(6, merged.Count);
        Assert.AreEqual(1.0, merged.Modes.Sum(m => m.Probability), 1e-12);

        const int draws = 20000;
        var masks = flipped.DrawAnnotations(0, draws, seed: 6);
        var counts = new int[merged.Count];
        for (int d = 0; d < draws; d++)
        {
            var mask = masks.AsSpan(d * s * s, s * s);
            Assert.AreNotEqual(AmbiguousDataset.MissingAnnotation, mask[0], "A missing slot was picked as a source.");
            counts[merged.IndexOf(mask)]++;
        }
        for (int k = 0; k < merged.Count; k++)
        {
            double p = merged.Modes[k].Probability;
            // Binomial counts, 4σ as above.
            Assert.AreEqual(p, counts[k] / (double)draws, 4 * Math.Sqrt(p * (1 - p) / draws), merged.Modes[k].Name);
        }
        // The lookup counts an absent class as not flipped (lowest id among equal masks).
        var allOne = new byte[s * s];
        allOne.AsSpan().Fill(1);
        Assert.AreEqual(0, flipped.ModeOf(0, allOne));
    }

    [TestMethod]
    public void SameSeedGivesSameAnnotations()
    {
        var a = ClassFlipProtocol.Apply(CityscapesLike(), annotationsPerImage: 16, seed: 7);
        var b = ClassFlipProtocol.Apply(CityscapesLike(), annotationsPerImage: 16, seed: 7);
        var c = ClassFlipProtocol.Apply(CityscapesLike(), annotationsPerImage: 16, seed: 8);
        CollectionAssert.AreEqual(a.Dataset.Labels, b.Dataset.Labels);
        CollectionAssert.AreNotEqual(a.Dataset.Labels, c.Dataset.Labels);
    }

    [TestMethod]
    public void BadFlipListsAreRejectedWithTheClassNamed()
    {
        var source = CityscapesLike();
        var e = Assert.ThrowsExactly<ArgumentException>(() => ClassFlipProtocol.Apply(source, [new ClassFlip(19, 0.5)]));
        StringAssert.Contains(e.Message, "19");
        e = Assert.ThrowsExactly<ArgumentException>(() => ClassFlipProtocol.Apply(source, [new ClassFlip(3, 0.5), new ClassFlip(3, 0.2)]));
        StringAssert.Contains(e.Message, "twice");
        e = Assert.ThrowsExactly<ArgumentException>(() => ClassFlipProtocol.Apply(source, [new ClassFlip(3, 1.5, "wall")]));
        StringAssert.Contains(e.Message, "wall");
    }

    [TestMethod]
    public void WorksOnTheSyntheticSet()
    {
        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 6, ImageSize = 16 });
        var flipped = ClassFlipProtocol.Apply(synthetic.Dataset, [new ClassFlip(1, 0.5, "object")], annotationsPerImage: 3, seed: 1);
        Assert.AreEqual(3, flipped.Dataset.Classes);
        for (int i = 0; i < flipped.Dataset.Count; i++)
            for (int a = 0; a < 3; a++)
                Assert.AreNotEqual(ModeDistribution.NoMode, flipped.ModeOf(i, flipped.Dataset.Annotation(i, a)));
    }
}
