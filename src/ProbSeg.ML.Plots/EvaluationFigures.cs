using ProbSeg.ML.Evaluation;

namespace ProbSeg.ML.Plots;

/// <summary>Writes every figure an <see cref="EvaluationReport"/> supports into one folder.</summary>
public static class EvaluationFigures
{
    /// <summary>
    /// Writes each applicable figure to <paramref name="folder"/>: <c>gamma-maps.png</c>, <c>reliability.png</c>,
    /// <c>samples-vs-mean.png</c>, <c>uncertainty-by-condition.png</c>, <c>uncertainty-by-agreement.png</c>,
    /// <c>uncertainty-vs-error.png</c>, <c>mode-calibration.png</c>, <c>pixel-marginals.png</c> and
    /// <c>switchable-classes.png</c>; figures whose analysis did not run are left out.
    /// </summary>
    /// <returns>The paths written, by figure name.</returns>
    public static IReadOnlyDictionary<string, string> SaveAll(EvaluationReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var written = new Dictionary<string, string>();
        void Write(string name, Func<string, string> save) => written[name] = save(Path.Combine(folder, name + ".png"));

        if (report.Examples.Any(e => e.GammaMap is not null)) Write("gamma-maps", p => GammaMapFigure.Save(report.Examples, p));
        if (report.Calibration is not null) Write("reliability", p => ReliabilityDiagramFigure.Save(report.Calibration.Pooled, p));
        if (report.SampleVersusMean is not null) Write("samples-vs-mean", p => SampleVersusMeanFigure.Save(report.SampleVersusMean, p));
        if (report.Uncertainty is not null)
        {
            Write("uncertainty-by-condition", p => UncertaintyByConditionFigure.Save(report.Uncertainty.Breakdown, p));
            Write("uncertainty-by-agreement", p => UncertaintyByAgreementFigure.Save(report.Uncertainty.Breakdown, p));
        }
        if (report.UncertaintyError is not null)
            Write("uncertainty-vs-error", p => UncertaintyErrorFigure.Save(report.UncertaintyError, p, report.Uncertainty?.ErrorCorrelation.Mean));
        if (report.ModeCalibration is { } modes)
        {
            Write("mode-calibration", p => ModeCalibrationFigure.Save(modes, p));
            Write("pixel-marginals", p => ReliabilityDiagramFigure.Save(modes.PixelMarginals, p, title: "Pixel-wise marginal calibration of the samples",
                xLabel: "share of samples labelling the pixel with the class", yLabel: "true marginal probability of the class"));
            if (modes.SwitchableClasses.Count > 0) Write("switchable-classes", p => SwitchableClassFigure.Save(modes.SwitchableClasses, p));
        }
        return written;
    }
}
