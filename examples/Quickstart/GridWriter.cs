using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Imaging;
using ProbSeg.ML.Rendering;

/// <summary>Writes the quickstart's picture: image | annotators | mean | samples | uncertainty, one row per image.</summary>
internal static class GridWriter
{
    public static void Write(IDataView scored, int rows, int height, int width, int classes, int samplesShown, string path)
    {
        int px = height * width;
        var gridRows = new List<SampleGridRow>();
        using var cursor = scored.GetRowCursor(scored.Schema);
        var image = cursor.GetGetter<VBuffer<float>>(scored.Schema["Image"]);
        var label = cursor.GetGetter<VBuffer<byte>>(scored.Schema["Label"]);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var samples = cursor.GetGetter<VBuffer<byte>>(scored.Schema["Samples"]);
        var uncertainty = cursor.GetGetter<VBuffer<float>>(scored.Schema["Uncertainty"]);
        VBuffer<float> img = default, sc = default, un = default;
        VBuffer<byte> lab = default, smp = default;
        while (gridRows.Count < rows && cursor.MoveNext())
        {
            image(ref img); label(ref lab); score(ref sc); samples(ref smp); uncertainty(ref un);
            float[] scores = sc.DenseValues().ToArray();
            var foreground = new float[px];
            for (int p = 0; p < px; p++) foreground[p] = 1 - scores[p]; // 1 − P(background)
            byte[] labels = lab.DenseValues().ToArray(), drawn = smp.DenseValues().ToArray();
            gridRows.Add(new SampleGridRow(
                img.DenseValues().ToArray(),
                Enumerable.Range(0, labels.Length / px).Select(a => labels[(a * px)..((a + 1) * px)]).Take(4).ToList(),
                foreground,
                Enumerable.Range(0, Math.Min(samplesShown, drawn.Length / px)).Select(s => drawn[(s * px)..((s + 1) * px)]).ToList(),
                un.DenseValues().ToArray()));
        }
        RgbCanvas canvas = SampleGrid.Render(gridRows, height, width, classes, scale: Math.Max(1, 128 / width) * 2);
        PngEncoder.Save(PngImage.FromRgb8(canvas.Width, canvas.Height, canvas.Pixels), path);
    }
}
