using ProbSeg.ML.Data;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;
using static ProbSeg.ML.Tests.Evaluation.SuiteTestData;

namespace ProbSeg.ML.Tests.Evaluation;

[TestClass]
public sealed class EvaluationSuiteTests
{
    private const int Size = 8, Pixels = Size * Size, Samples = 4, Images = 4;

    [TestMethod]
    public void APerfectConfidentModelGetsTheKnownAnswers()
    {
        // Two annotators draw 0110; both samples are exactly 0110 with probability 1.
        byte[] mask = [0, 1, 1, 0];
        var data = new AmbiguousDataset(new float[4], [.. mask, .. mask], 1, 1, 2, 2, 2, 2);
        var prediction = Prediction(OneHot([.. mask, .. mask], 2, 4), 1, 2, 2, 2, 2);
        var suite = new EvaluationSuite(2);
        suite.Accumulate(prediction, data);
        var report = suite.Aggregate();

        Assert.AreEqual(1, report.Images);
        Assert.AreEqual(0.0, report.Ged!.Ged.Mean, 1e-12);
        Assert.AreEqual(0.0, report.Ged.SampleDiversity.Mean, 1e-12);
        Assert.AreEqual(1.0, report.HungarianMatchedIoU!.Mean, 1e-12);
        Assert.AreEqual(0.0, report.SampleVersusMean!.FractionBetter.Mean); // ties never count as better
        Assert.AreEqual(1.0, report.SampleVersusMean.MeanDicePerClass[1].Mean, 1e-12);
        Assert.AreEqual(0.0, report.Calibration!.Ece.Mean, 1e-12);
        var breakdown = report.Uncertainty!.Breakdown;
        Assert.AreEqual(2, breakdown.ByCondition(PixelCondition.TruePositive).Count);
        Assert.AreEqual(2, breakdown.ByCondition(PixelCondition.TrueNegative).Count);
        Assert.AreEqual(0, breakdown.ByCondition(PixelCondition.FalsePositive).Count);
        Assert.AreEqual(0.0, breakdown.ByCondition(PixelCondition.TruePositive).Max);
        // Every map is constant: the correlations are undefined and counted, never reported as a number.
        Assert.AreEqual(1, report.GammaMaps!.Ncc.UndefinedCount);
        Assert.AreEqual(2, report.GammaMaps.UndefinedAnnotatorCount);
        Assert.AreEqual(1, report.Uncertainty.ErrorCorrelation.UndefinedCount);
        Assert.AreEqual(0.0, report.UncertaintyError!.OverallError);
        Assert.IsNull(report.ModeCalibration); // no mode reference given
    }

    [TestMethod]
    public void EveryNumberEqualsTheMetricCalledDirectly()
    {
        var rng = new Random(3);
        var data = Dataset(rng, Images + 1, Size);
        var probabilities = RandomProbabilities(rng, Images, Samples, Size);
        var prediction = Prediction(probabilities, Images, Samples, 2, Size, Size);
        var suite = new EvaluationSuite(2);
        suite.Accumulate(prediction, data, firstImage: 1); // prediction b is data image b + 1
        var report = suite.Aggregate();

        var ged = new List<double>(); var hm = new List<double>(); var ncc = new List<double>(); var ece = new List<double>();
        var better = new List<double>(); var r = new List<double>();
        for (int b = 0; b < Images; b++)
        {
            var samples = new LabelMaps(prediction.SamplesOf(b), Samples, Pixels);
            var annotations = new LabelMaps(data.Annotations(b + 1), 3, Pixels);
            ged.Add(GeneralizedEnergyDistance.Compute(samples, annotations).Ged);
            hm.Add(HungarianMatchedIoU.Compute(samples, annotations).Value);
            ncc.Add(GammaMapNcc.Compute(new ProbabilityMaps(prediction.SampleProbabilitiesOf(b), Samples, 2, Pixels), annotations).Ncc);
            ece.Add(CalibrationError.Compute(prediction.ScoreOf(b), 2, annotations).Ece);
            better.Add(SampleVersusMeanDice.Compute(samples, prediction.PredictedLabelOf(b), annotations).FractionBetter);
            r.Add(UncertaintyAnalysis.Compute(prediction.ScoreOf(b), samples, annotations).ErrorCorrelation);
        }
        Assert.AreEqual(ged.Average(), report.Ged!.Ged.Mean, 1e-12);
        Assert.AreEqual(hm.Average(), report.HungarianMatchedIoU!.Mean, 1e-12);
        Assert.AreEqual(ncc.Where(v => !double.IsNaN(v)).Average(), report.GammaMaps!.Ncc.Mean, 1e-12);
        Assert.AreEqual(ece.Average(), report.Calibration!.Ece.Mean, 1e-12);
        Assert.AreEqual(better.Where(v => !double.IsNaN(v)).Average(), report.SampleVersusMean!.FractionBetter.Mean, 1e-12);
        Assert.AreEqual(r.Where(v => !double.IsNaN(v)).Average(), report.Uncertainty!.ErrorCorrelation.Mean, 1e-12);
        Assert.IsTrue(report.GammaMaps.Ncc.Mean > 0, "γ-maps of blob-shaped samples should correlate with the annotators' errors");
        Assert.AreEqual(Images, report.Ged.Ged.Count);
    }

