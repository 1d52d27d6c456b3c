using ProbSeg.ML.Evaluation;
using ScottPlot;

namespace ProbSeg.ML.Plots;

/// <summary>
/// PHiSeg's γ-map figure: per example image, the input, the mean foreground probability, the γ-map E_ss (expected
/// cross-entropy between the mean and the samples) and each annotator's error map E_sy, titled with its NCC with the
/// γ-map. S_NCC is high when the model is uncertain where the annotators' labels cost it most.
/// </summary>
public static class GammaMapFigure
{
    /// <summary>Writes up to <paramref name="maxRows"/> examples that have a γ-map as one PNG, one row each.</summary>
    /// <param name="examples">Examples kept by the evaluation (<see cref="EvaluationReport.Examples"/>).</param>
    /// <param name="path">Output file.</param>
    /// <param name="maxRows">Most examples drawn.</param>
    /// <param name="cellSize">Side of each map in pixels.</param>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="ArgumentException">No example has a γ-map (predict with sample probabilities).</exception>
    public static string Save(IReadOnlyList<EvaluationExample> examples, string path, int maxRows = 4, int cellSize = 170)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = examples.Where(e => e.GammaMap is not null).Take(maxRows).ToArray();
        if (rows.Length == 0)
            throw new ArgumentException("No example has a γ-map: predict with keepSampleProbabilities: true so the evaluation can compute them.", nameof(examples));
        int annotators = rows.Max(e => e.GammaMap!.AnnotatorErrorMaps.Count);
        int columns = 3 + annotators;

        var multiplot = new Multiplot();
        multiplot.AddPlots(rows.Length * columns);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows.Length, columns);
        for (int r = 0; r < rows.Length; r++)
        {
            var e = rows[r];
            var gamma = e.GammaMap!;
            Plot Cell(int column) => multiplot.GetPlot(r * columns + column);
            int h = e.Height, w = e.Width;
            if (e.Image is not null) MapPanel.Draw(Cell(0), e.Image, h, w, new ScottPlot.Colormaps.Grayscale(), $"image {e.ImageIndex}");
            else Blank(Cell(0), $"image {e.ImageIndex}");
            MapPanel.Draw(Cell(1), e.MeanForeground(), h, w, new ScottPlot.Colormaps.Viridis(), "mean p(foreground)", 0, 1);
            MapPanel.Draw(Cell(2), gamma.GammaMap, h, w, new ScottPlot.Colormaps.Inferno(), $"γ-map, S_NCC {Figure.Number(gamma.Ncc)}", 0);
            for (int j = 0; j < annotators; j++)
            {
                if (j < gamma.AnnotatorErrorMaps.Count)
                    MapPanel.Draw(Cell(3 + j), gamma.AnnotatorErrorMaps[j], h, w, new ScottPlot.Colormaps.Inferno(),
                        $"E_sy rater {j + 1}, NCC {Figure.Number(gamma.NccPerAnnotator[j])}", 0);
                else Blank(Cell(3 + j), "");
            }
        }
        return Figure.Save(multiplot, path, columns * cellSize, rows.Length * (cellSize + 24));
    }

    private static void Blank(Plot plot, string title)
    {
        Figure.Style(plot);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title(title, 12);
    }
}
