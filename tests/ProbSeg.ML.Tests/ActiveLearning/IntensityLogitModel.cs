using ProbSeg.ML.Models;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.ActiveLearning;

/// <summary>
/// A parameter-free test model whose every sample has logits [0, x] at a pixel of intensity x, so the pixel's
/// entropy is known: 1 bit at x = 0, falling as |x| grows.
/// </summary>
internal sealed class IntensityLogitModel : SegmentationModel
{
    public IntensityLogitModel() : base(nameof(IntensityLogitModel), 1, 2) { }

    public override object Configuration => "intensity-logits";

    public override LossResult ComputeLoss(TrainingBatch batch) => throw new NotSupportedException("A fixed test model.");

    public override Tensor SampleLogits(Tensor images, int samples)
    {
        Tensor logits = cat([zeros_like(images), images], 1);                // [B, 2, H, W]
        return logits.unsqueeze(0).expand(samples, -1, -1, -1, -1);
    }
}
