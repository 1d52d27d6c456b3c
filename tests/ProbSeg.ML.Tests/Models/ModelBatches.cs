using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

/// <summary>Builds a <see cref="TrainingBatch"/> straight from an <see cref="AmbiguousDataset"/> (annotator 0 as target).</summary>
internal static class ModelBatches
{
    public static TrainingBatch First(AmbiguousDataset data, int count)
    {
        int px = data.PixelCount;
        Tensor images = tensor(data.Images.AsSpan(0, count * data.ImageSize).ToArray(), new long[] { count, data.Channels, data.Height, data.Width });
        Tensor annotations = tensor(data.Labels.AsSpan(0, count * data.Annotators * px).ToArray(), new long[] { count, data.Annotators, data.Height, data.Width })
            .to_type(ScalarType.Int64);
        Tensor targets = annotations.select(1, 0).contiguous();
        Tensor present = ones(count, data.Annotators, dtype: ScalarType.Bool);
        return new TrainingBatch(images, targets, annotations, present, 0);
    }

    public static Tensor Images(AmbiguousDataset data, int start, int count) =>
        tensor(data.Images.AsSpan(start * data.ImageSize, count * data.ImageSize).ToArray(), new long[] { count, data.Channels, data.Height, data.Width });
}
