using System.Buffers;

namespace ProbSeg.ML.Data.Augmentation;

/// <summary>
/// Spatial augmentation of one sample, applied identically to the image and to every annotation, in place. Rotation,
/// crop-and-resize and flips are composed into one geometric map and resampled once: bilinear for the image, nearest
/// neighbour for the labels (class ids are never blended), so image and masks stay aligned pixel for pixel.
/// </summary>
/// <remarks>
/// <para>Faithful to PHiSeg (<c>data/batch_provider.py</c>): with probability <see cref="AugmentationOptions.RotationCropProbability"/>
/// the sample is rotated by an angle uniform in ±<see cref="AugmentationOptions.MaxRotationDegrees"/> about its centre,
/// then a random square window of integer side in [<see cref="AugmentationOptions.MinCropFraction"/>·n, n] at a random
/// integer position is resized back to n; then each flip happens with its own probability. PHiSeg interpolates labels
/// as one-hot maps (argmax of linear interpolation); nearest neighbour is used here so any class count works the same.</para>
/// <para>Annotator slots marked <see cref="AmbiguousDataset.MissingAnnotation"/> are left untouched. Flips without
/// rotation or crop are exact permutations of the pixels.</para>
/// <para>Not thread-safe only through the <see cref="Random"/> passed in: share an <see cref="Augmenter"/> freely, give
/// each thread its own <see cref="Random"/>.</para>
/// </remarks>
public sealed class Augmenter
{
    /// <summary>Creates an augmenter (PHiSeg defaults with flips when <paramref name="options"/> is null).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Augmenter(AugmentationOptions? options = null)
    {
        options ??= new AugmentationOptions();
        options.Validate();
        Options = options;
    }

    /// <summary>The settings in use.</summary>
    public AugmentationOptions Options { get; }

    /// <summary>Draws the random choices for one sample of size <paramref name="height"/>×<paramref name="width"/>.</summary>
    public AugmentationParameters Draw(Random random, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (height < 1 || width < 1) throw new ArgumentException($"Invalid image size {height}×{width}.");
        double angle = 0;
        int cropX = 0, cropY = 0, cropWidth = width, cropHeight = height;
        if (random.NextDouble() < Options.RotationCropProbability)
        {
            if (Options.MaxRotationDegrees > 0)
                angle = (2 * random.NextDouble() - 1) * Options.MaxRotationDegrees;
            int minSide = Math.Clamp((int)Math.Round(Options.MinCropFraction * height), 1, height);
            if (minSide < height)
            {
                cropHeight = random.Next(minSide, height + 1);
                cropWidth = Math.Clamp((int)Math.Round((double)cropHeight * width / height), 1, width);
                cropY = random.Next(0, height - cropHeight + 1);
                cropX = random.Next(0, width - cropWidth + 1);
            }
        }
        bool flipLeftRight = random.NextDouble() < Options.FlipLeftRightProbability;
        bool flipUpDown = random.NextDouble() < Options.FlipUpDownProbability;
        return new AugmentationParameters(angle, cropX, cropY, cropWidth, cropHeight, flipLeftRight, flipUpDown);
    }

    /// <summary>Draws random choices and applies them in place to one sample.</summary>
    /// <param name="image">Pixels <c>[channels, height, width]</c>, changed in place.</param>
    /// <param name="channels">Image channels C.</param>
    /// <param name="labels">Class ids <c>[annotators, height, width]</c>, changed in place (missing slots kept).</param>
    /// <param name="annotators">Annotator slots A (0 when there are no labels).</param>
    /// <param name="height">Height H.</param>
    /// <param name="width">Width W.</param>
    /// <param name="random">Source of the random choices.</param>
    /// <returns>The choices that were applied.</returns>
    public AugmentationParameters Apply(Span<float> image, int channels, Span<byte> labels, int annotators, int height, int width, Random random)
    {
        var parameters = Draw(random, height, width);
        Apply(parameters, image, channels, labels, annotators, height, width);
        return parameters;
    }

