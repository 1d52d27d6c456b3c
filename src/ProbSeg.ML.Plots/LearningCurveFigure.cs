using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Learning curves stacked over one step axis: the total loss, each recorded loss term (e.g. reconstruction and KL of
/// the Probabilistic U-Net), and the validation score. Per-step values are drawn faint with a moving average on top.
/// </summary>
public static class LearningCurveFigure
{
    /// <summary>Writes the curves as a PNG (one panel per series, <paramref name="panelHeight"/> pixels each).</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="ArgumentException">The curve has no step.</exception>
    public static string Save(LearningCurve curve, string path, int width = 900, int panelHeight = 240)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Loss.Count == 0) throw new ArgumentException("The learning curve has no step.", nameof(curve));
        var panels = new List<(string Name, IReadOnlyList<double> Values)> { ("loss", curve.Loss) };
        panels.AddRange(curve.Terms.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        bool validation = curve.Validation.Count > 0;
        int count = panels.Count + (validation ? 1 : 0);

        var multiplot = new Multiplot();
        multiplot.AddPlots(count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(count, 1);
        for (int i = 0; i < panels.Count; i++)
        {
            var plot = multiplot.GetPlot(i);
            Style(plot, panels[i].Name, i == count - 1);
            var values = panels[i].Values.ToArray();
            var steps = Enumerable.Range(1, values.Length).Select(s => (double)s).ToArray();
            var raw = plot.Add.ScatterLine(steps, values, Figure.Series(i).WithAlpha(0.25));
            raw.LineWidth = 1;
            var smooth = plot.Add.ScatterLine(steps, MovingAverage(values, Math.Max(1, values.Length / 40)), Figure.Series(i));
            smooth.LineWidth = 2;
        }
        if (validation)
        {
            var plot = multiplot.GetPlot(count - 1);
            Style(plot, curve.ValidationName, true);
            var line = plot.Add.Scatter(curve.Validation.Select(v => (double)v.Step).ToArray(), curve.Validation.Select(v => v.Score).ToArray(), Figure.Series(4));
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }
        var all = multiplot.GetPlots();
        foreach (var plot in all) plot.Axes.SetLimitsX(0, curve.Loss.Count + 1);
        multiplot.SharedAxes.ShareX(all);
        return Figure.Save(multiplot, path, width, count * panelHeight);
    }

    private static void Style(Plot plot, string name, bool last)
    {
        Figure.Style(plot);
        plot.YLabel(name);
        if (last) plot.XLabel("training step");
        // The same padding in every panel keeps the stacked step axes aligned.
        plot.Layout.Fixed(new PixelPadding(80, 20, last ? 50 : 25, 10));
    }

    private static double[] MovingAverage(double[] values, int window)
    {
        var result = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
