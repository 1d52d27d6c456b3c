using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains the MC-Dropout U-Net (Gal &amp; Ghahramani 2016, as in Czolbe et al. 2021): a U-Net with spatial dropout
/// before every conv block and before the final 1×1 conv, trained with mean pixel cross-entropy; each sample is one
/// forward pass with dropout active (BatchNorm stays in inference mode).
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [McDropoutUNet](xref:ProbSeg.ML.Estimators.SegmentationTrainers.McDropoutUNet*).
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
/// Mean pixel cross-entropy against one annotator drawn per image per step (as Czolbe et al.'s deterministic baseline).
/// At sampling time only the dropout layers run in training mode; Czolbe's `forward()` also switched BatchNorm to
/// training mode, a bug not copied (anchors §0.3).
/// ]]></format>
/// </remarks>
public sealed class McDropoutUNetTrainer : SegmentationTrainerBase<McDropoutUNetOptions>
{
    internal McDropoutUNetTrainer(IHostEnvironment env, McDropoutUNetOptions options)
        : base(env, options, "McDropoutUNet")
    {
    }

    private protected override SegmentationModel CreateModel(McDropoutUNetOptions o, SegmentationDataShape shape) =>
        new McDropoutUNet(new McDropoutUNetConfig(shape.Channels, shape.Classes, o.BackboneFor(shape), o.Dropout, o.HeadConvolutions));
}