    /// <summary>Applies the given choices in place to one sample (shapes as in the other overload).</summary>
    /// <exception cref="ArgumentException">Spans whose lengths do not match the shape, or a crop window outside the image.</exception>
    public void Apply(in AugmentationParameters parameters, Span<float> image, int channels, Span<byte> labels, int annotators, int height, int width)
    {
        CheckShape(parameters, image.Length, channels, labels.Length, annotators, height, width);
        int plane = height * width;
        if (parameters.IsPermutation(height, width))
        {
            if (!parameters.FlipLeftRight && !parameters.FlipUpDown) return;
            for (int c = 0; c < channels; c++) FlipInPlace(image.Slice(c * plane, plane), height, width, parameters);
            for (int a = 0; a < annotators; a++)
            {
                var mask = labels.Slice(a * plane, plane);
                if (AmbiguousDataset.IsPresent(mask)) FlipInPlace(mask, height, width, parameters);
            }
            return;
        }

        float[] sourceX = ArrayPool<float>.Shared.Rent(plane), sourceY = ArrayPool<float>.Shared.Rent(plane);
        float[] scratch = ArrayPool<float>.Shared.Rent(plane);
        int[] nearest = ArrayPool<int>.Shared.Rent(plane);
        byte[] labelScratch = ArrayPool<byte>.Shared.Rent(plane);
        try
        {
            GeometricMap.Compute(parameters, height, width, sourceX, sourceY);
            bool replicate = Options.Border == AugmentationBorder.Replicate;
            for (int c = 0; c < channels; c++)
            {
                var channel = image.Slice(c * plane, plane);
                GeometricMap.SampleBilinear(channel, height, width, sourceX, sourceY, replicate, scratch.AsSpan(0, plane));
                scratch.AsSpan(0, plane).CopyTo(channel);
            }
            if (annotators > 0)
            {
                GeometricMap.NearestIndices(height, width, sourceX, sourceY, replicate, nearest.AsSpan(0, plane));
                for (int a = 0; a < annotators; a++)
                {
                    var mask = labels.Slice(a * plane, plane);
                    if (!AmbiguousDataset.IsPresent(mask)) continue;
                    var target = labelScratch.AsSpan(0, plane);
                    for (int p = 0; p < plane; p++)
                    {
                        int from = nearest[p];
                        target[p] = from < 0 ? (byte)0 : mask[from];
                    }
                    target.CopyTo(mask);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sourceX);
            ArrayPool<float>.Shared.Return(sourceY);
            ArrayPool<float>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(nearest);
            ArrayPool<byte>.Shared.Return(labelScratch);
        }
    }

    private static void FlipInPlace<T>(Span<T> plane, int height, int width, in AugmentationParameters parameters)
    {
        if (parameters.FlipLeftRight)
            for (int y = 0; y < height; y++) plane.Slice(y * width, width).Reverse();
        if (!parameters.FlipUpDown) return;
        T[] row = ArrayPool<T>.Shared.Rent(width);
        try
        {
            var buffer = row.AsSpan(0, width);
            for (int y = 0; y < height / 2; y++)
            {
                var upper = plane.Slice(y * width, width);
                var lower = plane.Slice((height - 1 - y) * width, width);
                upper.CopyTo(buffer);
                lower.CopyTo(upper);
                buffer.CopyTo(lower);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(row);
        }
    }

    private static void CheckShape(in AugmentationParameters p, int imageLength, int channels, int labelLength, int annotators, int height, int width)
    {
        if (height < 1 || width < 1 || channels < 0 || annotators < 0)
            throw new ArgumentException($"Invalid shape: C={channels}, A={annotators}, H={height}, W={width}.");
        if (imageLength != channels * height * width)
            throw new ArgumentException($"The image holds {imageLength} values; [C={channels}, H={height}, W={width}] needs {channels * height * width}.", "image");
        if (labelLength != annotators * height * width)
            throw new ArgumentException($"The labels hold {labelLength} values; [A={annotators}, H={height}, W={width}] needs {annotators * height * width}.", "labels");
        if (p.CropWidth < 1 || p.CropHeight < 1 || p.CropX < 0 || p.CropY < 0 || p.CropX + p.CropWidth > width || p.CropY + p.CropHeight > height)
            throw new ArgumentException($"Crop window x={p.CropX}, y={p.CropY}, {p.CropWidth}×{p.CropHeight} lies outside the {width}×{height} image.", nameof(p));
        if (!double.IsFinite(p.RotationDegrees))
            throw new ArgumentException($"Rotation angle {p.RotationDegrees} is not finite.", nameof(p));
    }
}
