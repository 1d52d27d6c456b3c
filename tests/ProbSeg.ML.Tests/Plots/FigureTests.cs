using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Protocols;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Plots;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Tests.Plots;

[TestClass]
public sealed class FigureTests
{
    private readonly List<string> _folders = [];

    private static EvaluationReport Report => FigureTestData.Report;

    [TestCleanup]
    public void DeleteFigures()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    private string TempFolder()
    {
        var folder = PngAssert.TempFolder();
        _folders.Add(folder);
        return folder;
    }

    [TestMethod]
    public void ReliabilityDiagramIsWritten()
    {
        string path = Path.Combine(TempFolder(), "reliability.png");
        Assert.AreEqual(path, ReliabilityDiagramFigure.Save(Report.Calibration!.Pooled, path, width: 500, height: 400));
        PngAssert.IsFigure(path, 500, 400);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ReliabilityDiagramFigure.Save(Report.Calibration.Pooled, path, classes: [2]));
    }

    [TestMethod]
    public void ModeCalibrationBisectorIsWritten()
    {
        string path = Path.Combine(TempFolder(), "nested", "modes.png"); // missing folders are created
        ModeCalibrationFigure.Save(Report.ModeCalibration!, path, width: 600, height: 550);
        PngAssert.IsFigure(path, 600, 550);
    }

    [TestMethod]
    public void SwitchableClassBarsAreWritten()
    {
        var source = new AmbiguousDataset(new float[4], [0, 1, 1, 2], 1, 1, 2, 2, 1, 3);
        var flipped = ClassFlipProtocol.Apply(source, [new ClassFlip(1, 0.3, "lesion"), new ClassFlip(2, 0.6, "organ")]);
        var metric = new ModeCalibrationMetric(ModeReference.FromClassFlip(flipped), 5);
        metric.Accumulate(0, new LabelMaps(new byte[] { 0, 1, 1, 2, 0, 3, 3, 4, 0, 1, 1, 4 }, 3, 4));
        string path = Path.Combine(TempFolder(), "switch.png");
        SwitchableClassFigure.Save(metric.Aggregate().SwitchableClasses, path, width: 600, height: 400);
        PngAssert.IsFigure(path, 600, 400);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => SwitchableClassFigure.Save([], path));
        StringAssert.Contains(ex.Message, "class-flip");
    }

    [TestMethod]
    public void UncertaintyFiguresAreWritten()
    {
        string folder = TempFolder();
        UncertaintyByConditionFigure.Save(Report.Uncertainty!.Breakdown, Path.Combine(folder, "c.png"), width: 640, height: 480);
        PngAssert.IsFigure(Path.Combine(folder, "c.png"), 640, 480);
        UncertaintyByAgreementFigure.Save(Report.Uncertainty.Breakdown, Path.Combine(folder, "a.png"), width: 640, height: 480);
        PngAssert.IsFigure(Path.Combine(folder, "a.png"), 640, 480);
        UncertaintyErrorFigure.Save(Report.UncertaintyError!, Path.Combine(folder, "e.png"), Report.Uncertainty.ErrorCorrelation.Mean, width: 640, height: 480);
        PngAssert.IsFigure(Path.Combine(folder, "e.png"), 640, 480);
    }

    [TestMethod]
    public void SampleVersusMeanHistogramIsWritten()
    {
        string path = Path.Combine(TempFolder(), "svm.png");
        SampleVersusMeanFigure.Save(Report.SampleVersusMean!, path, width: 640, height: 480);
        PngAssert.IsFigure(path, 640, 480);
    }

    [TestMethod]
    public void GammaMapGridHasOneRowPerExampleAndAColumnPerAnnotator()
    {
        string path = Path.Combine(TempFolder(), "gamma.png");
        GammaMapFigure.Save(Report.Examples, path, maxRows: 2, cellSize: 100);
        // 3 fixed columns (image, mean, γ-map) + 4 annotators; rows of cellSize + 24 for the titles.
        PngAssert.IsFigure(path, 7 * 100, 2 * 124);
        var noGamma = Report.Examples.Select(e => e with { GammaMap = null }).ToArray();
        var ex = Assert.ThrowsExactly<ArgumentException>(() => GammaMapFigure.Save(noGamma, path));
        StringAssert.Contains(ex.Message, "keepSampleProbabilities");
    }

    [TestMethod]
    public void LearningCurveStacksLossTermsAndValidation()
    {
        var recorder = new TrainingTermRecorder();
        var loss = new List<double>();
        for (int step = 1; step <= 60; step++)
        {
            double ce = 50 * Math.Exp(-step / 20.0) + 5, kl = 2 + Math.Sin(step / 5.0);
            loss.Add(ce + kl);
            recorder.Record(new TrainingProgress(0, step, ce + kl, new Dictionary<string, double> { ["ce"] = ce, ["kl"] = kl }, null));
        }
        recorder.Record(new TrainingProgress(0, 60, loss[^1], new Dictionary<string, double>(), 0.4)); // a validation report: ignored
        Assert.AreEqual(60, recorder.Terms["kl"].Count);
        var report = new TrainingReport(60, 1, loss[^1], 0.3, 40, loss, [(20, 0.5), (40, 0.3), (60, 0.4)], TimeSpan.FromSeconds(1));
        string path = Path.Combine(TempFolder(), "curve.png");
        LearningCurveFigure.Save(LearningCurve.From(report, recorder), path, width: 600, panelHeight: 150);
        PngAssert.IsFigure(path, 600, 4 * 150); // loss, ce, kl, validation
        var empty = new TrainingReport(0, 0, double.NaN, null, null, [], [], TimeSpan.Zero);
        Assert.ThrowsExactly<ArgumentException>(() => LearningCurveFigure.Save(LearningCurve.From(empty), path));
    }

    [TestMethod]
    public void SaveAllWritesEveryApplicableFigure()
    {
        var written = EvaluationFigures.SaveAll(Report, TempFolder());
        CollectionAssert.AreEquivalent(new[]
        {
            "gamma-maps", "reliability", "samples-vs-mean", "uncertainty-by-condition", "uncertainty-by-agreement",
            "uncertainty-vs-error", "mode-calibration", "pixel-marginals",
        }, written.Keys.ToArray());
        foreach (var path in written.Values) Assert.IsTrue(new FileInfo(path).Length > 1000, path);
    }

    [TestMethod]
    public void ViolinQuartilesComeFromTheHistogram()
    {
        // 100 values spread evenly over [0, 1): each quantile equals its share, to within one bin (0.01).
        var histogram = new UncertaintyHistogram(100, 1);
        for (int i = 0; i < 100; i++) histogram.Add((i + 0.5) / 100);
        Assert.AreEqual(0.25, HistogramViolins.Quantile(histogram, 0.25), 0.01);
        Assert.AreEqual(0.5, HistogramViolins.Quantile(histogram, 0.5), 0.01);
        Assert.AreEqual(0.75, HistogramViolins.Quantile(histogram, 0.75), 0.01);
        Assert.IsTrue(double.IsNaN(HistogramViolins.Quantile(new UncertaintyHistogram(10, 1), 0.5)));
    }
}
