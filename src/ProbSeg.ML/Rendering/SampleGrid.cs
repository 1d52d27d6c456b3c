namespace ProbSeg.ML.Rendering;

/// <summary>One row of a <see cref="SampleGrid"/>: an image, its annotations and a model's predictions.</summary>
/// <param name="Image">Pixels <c>[C, H, W]</c>; the first channel is shown in grey.</param>
/// <param name="Annotations">Annotator label maps, each <c>[H·W]</c>.</param>
/// <param name="MeanForeground">Mean probability of the foreground (1 − P(background)) <c>[H·W]</c>.</param>
/// <param name="Samples">Sampled label maps, each <c>[H·W]</c>.</param>
/// <param name="Uncertainty">Uncertainty map <c>[H·W]</c> (entropy in bits; shown over [0, log2 K]).</param>
public sealed record SampleGridRow(float[] Image, IReadOnlyList<byte[]> Annotations, float[] MeanForeground,
    IReadOnlyList<byte[]> Samples, float[] Uncertainty);

/// <summary>
/// Draws the project's standard picture: one row per image with columns image | annotators | mean | samples |
/// uncertainty, separated by white gutters.
/// </summary>
public static class SampleGrid
{
    /// <summary>Renders the rows onto a canvas.</summary>
    /// <param name="rows">Rows to draw; all images share one size.</param>
    /// <param name="height">Image height H.</param>
    /// <param name="width">Image width W.</param>
    /// <param name="classes">Classes K (sets the uncertainty scale to log2 K bits).</param>
    /// <param name="scale">Screen pixels per image pixel.</param>
    public static RgbCanvas Render(IReadOnlyList<SampleGridRow> rows, int height, int width, int classes, int scale = 4)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("Nothing to draw: no rows.", nameof(rows));
        int px = height * width;
        int annotators = rows.Max(r => r.Annotations.Count), samples = rows.Max(r => r.Samples.Count);
        int columns = 1 + annotators + 1 + samples + 1;
        const int gutter = 4;
        int tile = width * scale, tileH = height * scale;
        var canvas = new RgbCanvas(columns * (tile + gutter) + gutter, rows.Count * (tileH + gutter) + gutter);
        float maxEntropy = MathF.Log2(classes);

        for (int r = 0; r < rows.Count; r++)
        {
            SampleGridRow row = rows[r];
            if (row.Image.Length < px || row.MeanForeground.Length != px || row.Uncertainty.Length != px)
                throw new ArgumentException($"Row {r}: maps must hold {px} pixels ({height}×{width}).", nameof(rows));
            int top = gutter + r * (tileH + gutter), column = 0;
            int Left() => gutter + column++ * (tile + gutter);
            float min = float.MaxValue, max = float.MinValue;
            for (int p = 0; p < px; p++) { min = Math.Min(min, row.Image[p]); max = Math.Max(max, row.Image[p]); }
            canvas.DrawTile(Left(), top, height, width, scale, p => Colormaps.Grey(row.Image[p], min, max));
            for (int a = 0; a < annotators; a++)
            {
                int left = Left();
                if (a < row.Annotations.Count) canvas.DrawTile(left, top, height, width, scale, p => Colormaps.Label(row.Annotations[a][p]));
            }
            canvas.DrawTile(Left(), top, height, width, scale, p => Colormaps.Heat(row.MeanForeground[p]));
            for (int s = 0; s < samples; s++)
            {
                int left = Left();
                if (s < row.Samples.Count) canvas.DrawTile(left, top, height, width, scale, p => Colormaps.Label(row.Samples[s][p]));
            }
            canvas.DrawTile(Left(), top, height, width, scale, p => Colormaps.Heat(row.Uncertainty[p] / maxEntropy));
        }
        return canvas;
    }
}
