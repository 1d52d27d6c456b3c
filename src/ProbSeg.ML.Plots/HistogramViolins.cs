using ProbSeg.ML.Metrics;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>Violins drawn from <see cref="UncertaintyHistogram"/>s (the accumulators keep histograms, not pixels).</summary>
internal static class HistogramViolins
{
    /// <summary>Most bins drawn per violin; finer histograms are merged so the outline stays smooth.</summary>
    private const int MaxDrawnBins = 25;

    /// <summary>
    /// One violin per group at x = 0, 1, …: width ∝ pixel density (each violin scaled to its own peak), a box from the
    /// 25th to the 75th percentile, and the median as a black bar. Tick labels carry the pixel counts.
    /// </summary>
    public static void Draw(Plot plot, IReadOnlyList<(string Label, UncertaintyHistogram Histogram)> groups)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            var h = groups[g].Histogram;
            if (h.Count == 0) continue;
            var color = Figure.Series(g);
            var (centres, density) = Rebinned(h);
            double peak = density.Max();
            var outline = new List<Coordinates>();
            for (int b = 0; b < centres.Length; b++) outline.Add(new Coordinates(g - 0.42 * density[b] / peak, centres[b]));
            for (int b = centres.Length - 1; b >= 0; b--) outline.Add(new Coordinates(g + 0.42 * density[b] / peak, centres[b]));
            var violin = plot.Add.Polygon(outline.ToArray());
            violin.FillColor = color.WithAlpha(0.45);
            violin.LineColor = color;
            violin.LineWidth = 1;

            double q1 = Quantile(h, 0.25), median = Quantile(h, 0.5), q3 = Quantile(h, 0.75);
            var box = plot.Add.Rectangle(g - 0.06, g + 0.06, q1, q3);
            box.FillColor = Colors.White.WithAlpha(0.8);
            box.LineColor = Colors.Black;
            var bar = plot.Add.Line(g - 0.12, median, g + 0.12, median);
            bar.LineColor = Colors.Black;
            bar.LineWidth = 3;
            plot.Add.Marker(g, h.Mean, MarkerShape.OpenCircle, 8, Colors.Black);
        }
        var ticks = groups.Select((gr, i) => (double)i).ToArray();
        var labels = groups.Select(gr => $"{gr.Label}\nn = {gr.Histogram.Count:N0}").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, labels);
        double top = groups.Count > 0 ? groups[0].Histogram.Maximum : 1;
        plot.Axes.SetLimits(-0.6, groups.Count - 0.4, 0, top * 1.02);
        plot.XLabel("width: pixel density; box: quartiles; bar: median; circle: mean", 12);
    }

    /// <summary>The value below which a share <paramref name="q"/> of the pixels lie, interpolated within its bin.</summary>
    internal static double Quantile(UncertaintyHistogram h, double q)
    {
        if (h.Count == 0) return double.NaN;
        double target = q * h.Count, cumulative = 0, width = h.Maximum / h.BinCount;
        for (int b = 0; b < h.BinCount; b++)
        {
            if (h[b] > 0 && cumulative + h[b] >= target)
                return Math.Clamp(b * width + (target - cumulative) / h[b] * width, h.Min, h.Max);
            cumulative += h[b];
        }
        return h.Max;
    }

    private static (double[] Centres, double[] Density) Rebinned(UncertaintyHistogram h)
    {
        int merge = (h.BinCount + MaxDrawnBins - 1) / MaxDrawnBins, bins = (h.BinCount + merge - 1) / merge;
        double width = h.Maximum / h.BinCount * merge;
        var centres = new double[bins];
        var density = new double[bins];
        for (int b = 0; b < h.BinCount; b++) density[b / merge] += h[b];
        for (int b = 0; b < bins; b++) centres[b] = (b + 0.5) * width;
        return (centres, density);
    }
}
