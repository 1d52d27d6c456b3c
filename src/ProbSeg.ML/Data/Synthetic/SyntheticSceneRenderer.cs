namespace ProbSeg.ML.Data.Synthetic;

/// <summary>
/// Draws one synthetic image and its exact mode distribution. Sizes are fractions of the image side, so the same
/// scene looks alike at 16 and at 64 pixels; intensities are a background of 0.1 plus objects, plus Gaussian noise,
/// clipped to [0, 1].
/// </summary>
internal static class SyntheticSceneRenderer
{
    private const float Background = 0.1f;

    internal static SyntheticScene Render(AmbiguityKind kind, SyntheticOptions options, Random random) => kind switch
    {
        AmbiguityKind.Presence => RenderPresence(options, random),
        AmbiguityKind.Border => RenderBorder(options, random),
        AmbiguityKind.Mode => RenderMode(options, random),
        AmbiguityKind.Certain => RenderCertain(options, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ambiguity kind."),
    };

    private static SyntheticScene RenderPresence(SyntheticOptions o, Random random)
    {
        int s = o.ImageSize;
        var (cx, cy, rx, ry, angle) = DrawEllipse(s, random, 0.12, 0.2);
        double contrast = random.NextUniform(o.PresenceContrastMin, o.PresenceContrastMax);
        double span = o.PresenceContrastMax - o.PresenceContrastMin;
        double t = span > 0 ? (contrast - o.PresenceContrastMin) / span : 0.5;
        double p = o.PresenceProbabilityMin + t * (o.PresenceProbabilityMax - o.PresenceProbabilityMin);

        var mask = EllipseMask(s, cx, cy, rx, ry, angle);
        var pixels = Fill(s, Background);
        Paint(pixels, mask, (float)contrast);
        AddNoise(pixels, o.NoiseStd, random);
        return new SyntheticScene(AmbiguityKind.Presence, pixels, Distribution(
            ("present", mask, p),
            ("absent", new byte[s * s], 1 - p)));
    }

    private static SyntheticScene RenderBorder(SyntheticOptions o, Random random)
    {
        int s = o.ImageSize;
        // σ of 0.08–0.12 of the side keeps the widest default level (0.25 of the peak, radius 1.67σ) inside the image and
        // the tightest (0.75, radius 0.76σ) at least a pixel wide at 16 px.
        double sx = random.NextUniform(0.08, 0.12) * s, sy = random.NextUniform(0.08, 0.12) * s;
        double angle = random.NextUniform(0, Math.PI);
        double widest = o.BorderLevels.Min();
        double reach = Math.Max(sx, sy) * Math.Sqrt(-2 * Math.Log(widest)) + 1;
        double cx = CentreCoordinate(s, reach, random), cy = CentreCoordinate(s, reach, random);

        var profile = new double[s * s];
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
            {
                double dx = x - cx, dy = y - cy;
                double u = (dx * cos + dy * sin) / sx, v = (-dx * sin + dy * cos) / sy;
                profile[y * s + x] = Math.Exp(-0.5 * (u * u + v * v));
            }

        var pixels = Fill(s, Background);
        for (int i = 0; i < pixels.Length; i++) pixels[i] += (float)(o.ObjectContrast * profile[i]);
        AddNoise(pixels, o.NoiseStd, random);

        var modes = new (string, byte[], double)[o.BorderLevels.Length];
        for (int k = 0; k < modes.Length; k++)
        {
            double level = o.BorderLevels[k];
            var mask = new byte[s * s];
            for (int i = 0; i < mask.Length; i++) mask[i] = profile[i] >= level ? (byte)1 : (byte)0;
            modes[k] = (FormattableString.Invariant($"level-{level:0.00}"), mask, o.BorderProbabilities[k]);
        }
        return new SyntheticScene(AmbiguityKind.Border, pixels, Distribution(modes));
    }

    private static SyntheticScene RenderMode(SyntheticOptions o, Random random)
    {
        int s = o.ImageSize;
        double radiusA = random.NextUniform(0.10, 0.15) * s;
        double halfB = random.NextUniform(0.09, 0.13) * s;
        // Keep the parts apart by more than a pixel so each is a separate, unambiguous shape.
        double minDistance = radiusA + halfB * Math.Sqrt(2) + 1.5;
        double ax, ay, bx, by;
        int attempts = 0;
        do
        {
            ax = CentreCoordinate(s, radiusA + 1, random); ay = CentreCoordinate(s, radiusA + 1, random);
            bx = CentreCoordinate(s, halfB + 1, random); by = CentreCoordinate(s, halfB + 1, random);
        } while (Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by)) < minDistance && ++attempts < 200);
        if (attempts >= 200)
        {
            // Rare at small sizes: fall back to a left/right layout, mirrored at random so A is not always left.
            bool aLeft = random.Next(2) == 0;
            ax = (aLeft ? 0.28 : 0.72) * (s - 1); bx = (aLeft ? 0.72 : 0.28) * (s - 1);
            ay = by = 0.5 * (s - 1);
        }

