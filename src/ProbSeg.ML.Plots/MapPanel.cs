using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>One image-like map drawn as a frameless heatmap with a title (a cell of the γ-map figure).</summary>
internal static class MapPanel
{
    /// <summary>Draws <paramref name="values"/> <c>[H·W]</c> row-major, top row at the top, into <paramref name="plot"/>.</summary>
    public static void Draw(Plot plot, ReadOnlySpan<float> values, int height, int width, IColormap colormap, string title,
        double? min = null, double? max = null)
    {
        var grid = new double[height, width];
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double v = values[y * width + x];
                grid[y, x] = v;
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = colormap;
        lo = min ?? lo;
        hi = max ?? hi;
        heatmap.ManualRange = new ScottPlot.Range(lo, hi > lo ? hi : lo + 1e-9);
        Figure.Style(plot);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title(title, 12);
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0, 0);
    }
}
