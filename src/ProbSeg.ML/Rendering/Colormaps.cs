namespace ProbSeg.ML.Rendering;

/// <summary>Colour maps for label maps, probabilities and uncertainty.</summary>
public static class Colormaps
{
    // Class 0 is black; the rest follow a qualitative palette (Tableau 10) so adjacent classes stay distinct.
    private static readonly (byte, byte, byte)[] Classes =
    [
        (0, 0, 0), (255, 255, 255), (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178),
        (89, 161, 79), (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (186, 176, 172),
    ];

    /// <summary>A label id's colour (binary masks show white on black); missing annotations are mid grey.</summary>
    public static (byte R, byte G, byte B) Label(byte label) =>
        label == Data.AmbiguousDataset.MissingAnnotation ? ((byte)128, (byte)128, (byte)128) : Classes[label % Classes.Length];

    /// <summary>Grey level of <paramref name="value"/> scaled from [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static (byte R, byte G, byte B) Grey(float value, float min, float max)
    {
        float t = max > min ? (value - min) / (max - min) : 0;
        byte v = (byte)Math.Clamp(MathF.Round(t * 255), 0, 255);
        return (v, v, v);
    }

    /// <summary>
    /// A perceptually ordered dark-to-bright map (an approximation of matplotlib's inferno, piecewise linear through
    /// five anchors) for uncertainty and probability maps in [0, 1].
    /// </summary>
    public static (byte R, byte G, byte B) Heat(float t)
    {
        ReadOnlySpan<float> r = [0f, 0.34f, 0.73f, 0.98f, 0.99f];
        ReadOnlySpan<float> g = [0f, 0.06f, 0.21f, 0.55f, 1f];
        ReadOnlySpan<float> b = [0.02f, 0.43f, 0.33f, 0.04f, 0.64f];
        t = float.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        float pos = t * 4;
        int i = Math.Min((int)pos, 3);
        float f = pos - i;
        static byte Lerp(float a, float c, float f) => (byte)Math.Clamp(MathF.Round((a + (c - a) * f) * 255), 0, 255);
        return (Lerp(r[i], r[i + 1], f), Lerp(g[i], g[i + 1], f), Lerp(b[i], b[i + 1], f));
    }
}
