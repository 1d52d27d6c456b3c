using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Training;

/// <summary>
/// Copies a mini-batch out of an <see cref="AmbiguousDataset"/> into tensors, applying augmentation and drawing the
/// annotator each image is trained on this step.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly AmbiguousDataset _data;
    private readonly TrainingOptions _options;
    private readonly Device _device;
    private readonly float[] _images;
    private readonly byte[] _labels;

    public BatchBuilder(AmbiguousDataset data, TrainingOptions options, Device device)
    {
        _data = data;
        _options = options;
        _device = device;
        _images = new float[options.BatchSize * data.ImageSize];
        _labels = new byte[options.BatchSize * data.Annotators * data.PixelCount];
        if (options.AnnotatorIndex is int a && (a < 0 || a >= data.Annotators))
            throw new ArgumentOutOfRangeException(nameof(options), a, $"AnnotatorIndex {a} is outside the dataset's {data.Annotators} annotator slots.");
    }

    public TrainingBatch Build(ReadOnlySpan<int> indices, int step, Random random)
    {
        int b = indices.Length, size = _data.ImageSize, px = _data.PixelCount, slots = _data.Annotators;
        var targets = new long[b * px];
        var present = new bool[b * slots];
        for (int k = 0; k < b; k++)
        {
            int i = indices[k];
            Span<float> image = _images.AsSpan(k * size, size);
            Span<byte> labels = _labels.AsSpan(k * slots * px, slots * px);
            _data.Image(i).CopyTo(image);
            _data.Annotations(i).CopyTo(labels);
            _options.Augment?.Invoke(image, labels, random);

            int chosen = ChooseAnnotator(i, labels, present.AsSpan(k * slots, slots), random);
            ReadOnlySpan<byte> target = labels.Slice(chosen * px, px);
            for (int p = 0; p < px; p++) targets[k * px + p] = target[p];
        }
        var dims4 = new long[] { b, _data.Channels, _data.Height, _data.Width };
        Tensor images = tensor(_images.AsSpan(0, b * size).ToArray(), dims4).to(_device);
        Tensor targetTensor = tensor(targets, new long[] { b, _data.Height, _data.Width }).to(_device);
        Tensor annotations = tensor(_labels.AsSpan(0, b * slots * px).ToArray(), new long[] { b, slots, _data.Height, _data.Width })
            .to_type(ScalarType.Int64).to(_device);
        Tensor presentTensor = tensor(present, new long[] { b, slots }).to(_device);
        return new TrainingBatch(images, targetTensor, annotations, presentTensor, step);
    }

    private int ChooseAnnotator(int index, ReadOnlySpan<byte> labels, Span<bool> present, Random random)
    {
        int px = _data.PixelCount, count = 0;
        for (int a = 0; a < present.Length; a++)
        {
            present[a] = AmbiguousDataset.IsPresent(labels.Slice(a * px, px));
            if (present[a]) count++;
        }
        if (count == 0) throw new InvalidDataException($"Image '{_data.Ids[index]}' has no annotation (every slot is marked missing).");
        if (_options.AnnotatorIndex is int fixedSlot)
        {
            if (!present[fixedSlot]) throw new InvalidDataException($"Image '{_data.Ids[index]}' has no annotation in slot {fixedSlot} (AnnotatorIndex).");
            return fixedSlot;
        }
        int pick = random.Next(count);
        for (int a = 0; a < present.Length; a++)
            if (present[a] && pick-- == 0) return a;
        throw new InvalidOperationException("unreachable");
    }
}