        var maskA = EllipseMask(s, ax, ay, radiusA, radiusA, 0);
        var maskB = SquareMask(s, bx, by, halfB);
        var both = new byte[s * s];
        for (int i = 0; i < both.Length; i++) both[i] = (byte)(maskA[i] | maskB[i]);

        var pixels = Fill(s, Background);
        Paint(pixels, both, (float)o.ObjectContrast);
        AddNoise(pixels, o.NoiseStd, random);
        return new SyntheticScene(AmbiguityKind.Mode, pixels, Distribution(
            ("part-A", maskA, o.PartAProbability),
            ("part-B", maskB, o.PartBProbability),
            ("both", both, o.BothPartsProbability)));
    }

    private static SyntheticScene RenderCertain(SyntheticOptions o, Random random)
    {
        int s = o.ImageSize;
        var (cx, cy, rx, ry, angle) = DrawEllipse(s, random, 0.12, 0.2);
        var mask = EllipseMask(s, cx, cy, rx, ry, angle);
        var pixels = Fill(s, Background);
        Paint(pixels, mask, (float)o.ObjectContrast);
        AddNoise(pixels, o.NoiseStd, random);
        return new SyntheticScene(AmbiguityKind.Certain, pixels, Distribution(("object", mask, 1.0)));
    }

    /// <summary>Modes with zero probability are left out; modes whose masks coincide on the pixel grid are merged.</summary>
    private static ModeDistribution Distribution(params (string Name, byte[] Mask, double Probability)[] modes) =>
        new ModeDistribution(modes.Where(m => m.Probability > 0).Select(m => new SegmentationMode(m.Name, m.Mask, m.Probability)))
            .MergeIdentical();

    private static (double Cx, double Cy, double Rx, double Ry, double Angle) DrawEllipse(int s, Random random, double minFraction, double maxFraction)
    {
        double rx = random.NextUniform(minFraction, maxFraction) * s, ry = random.NextUniform(minFraction, maxFraction) * s;
        double angle = random.NextUniform(0, Math.PI);
        double reach = Math.Max(rx, ry) + 1;
        return (CentreCoordinate(s, reach, random), CentreCoordinate(s, reach, random), rx, ry, angle);
    }

    /// <summary>A centre coordinate that keeps a shape of the given reach inside the image.</summary>
    private static double CentreCoordinate(int s, double reach, Random random)
    {
        double low = Math.Min(reach, 0.5 * (s - 1)), high = Math.Max(s - 1 - reach, 0.5 * (s - 1));
        return random.NextUniform(low, high);
    }

    private static byte[] EllipseMask(int s, double cx, double cy, double rx, double ry, double angle)
    {
        var mask = new byte[s * s];
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
            {
                double dx = x - cx, dy = y - cy;
                double u = (dx * cos + dy * sin) / rx, v = (-dx * sin + dy * cos) / ry;
                if (u * u + v * v <= 1) mask[y * s + x] = 1;
            }
        EnsureNotEmpty(mask, s, cx, cy);
        return mask;
    }

    private static byte[] SquareMask(int s, double cx, double cy, double half)
    {
        var mask = new byte[s * s];
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
                if (Math.Abs(x - cx) <= half && Math.Abs(y - cy) <= half) mask[y * s + x] = 1;
        EnsureNotEmpty(mask, s, cx, cy);
        return mask;
    }

    /// <summary>A shape always covers at least the pixel nearest its centre, so no object mode is ever empty.</summary>
    private static void EnsureNotEmpty(byte[] mask, int s, double cx, double cy)
    {
        if (mask.AsSpan().IndexOf((byte)1) >= 0) return;
        int x = Math.Clamp((int)Math.Round(cx), 0, s - 1), y = Math.Clamp((int)Math.Round(cy), 0, s - 1);
        mask[y * s + x] = 1;
    }

    private static float[] Fill(int s, float value)
    {
        var pixels = new float[s * s];
        pixels.AsSpan().Fill(value);
        return pixels;
    }

    private static void Paint(float[] pixels, byte[] mask, float contrast)
    {
        for (int i = 0; i < pixels.Length; i++)
            if (mask[i] != 0) pixels[i] += contrast;
    }

    private static void AddNoise(float[] pixels, double std, Random random)
    {
        for (int i = 0; i < pixels.Length; i++)
        {
            double value = pixels[i] + (std > 0 ? std * random.NextGaussian() : 0);
            pixels[i] = (float)Math.Clamp(value, 0.0, 1.0);
        }
    }
}
