using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Protocols;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Evaluation;

[TestClass]
public sealed class ModeCalibrationMetricTests
{
    private static readonly byte[] A = HandMadeModes.A, B = HandMadeModes.B;

    [TestMethod]
    public void SamplesInTrueProportionsLieOnTheBisector()
    {
        var metric = new ModeCalibrationMetric(new HandMadeModes(1), classes: 2, ModeAssignment.ExactMatch);
        var result = metric.Accumulate(0, new LabelMaps(HandMadeModes.Samples(A, B, A, A), 4, 4));
        CollectionAssert.AreEqual(new[] { 0, 1, 0, 0 }, result.AssignedModes.ToArray());
        var report = metric.Aggregate();
        var group = report.Groups.Single();
        Assert.AreEqual(1, group.Images);
        Assert.AreEqual(0.75, group.Summary.Modes[0].PredictedFrequency, 1e-12);
        Assert.AreEqual(0.25, group.Summary.Modes[1].PredictedFrequency, 1e-12);
        Assert.AreEqual(0.0, group.Summary.MeanAbsoluteError, 1e-12);
        Assert.AreEqual(2, report.Points.Count);
        Assert.AreEqual(0.0, report.UnassignedFraction.Mean);
        // Sample frequencies equal the true marginals at every pixel, so every class is perfectly calibrated.
        Assert.AreEqual(0.0, report.PixelMarginals.ExpectedCalibrationError(1), 1e-12);
        Assert.AreEqual(0.0, report.PixelMarginals.ExpectedCalibrationError(0), 1e-12);
    }

    [TestMethod]
    public void NearestAssignsANoisySampleWhereExactLeavesItOut()
    {
        byte[] nearlyB = [1, 0, 1, 0]; // one pixel off B, two off A
        var samples = new LabelMaps(HandMadeModes.Samples(nearlyB, A), 2, 4);
        var exact = new ModeCalibrationMetric(new HandMadeModes(1), 2, ModeAssignment.ExactMatch).Accumulate(0, samples);
        var nearest = new ModeCalibrationMetric(new HandMadeModes(1), 2, ModeAssignment.NearestMode).Accumulate(0, samples);
        CollectionAssert.AreEqual(new[] { -1, 0 }, exact.AssignedModes.ToArray());
        Assert.AreEqual(0.5, exact.Frequencies.UnassignedFraction);
        CollectionAssert.AreEqual(new[] { 1, 0 }, nearest.AssignedModes.ToArray());
    }

    [TestMethod]
    public void PixelMarginalsMeasureSampleFrequencyAgainstTheTrueMarginal()
    {
        // All samples are A: pixel 2 is sampled as foreground 0 times while its true marginal is 0.25; the other
        // three pixels match exactly, so class 1's ECE is (0.25 + 0 + 0 + 0) / 4.
        var metric = new ModeCalibrationMetric(new HandMadeModes(1), 2);
        metric.Accumulate(0, new LabelMaps(HandMadeModes.Samples(A, A), 2, 4));
        var marginals = metric.Aggregate().PixelMarginals;
        Assert.AreEqual(0.25 / 4, marginals.ExpectedCalibrationError(1), 1e-12);
        Assert.AreEqual(0.125, marginals.Accuracy(1, 0), 1e-12); // bin 0 (frequency 0) holds pixels 2 and 3: true 0.25 and 0
        Assert.AreEqual(2, marginals.Count(1, 0));
    }

    [TestMethod]
    public void ClassFlipCountsKohlsPixelFrequenciesPerSwitchableClass()
    {
        // Source: one annotation per image, class 1 on two pixels. Class 1 flips to class 2 with probability 0.3.
        var source = new AmbiguousDataset(new float[4], [0, 1, 1, 0], 1, 1, 2, 2, 1, 2);
        var flipped = ClassFlipProtocol.Apply(source, [new ClassFlip(1, 0.3, "lesion")], annotationsPerImage: 2, seed: 3);
        var reference = ModeReference.FromClassFlip(flipped);
        Assert.AreEqual(2, reference.Groups[0].ModeNames.Count); // 2^1 combinations
        var metric = new ModeCalibrationMetric(reference, classes: 3);
        // Four samples: kept, flipped, kept, kept → 25 % of the class-1 pixels flipped.
        var samples = new LabelMaps(new byte[] { 0, 1, 1, 0, 0, 2, 2, 0, 0, 1, 1, 0, 0, 1, 1, 0 }, 4, 4);
        var result = metric.Accumulate(0, samples);
        CollectionAssert.AreEqual(new[] { 0, 1, 0, 0 }, result.AssignedModes.ToArray());
        var report = metric.Aggregate();
        var lesion = report.SwitchableClasses.Single();
        Assert.AreEqual(0.3, lesion.Class.Probability);
        Assert.AreEqual(2, lesion.Class.FlippedClassId);
        Assert.AreEqual(8, lesion.SampledPixels); // 2 pixels × 4 samples
        Assert.AreEqual(0.25, lesion.FlippedFrequency, 1e-12);
        Assert.AreEqual(0.75, lesion.KeptFrequency, 1e-12);
        var modes = report.Groups[0].Summary.Modes;
        Assert.AreEqual(0.7, modes[0].TrueProbability, 1e-12);
        Assert.AreEqual(0.75, modes[0].PredictedFrequency, 1e-12);
        Assert.AreEqual(0.05, report.Groups[0].Summary.MeanAbsoluteError, 1e-12);
    }

