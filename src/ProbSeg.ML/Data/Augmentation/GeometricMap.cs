namespace ProbSeg.ML.Data.Augmentation;

/// <summary>
/// The inverse of rotate → crop-and-resize → flip, evaluated at each output pixel centre, and resampling along it.
/// Pixel centres sit at integer coordinates; rotation is about the true centre ((W − 1)/2, (H − 1)/2); the crop is
/// resized with half-pixel alignment as <c>cv2.resize</c> does.
/// </summary>
internal static class GeometricMap
{
    /// <summary>Source coordinates <c>[H·W]</c> of every output pixel.</summary>
    internal static void Compute(in AugmentationParameters p, int height, int width, Span<float> sourceX, Span<float> sourceY)
    {
        double radians = p.RotationDegrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        double cx = 0.5 * (width - 1), cy = 0.5 * (height - 1);
        double scaleX = (double)p.CropWidth / width, scaleY = (double)p.CropHeight / height;
        for (int y = 0; y < height; y++)
        {
            int unflippedY = p.FlipUpDown ? height - 1 - y : y;
            double rotatedY = p.CropY + (unflippedY + 0.5) * scaleY - 0.5;
            for (int x = 0; x < width; x++)
            {
                int unflippedX = p.FlipLeftRight ? width - 1 - x : x;
                double rotatedX = p.CropX + (unflippedX + 0.5) * scaleX - 0.5;
                double dx = rotatedX - cx, dy = rotatedY - cy;
                sourceX[y * width + x] = (float)(cos * dx - sin * dy + cx);
                sourceY[y * width + x] = (float)(sin * dx + cos * dy + cy);
            }
        }
    }

    /// <summary>Bilinear samples of <paramref name="plane"/> at the source coordinates; outside pixels read 0 or the edge.</summary>
    internal static void SampleBilinear(ReadOnlySpan<float> plane, int height, int width, ReadOnlySpan<float> sourceX,
        ReadOnlySpan<float> sourceY, bool replicate, Span<float> output)
    {
        for (int p = 0; p < output.Length; p++)
        {
            float sx = sourceX[p], sy = sourceY[p];
            int x0 = (int)MathF.Floor(sx), y0 = (int)MathF.Floor(sy);
            float fx = sx - x0, fy = sy - y0;
            float top = Lerp(Read(plane, height, width, x0, y0, replicate), Read(plane, height, width, x0 + 1, y0, replicate), fx);
            float bottom = Lerp(Read(plane, height, width, x0, y0 + 1, replicate), Read(plane, height, width, x0 + 1, y0 + 1, replicate), fx);
            output[p] = Lerp(top, bottom, fy);
        }
    }

    /// <summary>Index of the nearest source pixel of every output pixel, or −1 where it falls outside (zero border).</summary>
    internal static void NearestIndices(int height, int width, ReadOnlySpan<float> sourceX, ReadOnlySpan<float> sourceY,
        bool replicate, Span<int> indices)
    {
        for (int p = 0; p < indices.Length; p++)
        {
            int x = (int)MathF.Floor(sourceX[p] + 0.5f), y = (int)MathF.Floor(sourceY[p] + 0.5f);
            if (replicate)
            {
                x = Math.Clamp(x, 0, width - 1);
                y = Math.Clamp(y, 0, height - 1);
            }
            else if ((uint)x >= (uint)width || (uint)y >= (uint)height)
            {
                indices[p] = -1;
                continue;
            }
            indices[p] = y * width + x;
        }
    }

    private static float Lerp(float a, float b, float t) => t == 0 ? a : a + (b - a) * t;

    private static float Read(ReadOnlySpan<float> plane, int height, int width, int x, int y, bool replicate)
    {
        if (replicate)
        {
            x = Math.Clamp(x, 0, width - 1);
            y = Math.Clamp(y, 0, height - 1);
        }
        else if ((uint)x >= (uint)width || (uint)y >= (uint)height)
        {
            return 0f;
        }
        return plane[y * width + x];
    }
}
