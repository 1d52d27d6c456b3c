using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Imaging;
using ProbSeg.ML.Rendering;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>One figure row before rendering: the image, the annotations to show and the model's prediction.</summary>
/// <param name="Image">Pixels <c>[C, H, W]</c>.</param>
/// <param name="Annotations">Annotations shown beside the image, each <c>[H·W]</c>.</param>
/// <param name="Prediction">The model's prediction of the image.</param>
public sealed record FigureRow(float[] Image, IReadOnlyList<byte[]> Annotations, PredictionView Prediction);

/// <summary>Writes a model's sample grid (image | annotators | mean | samples | uncertainty) as a PNG.</summary>
public static class FigureWriter
{
    /// <summary>Renders <paramref name="rows"/> with <see cref="SampleGrid"/> and saves the PNG at <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<FigureRow> rows, int height, int width, int classes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var grid = rows.Select(r => new SampleGridRow(r.Image, r.Annotations, r.Prediction.MeanForeground, r.Prediction.Samples,
            r.Prediction.Uncertainty)).ToArray();
        int scale = Math.Max(1, 128 / Math.Max(height, width));            // tiles of ~128 screen pixels at any image size
        RgbCanvas canvas = SampleGrid.Render(grid, height, width, classes, scale);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PngEncoder.Save(PngImage.FromRgb8(canvas.Width, canvas.Height, canvas.Pixels), path);
    }
}