    [TestMethod]
    public void SyntheticSamplesDrawnFromTheTruthAreCalibrated()
    {
        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 6, ImageSize = 16, Seed = 5 });
        var reference = ModeReference.FromSynthetic(synthetic);
        CollectionAssert.AreEqual(new[] { "Presence", "Border", "Mode" }, reference.Groups.Select(g => g.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "present", "absent" }, reference.Groups[0].ModeNames.ToArray());
        var metric = new ModeCalibrationMetric(reference, 2, ModeAssignment.ExactMatch);
        const int n = 200;
        for (int i = 0; i < synthetic.Count; i++)
            metric.Accumulate(i, new LabelMaps(synthetic.DrawAnnotations(i, n, seed: 11), n, 256));
        var report = metric.Aggregate();
        Assert.AreEqual(0.0, report.UnassignedFraction.Mean);
        foreach (var group in report.Groups)
        {
            Assert.AreEqual(2, group.Images);
            // Each frequency is a binomial share of 2·200 draws: sd ≤ 0.5/√400 = 0.025, so 0.08 is > 3 sd.
            foreach (var mode in group.Summary.Modes) Assert.AreEqual(mode.TrueProbability, mode.PredictedFrequency, 0.08, $"{group.Group.Name} {mode.Mode}");
        }
        Assert.IsTrue(report.PixelMarginals.ExpectedCalibrationError(1) < 0.05);
    }

    [TestMethod]
    public void ShardsMergeToOnePass()
    {
        var samples = new[]
        {
            HandMadeModes.Samples(A, B, A, A), HandMadeModes.Samples(B, B, A, A), HandMadeModes.Samples(A, A, A, [1, 0, 1, 0]),
        };
        var whole = new ModeCalibrationMetric(new HandMadeModes(3), 2);
        var first = new ModeCalibrationMetric(new HandMadeModes(3), 2);
        var second = new ModeCalibrationMetric(new HandMadeModes(3), 2);
        for (int i = 0; i < 3; i++)
        {
            whole.Accumulate(i, new LabelMaps(samples[i], 4, 4));
            (i < 2 ? first : second).Accumulate(i, new LabelMaps(samples[i], 4, 4));
        }
        first.Merge(second);
        var (a, b) = (whole.Aggregate(), first.Aggregate());
        Assert.AreEqual(a.Groups[0].Summary.MeanAbsoluteError, b.Groups[0].Summary.MeanAbsoluteError, 1e-15);
        Assert.AreEqual(a.Groups[0].Images, b.Groups[0].Images);
        CollectionAssert.AreEqual(a.Points.ToArray(), b.Points.ToArray());
        Assert.AreEqual(a.PixelMarginals.ExpectedCalibrationError(1), b.PixelMarginals.ExpectedCalibrationError(1), 1e-15);
        first.Reset();
        Assert.AreEqual(0, first.Aggregate().Points.Count);
    }

    [TestMethod]
    public void BadInputIsNamed()
    {
        var metric = new ModeCalibrationMetric(new HandMadeModes(1), 2);
        var size = Assert.ThrowsExactly<ArgumentException>(() => metric.Accumulate(0, new LabelMaps(new byte[6], 1, 6)));
        StringAssert.Contains(size.Message, "6 pixels");
        var label = Assert.ThrowsExactly<ArgumentException>(() => metric.Accumulate(0, new LabelMaps(new byte[] { 0, 3, 0, 0 }, 1, 4)));
        StringAssert.Contains(label.Message, "class id 3");
        var index = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => metric.Accumulate(1, new LabelMaps(A, 1, 4)));
        StringAssert.Contains(index.Message, "Image index 1");
    }
}