    [TestMethod]
    public void ShardsMergeToOnePass()
    {
        var rng = new Random(4);
        var data = Dataset(rng, Images, Size);
        var prediction = Prediction(RandomProbabilities(rng, Images, Samples, Size), Images, Samples, 2, Size, Size);
        var whole = new EvaluationSuite(2, modes: new HandMadeModesOn(Images, Pixels));
        whole.Accumulate(prediction, data);
        var first = new EvaluationSuite(2, modes: new HandMadeModesOn(Images, Pixels));
        var second = new EvaluationSuite(2, modes: new HandMadeModesOn(Images, Pixels));
        for (int b = 0; b < Images; b++)
            (b < 1 ? first : second).Accumulate(ImagePrediction.From(prediction, b), new LabelMaps(data.Annotations(b), 3, Pixels), b, data.Image(b));
        first.Merge(second);
        var (a, m) = (whole.Aggregate(), first.Aggregate());
        Assert.AreEqual(a.Images, m.Images);
        var expected = a.Scalars();
        var merged = m.Scalars();
        CollectionAssert.AreEqual(expected.Select(kv => kv.Key).ToArray(), merged.Select(kv => kv.Key).ToArray());
        for (int i = 0; i < expected.Count; i++)
            Assert.AreEqual(expected[i].Value, merged[i].Value, 1e-12, expected[i].Key);
        CollectionAssert.AreEqual(a.Examples.Select(e => e.ImageIndex).ToArray(), m.Examples.Select(e => e.ImageIndex).ToArray());

        first.Reset();
        Assert.AreEqual(0, first.Count);
        Assert.AreEqual(0, first.Aggregate().Ged!.Ged.Count);
    }

    [TestMethod]
    public void MissingSampleProbabilitiesSkipGammaMapsAndSaySo()
    {
        var rng = new Random(5);
        var data = Dataset(rng, 2, Size);
        var prediction = Prediction(RandomProbabilities(rng, 2, Samples, Size), 2, Samples, 2, Size, Size, keepSampleProbabilities: false);
        var suite = new EvaluationSuite(2);
        suite.Accumulate(prediction, data);
        var report = suite.Aggregate();
        Assert.IsNull(report.GammaMaps);
        Assert.AreEqual(2, report.GammaMapsSkipped);
        Assert.IsNotNull(report.Calibration);
        Assert.IsFalse(report.Scalars().Any(kv => kv.Key == "S_NCC"));
    }

    [TestMethod]
    public void AnalysesCanBeSwitchedOff()
    {
        var rng = new Random(6);
        var data = Dataset(rng, 2, Size);
        var prediction = Prediction(RandomProbabilities(rng, 2, Samples, Size), 2, Samples, 2, Size, Size);
        var suite = new EvaluationSuite(2, new EvaluationOptions { Analyses = EvaluationAnalyses.Calibration }, new HandMadeModesOn(2, Pixels));
        suite.Accumulate(prediction, data);
        var report = suite.Aggregate();
        Assert.IsNotNull(report.Calibration);
        Assert.IsNull(report.Ged);
        Assert.IsNull(report.HungarianMatchedIoU);
        Assert.IsNull(report.GammaMaps);
        Assert.IsNull(report.SampleVersusMean);
        Assert.IsNull(report.Uncertainty);
        Assert.IsNull(report.UncertaintyError);
        Assert.IsNull(report.ModeCalibration);
    }

