using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Czolbe et al.'s "uncertainty by condition": the distribution of pixel uncertainty on consensus pixels that are true
/// positives, true negatives, false positives and false negatives (<c>src/plot/uncertainty_by_condition.py</c>).
/// A useful uncertainty is high on FP and FN and low on TP and TN.
/// </summary>
public static class UncertaintyByConditionFigure
{
    /// <summary>Writes the violins of <paramref name="breakdown"/>'s four conditions as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(UncertaintyBreakdown breakdown, string path,
        string title = "Uncertainty by outcome on consensus pixels", int width = 800, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var plot = Figure.NewPlot(title, null, "uncertainty: entropy of the mean (bits)");
        HistogramViolins.Draw(plot,
        [
            ("TP", breakdown.ByCondition(PixelCondition.TruePositive)),
            ("TN", breakdown.ByCondition(PixelCondition.TrueNegative)),
            ("FP", breakdown.ByCondition(PixelCondition.FalsePositive)),
            ("FN", breakdown.ByCondition(PixelCondition.FalseNegative)),
        ]);
        return Figure.Save(plot, path, width, height);
    }
}
