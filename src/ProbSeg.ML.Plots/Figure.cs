using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>Shared look and file output of the figures: a white figure, readable fonts, a PNG of the asked size.</summary>
internal static class Figure
{
    /// <summary>The series colours, in order (colour-blind-safe "Tableau 10").</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#4E79A7"), Color.FromHex("#F28E2B"), Color.FromHex("#E15759"), Color.FromHex("#76B7B2"),
        Color.FromHex("#59A14F"), Color.FromHex("#EDC948"), Color.FromHex("#B07AA1"), Color.FromHex("#FF9DA7"),
    ];

    /// <summary>Colour <paramref name="index"/> of <see cref="Palette"/>, cycling.</summary>
    public static Color Series(int index) => Palette[index % Palette.Length];

    /// <summary>A new plot with the common style.</summary>
    public static Plot NewPlot(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        var plot = new Plot();
        Style(plot);
        plot.Axes.Title.Label.FontSize = 16;
        if (title is not null) plot.Title(title);
        if (xLabel is not null) plot.XLabel(xLabel);
        if (yLabel is not null) plot.YLabel(yLabel);
        return plot;
    }

    private static readonly Lazy<string> SansFont = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }
            .FirstOrDefault(name => Fonts.GetTypeface(name, false, false)?.FamilyName == name) ?? Fonts.Default);

    /// <summary>White background and a sans-serif font: ScottPlot's own <c>Fonts.Sans</c> resolves to DejaVu Serif on
    /// Debian, so the first installed of a few common sans families is used instead.</summary>
    public static void Style(Plot plot)
    {
        plot.FigureBackground.Color = Colors.White;
        plot.Font.Set(SansFont.Value);
    }

    /// <summary>Writes <paramref name="plot"/> as a PNG of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static string Save(Plot plot, string path, int width, int height)
    {
        Prepare(path, width, height);
        plot.SavePng(path, width, height);
        return path;
    }

    /// <summary>Writes <paramref name="multiplot"/> as a PNG of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static string Save(Multiplot multiplot, string path, int width, int height)
    {
        Prepare(path, width, height);
        multiplot.SavePng(path, width, height);
        return path;
    }

    /// <summary>The y = x line from 0 to 1 (perfect calibration).</summary>
    public static void Bisector(Plot plot, string legend = "perfect calibration")
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LineColor = Colors.Gray;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.5f;
        line.LegendText = legend;
    }

    /// <summary>A number for a title or legend: three decimals, or "n/a" when undefined.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "n/a" : (Math.Round(value, 3) + 0.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static void Prepare(string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (width < 64 || height < 64) throw new ArgumentOutOfRangeException(nameof(width), $"A figure needs at least 64×64 pixels, got {width}×{height}.");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
