using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains the deterministic U-Net baseline: one softmax segmentation per image, trained with pixel-wise cross-entropy
/// on one annotator drawn per image per step. Every sample is the same prediction (sample diversity 0), which makes it
/// the reference point the probabilistic models are compared with.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [DeterministicUNet](xref:ProbSeg.ML.Estimators.SegmentationTrainers.DeterministicUNet*).
///
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image (multi-dimensional vector type, or a flat vector with `ImageShape` set or a square single-channel size). |
/// | `Label` (input, training) | known-size vector of Byte, integer or Single, `[A, H, W]` | Class ids from A annotators; a slot all 255 (or -1) is an absent annotator. |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities. |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Arg-max class id (0 = background). |
/// | `Samples` | vector of Byte, `[N, H, W]` | N sampled segmentations (identical for this model). |
/// | `Uncertainty` | vector of Single, `[H, W]` | Predictive entropy in bits. |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Probabilistic semantic segmentation (baseline: deterministic) |
/// | Is normalization required? | No; images are used as given |
/// | Is caching required? | No; the data is read into memory once |
/// | Required NuGet in addition to Microsoft.ML | ProbSeg.ML.Estimators, TorchSharp-cpu (or a CUDA build of TorchSharp) |
/// | Exportable to ONNX | No |
///
/// ### Training algorithm details
/// A U-Net (Ronneberger et al. 2015) in the configuration of the probabilistic segmentation references
/// (`UNetChannels`, three convolutions per level with batch normalisation), followed by 1×1 convolutions to K classes.
/// The loss is the mean pixel cross-entropy against one annotator drawn per image per step, as Czolbe et al.'s `softm`
/// baseline. Adam, learning rate 1e-3 (PHiSeg/SSN). With a validation set, the weights with the lowest GED are kept.
/// ]]></format>
/// </remarks>
public sealed class DeterministicUNetTrainer : SegmentationTrainerBase<DeterministicUNetOptions>
{
    internal DeterministicUNetTrainer(IHostEnvironment env, DeterministicUNetOptions options)
        : base(env, options, "DeterministicUNet")
    {
    }

    private protected override SegmentationModel CreateModel(DeterministicUNetOptions options, SegmentationDataShape shape) =>
        new DeterministicUNet(new DeterministicUNetConfig(shape.Channels, shape.Classes, options.BackboneFor(shape), options.HeadConvolutions));
}
