using ProbSeg.ML.Evaluation;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Kohl et al.'s bisector plot: how often the model samples each mode against the mode's true probability. Small dots
/// are single (image, mode) pairs; large markers are each mode category's mean over its group's images, with ±1 std
/// of the per-image frequency; points on y = x are calibrated.
/// </summary>
public static class ModeCalibrationFigure
{
    /// <summary>Writes the bisector plot of <paramref name="report"/> as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(ModeCalibrationReport report, string path, string title = "Mode-frequency calibration",
        int width = 700, int height = 650)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = Figure.NewPlot(title, "true mode probability", "predicted mode frequency (share of samples)");
        Figure.Bisector(plot);
        for (int g = 0; g < report.Groups.Count; g++)
        {
            var group = report.Groups[g];
            if (group.Images == 0) continue;
            var color = Figure.Series(g);
            var points = report.Points.Where(p => p.Group == g).ToArray();
            if (points.Length > 0)
            {
                var dots = plot.Add.Markers(points.Select(p => p.TrueProbability).ToArray(), points.Select(p => p.PredictedFrequency).ToArray(),
                    MarkerShape.FilledCircle, 7, color.WithAlpha(0.45));
                dots.LegendText = "";
            }
            var modes = group.Summary.Modes;
            double[] xs = modes.Select(m => m.TrueProbability).ToArray(), ys = modes.Select(m => m.PredictedFrequency).ToArray();
            double[] sd = modes.Select(m => m.PredictedStandardDeviation).ToArray();
            var errors = plot.Add.ErrorBar(xs, ys, sd);
            errors.Color = color;
            var means = plot.Add.Markers(xs, ys, MarkerShape.FilledDiamond, 13, color);
            means.LegendText = $"{group.Group.Name} ({group.Images} images, MAE {Figure.Number(group.Summary.MeanAbsoluteError)})";
            for (int m = 0; m < modes.Count; m++)
            {
                var label = plot.Add.Text(group.Group.ModeNames[m], xs[m], ys[m]);
                label.LabelFontSize = 11;
                label.LabelFontColor = color.Darken(0.3);
                label.OffsetX = 8;
                label.OffsetY = -8;
            }
        }
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        return Figure.Save(plot, path, width, height);
    }
}
