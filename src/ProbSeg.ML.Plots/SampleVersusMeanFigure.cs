using ProbSeg.ML.Metrics;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// SSN's samples-versus-mean figure (poster figure 5): per image, the share of samples whose Dice against an annotator
/// beats the mean prediction's, as a histogram over images; the title gives its mean and the mean prediction's Dice
/// per class.
/// </summary>
public static class SampleVersusMeanFigure
{
    /// <summary>Writes the histogram of <paramref name="summary"/> as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(SampleVersusMeanDiceSummary summary, string path,
        string title = "Samples better than the mean prediction", int width = 800, int height = 600, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"Bin count must be at least 1, got {bins}.");
        var values = summary.FractionBetter.PerImage.Where(v => !double.IsNaN(v)).ToArray();
        var counts = new int[bins];
        foreach (double v in values) counts[Math.Clamp((int)(v * bins), 0, bins - 1)]++;
        string dice = string.Join(", ", summary.MeanDicePerClass.Select((s, c) => $"class {c} {Figure.Number(s.Mean)}"));
        var plot = Figure.NewPlot($"{title}\nmean {Figure.Number(summary.FractionBetter.Mean)} over {values.Length} images; Dice of the mean: {dice}",
            "share of samples with a higher Dice than the mean prediction", "images");
        double w = 1.0 / bins;
        plot.Add.Bars(Enumerable.Range(0, bins).Select(b => new Bar
        {
            Position = (b + 0.5) * w, Value = counts[b], Size = w * 0.92, FillColor = Figure.Series(0).WithAlpha(0.7),
        }).ToArray());
        if (!double.IsNaN(summary.FractionBetter.Mean))
        {
            var mean = plot.Add.VerticalLine(summary.FractionBetter.Mean, 2, Figure.Series(2), LinePattern.Dashed);
            mean.LegendText = "mean over images";
            plot.ShowLegend(Alignment.UpperRight);
        }
        plot.Axes.SetLimits(0, 1, 0, Math.Max(1, counts.Max()) * 1.1);
        return Figure.Save(plot, path, width, height);
    }
}
