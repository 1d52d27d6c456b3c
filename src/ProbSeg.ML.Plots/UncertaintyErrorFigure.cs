using ProbSeg.ML.Evaluation;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Is the model uncertain where it errs? Mean expected pixel error per uncertainty bin (left axis) over the share of
/// pixels in each bin (grey bars, right axis), with the pooled and Czolbe's per-image correlation in the title.
/// </summary>
public static class UncertaintyErrorFigure
{
    /// <summary>Writes the curve as a PNG.</summary>
    /// <param name="curve">The pooled uncertainty-versus-error curve.</param>
    /// <param name="path">Output file.</param>
    /// <param name="perImageCorrelation">Czolbe's mean per-image r, shown in the title when given.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(UncertaintyErrorCurve curve, string path, double? perImageCorrelation = null,
        string title = "Uncertainty against pixel error", int width = 800, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(curve);
        string subtitle = $"pooled r = {Figure.Number(curve.PooledCorrelation)}"
            + (perImageCorrelation is double r ? $", mean per-image r = {Figure.Number(r)}" : "");
        var plot = Figure.NewPlot($"{title}\n{subtitle}", "uncertainty: entropy of the mean (bits)", "expected pixel error (sample vs annotator)");
        double binWidth = curve.Maximum / curve.Bins;
        var share = Enumerable.Range(0, curve.Bins).Select(b => new Bar
        {
            Position = curve.LowerEdge(b) + binWidth / 2, Value = curve.Count == 0 ? 0 : (double)curve.BinCount(b) / curve.Count,
            Size = binWidth * 0.9, FillColor = Colors.Gray.WithAlpha(0.3), LineWidth = 0,
        }).ToArray();
        var bars = plot.Add.Bars(share);
        bars.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "share of pixels";

        var bins = Enumerable.Range(0, curve.Bins).Where(b => curve.BinCount(b) > 0).ToArray();
        var line = plot.Add.Scatter(bins.Select(curve.MeanUncertainty).ToArray(), bins.Select(curve.MeanError).ToArray(), Figure.Series(2));
        line.LineWidth = 2;
        line.MarkerSize = 8;
        line.LegendText = "mean expected error in bin";
        plot.Axes.SetLimitsX(0, curve.Maximum);
        plot.Axes.SetLimitsY(0, 1);
        plot.Axes.SetLimitsY(0, Math.Max(0.05, share.Max(b => b.Value) * 1.1), plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        return Figure.Save(plot, path, width, height);
    }
}
