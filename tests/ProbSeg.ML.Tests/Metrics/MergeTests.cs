using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

/// <summary>Every accumulator: two shards merged give exactly what one accumulator over all images gives.</summary>
[TestClass]
public sealed class MergeTests
{
    private const int Images = 6, Samples = 4, Annotators = 3, Classes = 2, Pixels = 64;

    private static readonly Image[] Data = MakeImages();

    [TestMethod]
    public void OverlapMetricsMerge()
    {
        AssertSame(Run(() => new IoUMetric(), (m, i) => m.Accumulate(i.Samples.AsSpan(0, Pixels), i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate()));
        AssertSame(Run(() => new DiceMetric(), (m, i) => m.Accumulate(i.Samples.AsSpan(0, Pixels), i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate()));
    }

    [TestMethod]
    public void GedAndHungarianMerge()
    {
        var drawn = new GedOptions { GroundTruth = GroundTruthSampling.DrawnWithReplacement(8, seed: 1) };
        foreach (var options in new[] { GedOptions.Default, drawn })
        {
            var (whole, merged) = Run(() => new GeneralizedEnergyDistanceMetric(options), (m, i) => m.Accumulate(i.SampleMaps, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate());
            AssertSame((whole.Ged, merged.Ged));
            AssertSame((whole.SampleDiversity, merged.SampleDiversity));
            AssertSame((whole.AnnotatorDiversity, merged.AnnotatorDiversity));
        }
        AssertSame(Run(() => new HungarianMatchedIoUMetric(), (m, i) => m.Accumulate(i.SampleMaps, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate()));
    }

    [TestMethod]
    public void ProbabilityAnalysesMerge()
    {
        var (g1, g2) = Run(() => new GammaMapNccMetric(), (m, i) => m.Accumulate(i.SampleProbabilities, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate());
        AssertSame((g1.Ncc, g2.Ncc));
        Assert.AreEqual(g1.UndefinedAnnotatorCount, g2.UndefinedAnnotatorCount);

        var (c1, c2) = Run(() => new CalibrationErrorMetric(), (m, i) => m.Accumulate(i.Mean, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate());
        AssertSame((c1.Ece, c2.Ece));
        for (int b = 0; b < 10; b++) Assert.AreEqual(c1.Pooled.Count(1, b), c2.Pooled.Count(1, b));
        Assert.AreEqual(c1.Pooled.ExpectedCalibrationError(1), c2.Pooled.ExpectedCalibrationError(1), 1e-12); // summation order only

        var (u1, u2) = Run(() => new UncertaintyAnalysisMetric(), (m, i) => m.Accumulate(i.Mean, i.SampleMaps, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate());
        AssertSame((u1.ErrorCorrelation, u2.ErrorCorrelation));
        foreach (var condition in Enum.GetValues<PixelCondition>())
        {
            Assert.AreEqual(u1.Breakdown.ByCondition(condition).Count, u2.Breakdown.ByCondition(condition).Count);
            Assert.AreEqual(u1.Breakdown.ByCondition(condition).Mean, u2.Breakdown.ByCondition(condition).Mean, 1e-12);
        }

        var (d1, d2) = Run(() => new SampleVersusMeanDiceMetric(), (m, i) => m.Accumulate(i.SampleMaps, i.MeanLabels, i.AnnotationMaps), (a, b) => a.Merge(b), m => m.Aggregate());
        Assert.AreEqual(d1.PooledFractionBetter, d2.PooledFractionBetter);
        AssertSame((d1.MedianGain, d2.MedianGain));
    }

    [TestMethod]
    public void ModeFrequencyMerges()
    {
        var (m1, m2) = Run(() => new ModeFrequencyCalibrationMetric(3),
            (m, i) => m.Accumulate(i.Samples.Take(Samples).Select(v => v % 4 - 1).ToArray(), [.5, .3, .2]), (a, b) => a.Merge(b), m => m.Aggregate());
        for (int mode = 0; mode < 3; mode++) Assert.AreEqual(m1.Modes[mode].PredictedFrequency, m2.Modes[mode].PredictedFrequency, 1e-12);
        AssertSame((m1.UnassignedFraction, m2.UnassignedFraction));
    }

    [TestMethod]
    public void MergeRejectsDifferentOptions()
    {
        var a = new IoUMetric();
        Assert.ThrowsExactly<ArgumentException>(() => a.Merge(new IoUMetric(new OverlapOptions { EmptyPairs = EmptyPairConvention.Exclude })));
        Assert.ThrowsExactly<ArgumentException>(() => a.Merge(a));
        Assert.ThrowsExactly<ArgumentException>(() => new CalibrationErrorMetric(2).Merge(new CalibrationErrorMetric(3)));
    }

    [TestMethod]
    public void ResetForgetsEverything()
    {
        var metric = new HungarianMatchedIoUMetric();
        metric.Accumulate(Data[0].SampleMaps, Data[0].AnnotationMaps);
        metric.Reset();
        Assert.AreEqual(0, metric.Aggregate().Count);
    }

    /// <summary>Runs one accumulator over all images and two over halves (3 + 3) then merges; returns both results.</summary>
    private static (TResult Whole, TResult Merged) Run<TMetric, TResult>(Func<TMetric> create, Action<TMetric, Image> accumulate,
        Action<TMetric, TMetric> merge, Func<TMetric, TResult> aggregate)
    {
        var whole = create();
        foreach (var image in Data) accumulate(whole, image);
        var first = create();
        var second = create();
        for (int i = 0; i < Images; i++) accumulate(i < Images / 2 ? first : second, Data[i]);
        merge(first, second);
        return (aggregate(whole), aggregate(first));
    }

    private static void AssertSame((MetricSummary Whole, MetricSummary Merged) r)
    {
        Assert.AreEqual(r.Whole.Count, r.Merged.Count);
        Assert.AreEqual(r.Whole.UndefinedCount, r.Merged.UndefinedCount);
        CollectionAssert.AreEqual(r.Whole.PerImage.ToArray(), r.Merged.PerImage.ToArray());
        Assert.AreEqual(r.Whole.Mean, r.Merged.Mean);
        Assert.IsTrue(r.Whole.Count == Images);
    }

    private sealed record Image(byte[] Samples, byte[] Annotations, float[] Probabilities, float[] Mean, byte[] MeanLabels)
    {
        public LabelMaps SampleMaps => new(Samples, Samples.Length / Pixels, Pixels);
        public LabelMaps AnnotationMaps => new(Annotations, Annotators, Pixels);
        public ProbabilityMaps SampleProbabilities => new(Probabilities, Samples.Length / Pixels, Classes, Pixels);
    }

    private static Image[] MakeImages()
    {
        var rng = new Random(7);
        return Enumerable.Range(0, Images).Select(k =>
        {
            var probabilities = new float[Samples * Classes * Pixels];
            for (int i = 0; i < Samples; i++)
                for (int x = 0; x < Pixels; x++)
                {
                    float p1 = (float)rng.NextDouble();
                    probabilities[(i * Classes + 1) * Pixels + x] = p1;
                    probabilities[i * Classes * Pixels + x] = 1 - p1;
                }
            var maps = new ProbabilityMaps(probabilities, Samples, Classes, Pixels);
            var mean = maps.Mean();
            var annotations = MetricTestData.RandomMaps(rng, Annotators, Pixels, Classes);
            if (k % 2 == 1) Array.Fill(annotations, (byte)255, Pixels, Pixels); // slot 1 missing in odd images
            return new Image(maps.Argmax(), annotations, probabilities, mean, new ProbabilityMaps(mean, 1, Classes, Pixels).Argmax());
        }).ToArray();
    }
}
