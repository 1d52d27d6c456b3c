using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Tests.Data.Synthetic;

[TestClass]
public sealed class SyntheticAmbiguousDataTests
{
    private static SyntheticAmbiguousData Small(int count = 12, int size = 16, int seed = 3) =>
        SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = count, ImageSize = size, Seed = seed });

    [TestMethod]
    public void EmpiricalModeFrequenciesOfDrawnAnnotationsMatchTheStatedProbabilities()
    {
        var data = Small();
        const int draws = 4000;
        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.TrueDistribution(i);
            var masks = data.DrawAnnotations(i, draws, seed: 11);
            var counts = new int[truth.Count];
            for (int d = 0; d < draws; d++)
            {
                int mode = data.ModeOf(i, masks.AsSpan(d * truth.PixelCount, truth.PixelCount));
                Assert.AreNotEqual(ModeDistribution.NoMode, mode, $"Image {i}: a drawn annotation is not one of the modes.");
                counts[mode]++;
            }
            for (int k = 0; k < truth.Count; k++)
            {
                double p = truth.Modes[k].Probability;
                // A mode count is binomial(draws, p): 4 standard deviations is a fixed-seed bound met with ~99.99 % per mode.
                double tolerance = 4 * Math.Sqrt(p * (1 - p) / draws) + 1e-12;
                Assert.AreEqual(p, counts[k] / (double)draws, tolerance, $"Image {i} ({data.KindOf(i)}), mode {truth.Modes[k]}.");
            }
        }
    }

    [TestMethod]
    public void StoredAnnotationsFollowTheModeProbabilitiesAcrossTheSet()
    {
        var data = SyntheticAmbiguousData.Generate(new SyntheticOptions
        {
            Count = 300, ImageSize = 16, Seed = 5, Kinds = [AmbiguityKind.Mode], AnnotatorsPerImage = 4,
        });
        var counts = new Dictionary<string, int>();
        int total = 0;
        for (int i = 0; i < data.Count; i++)
            for (int a = 0; a < data.Dataset.Annotators; a++)
            {
                int mode = data.ModeOf(i, data.Dataset.Annotation(i, a));
                Assert.AreNotEqual(ModeDistribution.NoMode, mode);
                string name = data.TrueDistribution(i).Modes[mode].Name;
                counts[name] = counts.GetValueOrDefault(name) + 1;
                total++;
            }
        foreach (var (name, p) in new[] { ("part-A", 0.4), ("part-B", 0.3), ("both", 0.3) })
        {
            // Binomial over 1200 i.i.d. annotations: σ ≤ 0.0145, so 4σ ≈ 0.058.
            double tolerance = 4 * Math.Sqrt(p * (1 - p) / total);
            Assert.AreEqual(p, counts.GetValueOrDefault(name) / (double)total, tolerance, name);
        }
    }

    [TestMethod]
    public void PresenceProbabilityRisesWithTheVisibleContrast()
    {
        var data = SyntheticAmbiguousData.Generate(new SyntheticOptions
        {
            Count = 60, ImageSize = 32, Seed = 2, Kinds = [AmbiguityKind.Presence],
        });
        var contrast = new List<double>();
        var probability = new List<double>();
        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.TrueDistribution(i);
            var present = truth.Modes.Single(m => m.Name == "present");
            Assert.IsTrue(truth.Modes.Any(m => m.Name == "absent" && !m.Mask.Span.ContainsAnyExcept((byte)0)));
            var image = data.Dataset.Image(i);
            var mask = present.Mask.Span;
            double inside = 0, outside = 0;
            int nIn = 0, nOut = 0;
            for (int p = 0; p < mask.Length; p++)
                if (mask[p] == 1) { inside += image[p]; nIn++; } else { outside += image[p]; nOut++; }
            contrast.Add(inside / nIn - outside / nOut);
            probability.Add(present.Probability);
            Assert.IsTrue(present.Probability >= 0.2 - 1e-12 && present.Probability <= 0.8 + 1e-12);
        }
        // The image informs p: measured contrast and p must be almost perfectly correlated (noise σ 0.05 averages out).
        Assert.IsTrue(Correlation(contrast, probability) > 0.95, $"Correlation {Correlation(contrast, probability)}.");
    }

    [TestMethod]
    public void SameSeedGivesIdenticalDataAndDifferentSeedsDiffer()
    {
        var a = Small(seed: 9);
        var b = Small(seed: 9);
        var c = Small(seed: 10);
        CollectionAssert.AreEqual(a.Dataset.Images, b.Dataset.Images);
        CollectionAssert.AreEqual(a.Dataset.Labels, b.Dataset.Labels);
        CollectionAssert.AreEqual(a.DrawAnnotations(3, 50, 1), b.DrawAnnotations(3, 50, 1));
        CollectionAssert.AreNotEqual(a.DrawAnnotations(3, 50, 1), a.DrawAnnotations(3, 50, 2));
        CollectionAssert.AreNotEqual(a.Dataset.Images, c.Dataset.Images);
    }

    [TestMethod]
    public void FirstImagesOfALargerSetEqualASmallerSet()
    {
        var small = Small(count: 5);
        var large = Small(count: 11);
        int pixels = small.Dataset.PixelCount;
        CollectionAssert.AreEqual(small.Dataset.Images, large.Dataset.Images.AsSpan(0, 5 * pixels).ToArray());
        CollectionAssert.AreEqual(small.Dataset.Labels, large.Dataset.Labels.AsSpan(0, 5 * 4 * pixels).ToArray());
    }

    [TestMethod]
    [DataRow(16)]
    [DataRow(32)]
    [DataRow(64)]
    public void EveryImageSizeGivesValidDistinctModesAndBalancedKinds(int size)
    {
        var data = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 30, ImageSize = size, Seed = 4 });
        var ds = data.Dataset;
        Assert.AreEqual(30, ds.Count);
        Assert.AreEqual((1, size, size, 4, 2), (ds.Channels, ds.Height, ds.Width, ds.Annotators, ds.Classes));
        Assert.IsTrue(ds.Images.All(v => v >= 0 && v <= 1), "Intensities must lie in [0, 1].");
        var kinds = Enumerable.Range(0, data.Count).GroupBy(data.KindOf).ToDictionary(g => g.Key, g => g.Count());
        foreach (var kind in new[] { AmbiguityKind.Presence, AmbiguityKind.Border, AmbiguityKind.Mode })
            Assert.AreEqual(10, kinds[kind], $"{kind} share.");

        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.TrueDistribution(i);
            Assert.AreEqual(1.0, truth.Modes.Sum(m => m.Probability), 1e-12);
            Assert.AreEqual(truth.Count, truth.MergeIdentical().Count, $"Image {i}: modes must be distinct masks.");
            int expectedModes = data.KindOf(i) switch { AmbiguityKind.Presence => 2, AmbiguityKind.Mode => 3, _ => 3 };
            if (data.KindOf(i) != AmbiguityKind.Border || size >= 32)
                Assert.AreEqual(expectedModes, truth.Count, $"Image {i} ({data.KindOf(i)}).");
            foreach (var mode in truth.Modes.Where(m => m.Name != "absent"))
                Assert.IsTrue(mode.Mask.Span.Contains((byte)1), $"Image {i}: mode {mode.Name} is empty.");
        }
    }

    [TestMethod]
    public void ModeImagesShowBothPartsClearly()
    {
        var data = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 20, ImageSize = 32, Seed = 8, Kinds = [AmbiguityKind.Mode] });
        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.TrueDistribution(i);
            var image = data.Dataset.Image(i);
            foreach (var part in new[] { "part-A", "part-B" })
            {
                var mask = truth.Modes.Single(m => m.Name == part).Mask.Span;
                double mean = 0;
                int n = 0;
                for (int p = 0; p < mask.Length; p++) if (mask[p] == 1) { mean += image[p]; n++; }
                Assert.IsTrue(mean / n > 0.5, $"Image {i}: {part} mean intensity {mean / n} is not clearly above the 0.1 background.");
            }
            var a = truth.Modes.Single(m => m.Name == "part-A").Mask.Span;
            var b = truth.Modes.Single(m => m.Name == "part-B").Mask.Span;
            for (int p = 0; p < a.Length; p++) Assert.IsFalse(a[p] == 1 && b[p] == 1, $"Image {i}: parts overlap.");
        }
    }

    [TestMethod]
    public void ModeLookupFindsEachModeAndRejectsOtherMasks()
    {
        var data = Small();
        for (int i = 0; i < data.Count; i++)
        {
            var truth = data.TrueDistribution(i);
            for (int k = 0; k < truth.Count; k++) Assert.AreEqual(k, data.ModeOf(i, truth.Modes[k].Mask.Span));
            var other = new byte[truth.PixelCount];
            other.AsSpan().Fill(1);
            Assert.AreEqual(ModeDistribution.NoMode, data.ModeOf(i, other));
            // One pixel off is no exact match, but a 1 % tolerance finds the mode again.
            var nearly = truth.Modes[0].Mask.ToArray();
            nearly[0] ^= 1;
            Assert.AreEqual(ModeDistribution.NoMode, truth.IndexOf(nearly));
            Assert.AreEqual(0, truth.IndexOf(nearly, maxMismatchFraction: 0.01));
        }
    }

    [TestMethod]
    public void WithAnnotationsKeepsImagesAndDrawsManyMasks()
    {
        var data = Small(count: 4);
        var many = data.WithAnnotations(32, seed: 1);
        Assert.AreEqual(32, many.Annotators);
        Assert.AreSame(data.Dataset.Images, many.Images);
        for (int i = 0; i < many.Count; i++)
            for (int a = 0; a < 32; a++)
                Assert.AreNotEqual(ModeDistribution.NoMode, data.ModeOf(i, many.Annotation(i, a)));
    }

    [TestMethod]
    public void InvalidOptionsAreReportedByName()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => SyntheticAmbiguousData.Generate(new SyntheticOptions { ImageSize = 8 }));
        StringAssert.Contains(e.Message, "ImageSize");
        e = Assert.ThrowsExactly<ArgumentException>(() => SyntheticAmbiguousData.Generate(new SyntheticOptions { PartAProbability = 0.5 }));
        StringAssert.Contains(e.Message, "must sum to 1");
        e = Assert.ThrowsExactly<ArgumentException>(() => SyntheticAmbiguousData.Generate(new SyntheticOptions { BorderProbabilities = [1.0] }));
        StringAssert.Contains(e.Message, "BorderProbabilities");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Small(count: 2).TrueDistribution(2));
    }

    [TestMethod]
    public void CertainKindHasOneModeOfProbabilityOne()
    {
        var data = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 3, ImageSize = 16, Kinds = [AmbiguityKind.Certain] });
        for (int i = 0; i < data.Count; i++)
        {
            Assert.AreEqual(1, data.TrueDistribution(i).Count);
            for (int a = 1; a < data.Dataset.Annotators; a++)
                Assert.IsTrue(data.Dataset.Annotation(i, a).SequenceEqual(data.Dataset.Annotation(i, 0)));
        }
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
