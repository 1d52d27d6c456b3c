namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Collects images and annotations decoded by a reader, applies the shared geometry and scaling, and builds the
/// <see cref="AmbiguousDataset"/> only when every row has arrived (so a failing read never yields a partial dataset).
/// </summary>
internal sealed class DatasetBuilder
{
    private readonly ImageGeometry _geometry;
    private readonly ImageScaling _scaling;
    private readonly float[] _images;
    private readonly byte[] _labels;
    private readonly string[] _ids, _groups;
    private int _count;
    private int _maxClass;

    public DatasetBuilder(int capacity, int channels, int annotators, ImageGeometry geometry, ImageScaling scaling)
    {
        if (annotators < 1) throw new ArgumentOutOfRangeException(nameof(annotators), annotators, "At least one annotator slot is needed.");
        Capacity = capacity;
        Channels = channels;
        Annotators = annotators;
        _geometry = geometry;
        _scaling = scaling;
        int plane = geometry.Height * geometry.Width;
        _images = new float[checked((long)capacity * channels * plane)];
        _labels = new byte[checked((long)capacity * annotators * plane)];
        _ids = new string[capacity];
        _groups = new string[capacity];
    }

    public int Capacity { get; }
    public int Channels { get; }
    public int Annotators { get; }
    public ImageGeometry Geometry => _geometry;

    /// <summary>Adds one image.</summary>
    /// <param name="image">Stored values <c>[C, H, W]</c> at source size.</param>
    /// <param name="fullScale">The storage range (255, 65535, or 1 for floats) used by unit-range scaling.</param>
    /// <param name="labels">Class ids <c>[A, H, W]</c> at source size; a slot starting with
    /// <see cref="AmbiguousDataset.MissingAnnotation"/> is absent.</param>
    /// <param name="id">Image id.</param>
    /// <param name="group">Group (patient).</param>
    /// <param name="source">Named in errors.</param>
    public void Add(ReadOnlySpan<float> image, float fullScale, ReadOnlySpan<byte> labels, string id, string group, string source)
    {
        if (_count == Capacity) throw new InvalidOperationException($"The builder holds {Capacity} images already.");
        int srcPlane = _geometry.SourceHeight * _geometry.SourceWidth, plane = _geometry.Height * _geometry.Width;
        if (image.Length != Channels * srcPlane || labels.Length != Annotators * srcPlane)
            throw new InvalidOperationException($"{source}: image or label size does not match the dataset geometry.");

        var imageOut = _images.AsSpan(_count * Channels * plane, Channels * plane);
        for (int c = 0; c < Channels; c++)
            _geometry.Resample(image.Slice(c * srcPlane, srcPlane), imageOut.Slice(c * plane, plane));
        Scale(imageOut, fullScale);

        bool anyPresent = false;
        var labelOut = _labels.AsSpan(_count * Annotators * plane, Annotators * plane);
        for (int a = 0; a < Annotators; a++)
        {
            var slot = labels.Slice(a * srcPlane, srcPlane);
            var dst = labelOut.Slice(a * plane, plane);
            if (!AmbiguousDataset.IsPresent(slot)) { dst.Fill(AmbiguousDataset.MissingAnnotation); continue; }
            anyPresent = true;
            _geometry.Resample(slot, dst);
            _maxClass = Math.Max(_maxClass, SpanMath.Max(slot));
        }
        if (!anyPresent) throw new InvalidDataException($"{source}: no annotation for this image (all {Annotators} slots are missing).");
        _ids[_count] = id;
        _groups[_count] = group;
        _count++;
    }

    /// <summary>The dataset, once all <see cref="Capacity"/> images have been added.</summary>
    public AmbiguousDataset Build(int? classes, string source)
    {
        if (_count != Capacity) throw new InvalidOperationException($"{source}: {_count} of {Capacity} images were read.");
        int k = classes ?? Math.Max(2, _maxClass + 1);
        if (_maxClass >= k) throw new InvalidDataException($"{source}: labels reach class id {_maxClass} but Classes = {k}.");
        return new AmbiguousDataset(_images, _labels, _count, Channels, _geometry.Height, _geometry.Width, Annotators, k, _ids, _groups);
    }

    private void Scale(Span<float> image, float fullScale)
    {
        switch (_scaling)
        {
            case ImageScaling.UnitRange or ImageScaling.CenteredHalf:
                SpanMath.MultiplyAdd(image, 1f / fullScale, _scaling == ImageScaling.CenteredHalf ? -0.5f : 0f);
                break;
            case ImageScaling.PerImageStandardise:
                double sum = 0, sq = 0;
                foreach (float v in image) { sum += v; sq += (double)v * v; }
                double mean = sum / image.Length, std = Math.Sqrt(Math.Max(0, sq / image.Length - mean * mean));
                float m = (float)mean, s = std > 1e-6 * Math.Max(1, Math.Abs(mean)) ? (float)(1 / std) : 0f;
                SpanMath.MultiplyAdd(image, s, -m * s);
                break;
        }
    }
}
