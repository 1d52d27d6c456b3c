using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains an ensemble of M independently initialised U-Nets (Lakshminarayanan et al. 2017; Czolbe et al. 2021's
/// <c>ensemble</c>): with A annotators, member k learns annotator k mod A. A sample is one member's prediction
/// (sample i = member i mod M); the mean is over all members.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [UNetEnsemble](xref:ProbSeg.ML.Estimators.SegmentationTrainers.UNetEnsemble*).
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
/// Each member is this project's deterministic U-Net trained with mean pixel cross-entropy; with
/// `Assignment = MemberAnnotator` member k trains on annotator slot k mod A (Czolbe `zip(y_hats, cycle(ys))`).
/// Choose `NumberOfSamples` as a multiple of `Members` so every member contributes equally to the samples.
/// ]]></format>
/// </remarks>
public sealed class UNetEnsembleTrainer : SegmentationTrainerBase<UNetEnsembleOptions>
{
    internal UNetEnsembleTrainer(IHostEnvironment env, UNetEnsembleOptions options)
        : base(env, options, "UNetEnsemble")
    {
    }

    private protected override SegmentationModel CreateModel(UNetEnsembleOptions o, SegmentationDataShape shape) =>
        new UNetEnsemble(new UNetEnsembleConfig(shape.Channels, shape.Classes, o.BackboneFor(shape), o.Members, o.HeadConvolutions, o.Assignment));
}
