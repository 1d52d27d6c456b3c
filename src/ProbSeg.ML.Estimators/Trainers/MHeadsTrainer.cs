using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains M-Heads (Rupprecht et al., ICCV 2017): one U-Net trunk with M segmentation heads trained with the relaxed
/// winner-takes-all (oracle) loss, so each head specialises on part of the annotations. A sample is one head's
/// prediction (sample i = head i mod M); the mean is over all heads.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [MHeads](xref:ProbSeg.ML.Estimators.SegmentationTrainers.MHeads*).
///
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image. |
/// | `Label` (input, training) | known-size vector of Byte, integer or Single, `[A, H, W]` | Class ids from A annotators; a slot all 255 (or -1) is absent. |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities. |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Arg-max of `Score`. |
/// | `Samples` | vector of Byte, `[N, H, W]` | N sampled segmentations. |
/// | `Uncertainty` | vector of Single, `[H, W]` | Predictive entropy in bits. |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Probabilistic semantic segmentation |
/// | Is normalization required? | No; images are used as given |
/// | Is caching required? | No; the data is read into memory once |
/// | Required NuGet in addition to Microsoft.ML | ProbSeg.ML.Estimators, TorchSharp-cpu (or a CUDA build of TorchSharp) |
/// | Exportable to ONNX | No |
///
/// ### Training algorithm details
/// Relaxed oracle loss: per image, the head with the lowest cross-entropy gets weight 1 − ε and every other head
/// ε/(M − 1). Choose `NumberOfSamples` as a multiple of `Heads` so every head contributes equally to the samples.
/// ]]></format>
/// </remarks>
public sealed class MHeadsTrainer : SegmentationTrainerBase<MHeadsOptions>
{
    internal MHeadsTrainer(IHostEnvironment env, MHeadsOptions options)
        : base(env, options, "MHeads")
    {
    }

    private protected override SegmentationModel CreateModel(MHeadsOptions o, SegmentationDataShape shape) =>
        new MHeads(new MHeadsConfig(shape.Channels, shape.Classes, o.BackboneFor(shape), o.Heads, o.HeadConvolutions, o.Epsilon));
}
