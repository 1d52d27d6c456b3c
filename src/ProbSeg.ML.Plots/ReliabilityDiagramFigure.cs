using ProbSeg.ML.Metrics;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Reliability diagram: per confidence bin, the observed frequency against the mean predicted probability, with the
/// diagonal of perfect calibration (SSN's class-wise ECE, 10 bins). Also draws the pixel-wise marginal calibration of
/// mode sampling, which is stored in the same form.
/// </summary>
public static class ReliabilityDiagramFigure
{
    /// <summary>Writes the diagram of <paramref name="classes"/> (default: every foreground class with pixels, at most 8) as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(ReliabilityDiagram diagram, string path, IReadOnlyList<int>? classes = null,
        string title = "Reliability of the mean prediction", string xLabel = "predicted probability (bin mean)",
        string yLabel = "observed frequency (share of annotators)", int width = 700, int height = 650)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        classes ??= Enumerable.Range(1, diagram.Classes - 1).Where(c => HasPixels(diagram, c)).Take(8).ToArray();
        foreach (int c in classes)
            if ((uint)c >= (uint)diagram.Classes) throw new ArgumentOutOfRangeException(nameof(classes), $"Class {c} is outside the diagram's [0, {diagram.Classes}).");

        var plot = Figure.NewPlot(title, xLabel, yLabel);
        Figure.Bisector(plot);
        double width1 = 1.0 / diagram.Bins;
        for (int k = 0; k < classes.Count; k++)
        {
            int c = classes[k];
            var bins = Enumerable.Range(0, diagram.Bins).Where(b => diagram.Count(c, b) > 0).ToArray();
            if (classes.Count == 1)
            {
                // One class: the classic bars of observed frequency per bin, the gap to the diagonal visible.
                var bars = bins.Select(b => new Bar
                {
                    Position = diagram.LowerEdge(b) + width1 / 2, Value = diagram.Accuracy(c, b), Size = width1 * 0.95,
                    FillColor = Figure.Series(0).WithAlpha(0.35), LineColor = Figure.Series(0), LineWidth = 1,
                }).ToArray();
                plot.Add.Bars(bars);
            }
            var line = plot.Add.Scatter(bins.Select(b => diagram.Confidence(c, b)).ToArray(), bins.Select(b => diagram.Accuracy(c, b)).ToArray(), Figure.Series(k));
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.LegendText = $"class {c} (ECE {Figure.Number(diagram.ExpectedCalibrationError(c))})";
        }
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        return Figure.Save(plot, path, width, height);
    }

    private static bool HasPixels(ReliabilityDiagram diagram, int c)
    {
        for (int b = 0; b < diagram.Bins; b++)
            if (diagram.Count(c, b) > 0) return true;
        return false;
    }
}
