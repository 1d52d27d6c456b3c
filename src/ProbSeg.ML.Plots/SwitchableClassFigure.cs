using ProbSeg.ML.Evaluation;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Kohl et al.'s pixel-wise marginal frequencies per switchable class of the class-flip protocol: over the pixels of
/// each class, the share the samples flip, next to the true flip probability.
/// </summary>
public static class SwitchableClassFigure
{
    /// <summary>Writes the grouped bars of <paramref name="classes"/> as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="ArgumentException">No switchable class (not a class-flip evaluation).</exception>
    public static string Save(IReadOnlyList<SwitchableClassFrequency> classes, string path,
        string title = "Pixel-wise flip frequency per switchable class", int width = 800, int height = 550)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0) throw new ArgumentException("No switchable classes: this figure needs a class-flip evaluation.", nameof(classes));
        var plot = Figure.NewPlot(title, null, "share of the class's pixels flipped");
        var bars = new List<Bar>();
        for (int j = 0; j < classes.Count; j++)
        {
            bars.Add(new Bar { Position = 3 * j, Value = classes[j].Class.Probability, FillColor = Colors.Gray.WithAlpha(0.6), Size = 0.9 });
            bars.Add(new Bar { Position = 3 * j + 1, Value = Nan0(classes[j].FlippedFrequency), FillColor = Figure.Series(0), Size = 0.9 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            classes.Select((_, j) => 3.0 * j + 0.5).ToArray(), classes.Select(c => c.Class.Name).ToArray());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "true flip probability", FillColor = Colors.Gray.WithAlpha(0.6) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "sampled flip frequency", FillColor = Figure.Series(0) });
        plot.Axes.SetLimits(-1, 3 * classes.Count - 1, 0, 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return Figure.Save(plot, path, width, height);
    }

    private static double Nan0(double value) => double.IsNaN(value) ? 0 : value;
}
