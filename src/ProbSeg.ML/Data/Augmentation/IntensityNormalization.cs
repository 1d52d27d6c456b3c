namespace ProbSeg.ML.Data.Augmentation;

/// <summary>
/// Intensity preprocessing: min–max scaling to [0, 1], a fixed window to [0, 1], a constant shift (PHiSeg's −0.5) and
/// per-image standardisation.
/// </summary>
/// <remarks>
/// The dataset overloads return a <b>new</b> <see cref="AmbiguousDataset"/> with a new image array; its labels, ids and
/// groups arrays are <b>shared</b> with the input (not copied), so the input stays valid and unchanged. The span overloads
/// (<c>…InPlace</c>) change one image <c>[C, H, W]</c> in place, for per-sample use inside a training loop.
/// A non-finite pixel is reported with the image it sits in rather than spreading NaN through the set.
/// </remarks>
public static class IntensityNormalization
{
    /// <summary>PHiSeg's only effective normalisation: <c>image − 0.5</c> on images already in [0, 1]
    /// (<c>data/lidc_data_loader.py</c>; its <c>normalise_images</c> call is discarded, notes/anchors.md §0).</summary>
    public const float PHiSegShift = -0.5f;

    /// <summary>Default ε of <see cref="StandardizePerImage"/>, as PHiSeg's <c>utils.normalise_image</c> (<c>s + 1e-6</c>).</summary>
    public const float DefaultEpsilon = 1e-6f;

    /// <summary>Maps each image's own minimum to 0 and maximum to 1 (a constant image becomes all 0).</summary>
    public static AmbiguousDataset ScaleToUnitRange(AmbiguousDataset dataset) => PerImage(dataset, ScaleToUnitRangeInPlace);

    /// <summary>Maps the fixed window [<paramref name="min"/>, <paramref name="max"/>] to [0, 1] for every image, e.g.
    /// 8-bit pixels with (0, 255) or a CT window; values outside are clipped when <paramref name="clip"/> is set.</summary>
    public static AmbiguousDataset Rescale(AmbiguousDataset dataset, float min, float max, bool clip = true)
    {
        CheckWindow(min, max);
        return PerImage(dataset, image => RescaleInPlace(image, min, max, clip));
    }

    /// <summary>Adds <paramref name="offset"/> to every pixel; <c>Shift(data, PHiSegShift)</c> is PHiSeg's preprocessing.</summary>
    public static AmbiguousDataset Shift(AmbiguousDataset dataset, float offset)
    {
        if (!float.IsFinite(offset)) throw new ArgumentOutOfRangeException(nameof(offset), $"The offset {offset} is not finite.");
        return PerImage(dataset, image => ShiftInPlace(image, offset));
    }

    /// <summary>Makes each image zero-mean and unit-standard-deviation over all its channels and pixels:
    /// <c>(x − mean) / (std + ε)</c>, as PHiSeg's <c>utils.normalise_image</c>.</summary>
    public static AmbiguousDataset StandardizePerImage(AmbiguousDataset dataset, float epsilon = DefaultEpsilon)
    {
        CheckEpsilon(epsilon);
        return PerImage(dataset, image => StandardizeInPlace(image, epsilon));
    }

    /// <summary>In-place <see cref="ScaleToUnitRange"/> of one image.</summary>
    public static void ScaleToUnitRangeInPlace(Span<float> image)
    {
        if (image.IsEmpty) return;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in image)
        {
            if (!float.IsFinite(v)) throw new ArgumentException($"The image holds a non-finite pixel ({v}).", nameof(image));
            if (v < min) min = v;
            if (v > max) max = v;
        }
        float range = max - min;
        if (range == 0)
        {
            image.Clear();
            return;
        }
        for (int i = 0; i < image.Length; i++) image[i] = (image[i] - min) / range;
    }

    /// <summary>In-place <see cref="Rescale"/> of one image.</summary>
    public static void RescaleInPlace(Span<float> image, float min, float max, bool clip = true)
    {
        CheckWindow(min, max);
        float range = max - min;
        for (int i = 0; i < image.Length; i++)
        {
            float v = (image[i] - min) / range;
            if (!float.IsFinite(v)) throw new ArgumentException($"Pixel {i} is {image[i]}, not a finite value.", nameof(image));
            image[i] = clip ? Math.Clamp(v, 0f, 1f) : v;
        }
    }

    /// <summary>In-place <see cref="Shift"/> of one image.</summary>
    public static void ShiftInPlace(Span<float> image, float offset)
    {
        for (int i = 0; i < image.Length; i++) image[i] += offset;
    }

    /// <summary>In-place <see cref="StandardizePerImage"/> of one image.</summary>
    public static void StandardizeInPlace(Span<float> image, float epsilon = DefaultEpsilon)
    {
        CheckEpsilon(epsilon);
        if (image.IsEmpty) return;
        double sum = 0, sumSquares = 0;
        foreach (float v in image)
        {
            sum += v;
            sumSquares += (double)v * v;
        }
        double mean = sum / image.Length;
        double variance = Math.Max(0, sumSquares / image.Length - mean * mean);
        if (!double.IsFinite(mean) || !double.IsFinite(variance))
            throw new ArgumentException("The image holds a non-finite pixel.", nameof(image));
        float m = (float)mean, inverse = (float)(1 / (Math.Sqrt(variance) + epsilon));
        for (int i = 0; i < image.Length; i++) image[i] = (image[i] - m) * inverse;
    }

    private static AmbiguousDataset PerImage(AmbiguousDataset dataset, SpanAction transform)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var images = (float[])dataset.Images.Clone();
        int size = dataset.ImageSize;
        for (int i = 0; i < dataset.Count; i++)
        {
            try
            {
                transform(images.AsSpan(i * size, size));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Image {i} (id '{dataset.Ids[i]}'): {e.Message}", nameof(dataset), e);
            }
        }
        return new AmbiguousDataset(images, dataset.Labels, dataset.Count, dataset.Channels, dataset.Height, dataset.Width,
            dataset.Annotators, dataset.Classes, dataset.Ids, dataset.Groups);
    }

    private delegate void SpanAction(Span<float> image);

    private static void CheckWindow(float min, float max)
    {
        if (!float.IsFinite(min) || !float.IsFinite(max) || !(max > min))
            throw new ArgumentException($"The window [{min}, {max}] must be finite with max > min.", nameof(max));
    }

    private static void CheckEpsilon(float epsilon)
    {
        if (!(epsilon >= 0) || !float.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"ε must be finite and at least 0, got {epsilon}.");
    }
}
