using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>Every analysis of an <see cref="EvaluationSuite"/> over a data set (null where an analysis did not run).</summary>
/// <param name="Images">Images accumulated.</param>
/// <param name="Classes">Classes K.</param>
/// <param name="Options">The settings used.</param>
/// <param name="Ged">GED, cross distance, sample and annotator diversity (PHiSeg conventions by default).</param>
/// <param name="HungarianMatchedIoU">HM-IoU per image and its mean.</param>
/// <param name="GammaMaps">PHiSeg's S_NCC; null when no image came with sample probabilities.</param>
/// <param name="GammaMapsSkipped">Images whose γ-map was skipped for lack of sample probabilities.</param>
/// <param name="SampleVersusMean">SSN: share of samples better than the mean prediction, median Dice gain, per-class Dice of the mean.</param>
/// <param name="Calibration">Class-wise ECE and the pooled reliability diagram of the mean prediction.</param>
/// <param name="Uncertainty">Czolbe: uncertainty by TP/TN/FP/FN and by annotator agreement, per-image r(uncertainty, error).</param>
/// <param name="UncertaintyError">Expected pixel error against uncertainty, pooled.</param>
/// <param name="ModeCalibration">Kohl: mode-frequency and pixel-marginal calibration; null without a <see cref="ModeReference"/>.</param>
/// <param name="Examples">Maps of the first images, for figures.</param>
public sealed record EvaluationReport(int Images, int Classes, EvaluationOptions Options,
    GedSummary? Ged, MetricSummary? HungarianMatchedIoU, GammaMapNccSummary? GammaMaps, int GammaMapsSkipped,
    SampleVersusMeanDiceSummary? SampleVersusMean, CalibrationSummary? Calibration,
    UncertaintyAnalysisSummary? Uncertainty, UncertaintyErrorCurve? UncertaintyError,
    ModeCalibrationReport? ModeCalibration, IReadOnlyList<EvaluationExample> Examples)
{
    /// <summary>
    /// The headline numbers by name, in a fixed order (for logs, tables and the ML.NET metrics object): GED,
    /// diversities, HM-IoU, S_NCC, fraction better, Dice of the mean per class, ECE, uncertainty medians, correlations,
    /// mode-calibration error. Names of analyses that did not run are absent.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> Scalars()
    {
        var values = new List<KeyValuePair<string, double>>();
        void Add(string name, double value) => values.Add(new(name, value));
        if (Ged is not null)
        {
            Add("GED", Ged.Ged.Mean);
            Add("SampleDiversity", Ged.SampleDiversity.Mean);
            Add("AnnotatorDiversity", Ged.AnnotatorDiversity.Mean);
        }
        if (HungarianMatchedIoU is not null) Add("HM-IoU", HungarianMatchedIoU.Mean);
        if (GammaMaps is not null) Add("S_NCC", GammaMaps.Ncc.Mean);
        if (SampleVersusMean is not null)
        {
            Add("FractionSamplesBetterThanMean", SampleVersusMean.FractionBetter.Mean);
            Add("MedianDiceGain", SampleVersusMean.MedianGain.Mean);
            for (int c = 0; c < SampleVersusMean.MeanDicePerClass.Count; c++) Add($"DiceOfMean[{c}]", SampleVersusMean.MeanDicePerClass[c].Mean);
        }
        if (Calibration is not null)
        {
            Add("ECE", Calibration.Ece.Mean);
            for (int c = 0; c < Calibration.EcePerClass.Count; c++) Add($"ECE[{c}]", Calibration.EcePerClass[c].Mean);
        }
        if (Uncertainty is not null)
        {
            foreach (var condition in Enum.GetValues<PixelCondition>())
                Add($"MedianUncertainty[{condition}]", Uncertainty.Breakdown.ByCondition(condition).Median);
            foreach (var agreement in Enum.GetValues<AnnotatorAgreement>())
                Add($"MedianUncertainty[{agreement}]", Uncertainty.Breakdown.ByAgreement(agreement).Median);
            Add("UncertaintyErrorCorrelation", Uncertainty.ErrorCorrelation.Mean);
        }
        if (UncertaintyError is not null) Add("PooledUncertaintyErrorCorrelation", UncertaintyError.PooledCorrelation);
        if (ModeCalibration is not null)
        {
            foreach (var group in ModeCalibration.Groups)
                if (group.Images > 0) Add($"ModeFrequencyError[{group.Group.Name}]", group.Summary.MeanAbsoluteError);
            Add("UnassignedSampleFraction", ModeCalibration.UnassignedFraction.Mean);
            var marginals = ModeCalibration.PixelMarginals;
            Add("PixelMarginalCalibrationError", Enumerable.Range(0, marginals.Classes).Select(marginals.ExpectedCalibrationError)
                .Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average());
            foreach (var sw in ModeCalibration.SwitchableClasses)
                Add($"FlipFrequency[{sw.Class.Name}]", sw.FlippedFrequency);
        }
        return values;
    }
}