    [TestMethod]
    public void ExamplesKeepTheMapsOfTheFirstImages()
    {
        var rng = new Random(7);
        var data = Dataset(rng, 3, Size);
        var prediction = Prediction(RandomProbabilities(rng, 3, Samples, Size), 3, Samples, 2, Size, Size);
        var suite = new EvaluationSuite(2, new EvaluationOptions { ExampleCount = 2 });
        suite.Accumulate(prediction, data);
        var examples = suite.Aggregate().Examples;
        CollectionAssert.AreEqual(new[] { 0, 1 }, examples.Select(e => e.ImageIndex).ToArray());
        CollectionAssert.AreEqual(data.Image(1).ToArray(), examples[1].Image);
        Assert.AreEqual(2, examples[1].Annotations.Count); // image 1's third slot is absent
        Assert.IsNotNull(examples[0].GammaMap);
        Assert.AreEqual(Pixels, examples[0].Uncertainty.Length);
        Assert.AreEqual(1f - prediction.ScoreOf(0)[5], examples[0].MeanForeground()[5], 1e-6f);
    }

    [TestMethod]
    public void ModeCalibrationRunsAgainstAReference()
    {
        // 4-pixel image with two annotators; samples A, B, A, A against modes A (0.75) and B (0.25).
        byte[] a = HandMadeModes.A, b = HandMadeModes.B;
        var data = new AmbiguousDataset(new float[4], [.. a, .. b], 1, 1, 2, 2, 2, 2);
        var prediction = Prediction(OneHot([.. a, .. b, .. a, .. a], 2, 4), 1, 4, 2, 2, 2);
        var suite = new EvaluationSuite(2, modes: new HandMadeModes(1));
        suite.Accumulate(prediction, data);
        var modes = suite.Aggregate().ModeCalibration!;
        Assert.AreEqual(0.0, modes.Groups[0].Summary.MeanAbsoluteError, 1e-12);
        Assert.AreEqual(ModeAssignment.NearestMode, modes.Assignment);
    }

    [TestMethod]
    public void BadInputIsNamed()
    {
        var rng = new Random(8);
        var data = Dataset(rng, 2, Size);
        var prediction = Prediction(RandomProbabilities(rng, 2, Samples, Size), 2, Samples, 2, Size, Size);
        var classes = Assert.ThrowsExactly<ArgumentException>(() => new EvaluationSuite(3).Accumulate(prediction, data));
        StringAssert.Contains(classes.Message, "2 classes");
        var range = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EvaluationSuite(2).Accumulate(prediction, data, firstImage: 1));
        StringAssert.Contains(range.Message, "[1, 3)");
        var small = Dataset(rng, 2, 4);
        var size = Assert.ThrowsExactly<ArgumentException>(() => new EvaluationSuite(2).Accumulate(prediction, small));
        StringAssert.Contains(size.Message, "8×8");
        Assert.ThrowsExactly<ArgumentException>(() => new EvaluationSuite(2, new EvaluationOptions { CalibrationBins = 0 }));
        var shape = Assert.ThrowsExactly<ArgumentException>(() => new ImagePrediction(new float[7], new byte[4], 1, 2, 2, 2));
        StringAssert.Contains(shape.Message, "[2, 2, 2]");
    }

    /// <summary><see cref="HandMadeModes"/> scaled to larger images: mode A is the top half, mode B everything.</summary>
    private sealed class HandMadeModesOn(int images, int pixels) : ModeReference
    {
        public override IReadOnlyList<ModeGroup> Groups { get; } = [new ModeGroup("hand", ["A", "B"])];
        public override int ImageCount => images;
        public override ImageModes Modes(int imageIndex)
        {
            RequireImage(imageIndex);
            var top = new byte[pixels];
            Array.Fill(top, (byte)1, 0, pixels / 2);
            var all = Enumerable.Repeat((byte)1, pixels).ToArray();
            return new ImageModes(0, new ProbSeg.ML.Data.Synthetic.ModeDistribution(
                [new ProbSeg.ML.Data.Synthetic.SegmentationMode("A", top, 0.6), new ProbSeg.ML.Data.Synthetic.SegmentationMode("B", all, 0.4)]), [0, 1]);
        }
    }
}
