using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains the Probabilistic U-Net (Kohl et al., NeurIPS 2018): a U-Net whose last features are combined with a latent
/// code z drawn from a prior net p(z|x); training fits a posterior net q(z|x,y) and minimises the negative ELBO. Each
/// sample is one z, so samples are coherent segmentations.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [ProbabilisticUNet](xref:ProbSeg.ML.Estimators.SegmentationTrainers.ProbabilisticUNet*).
///
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image. |
/// | `Label` (input, training) | known-size vector of Byte, integer or Single, `[A, H, W]` | Class ids from A annotators; a slot all 255 (or -1) is absent. |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities over the samples. |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Arg-max of `Score`. |
/// | `Samples` | vector of Byte, `[N, H, W]` | N segmentations, one per prior draw z. |
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
/// Loss: pixel cross-entropy of a posterior reconstruction, summed over pixels and averaged over the batch, plus
/// β·KL(q ‖ p) in closed form (Kohl `probabilistic_unet.py: elbo`), with one annotator drawn per image per step.
/// Sampling runs the U-Net and the prior once per image and only f_comb per sample.
/// ]]></format>
/// </remarks>
public sealed class ProbabilisticUNetTrainer : SegmentationTrainerBase<ProbabilisticUNetOptions>
{
    internal ProbabilisticUNetTrainer(IHostEnvironment env, ProbabilisticUNetOptions options)
        : base(env, options, "ProbabilisticUNet")
    {
    }

    private protected override SegmentationModel CreateModel(ProbabilisticUNetOptions o, SegmentationDataShape shape) =>
        new ProbabilisticUNet(new ProbabilisticUNetConfig(shape.Channels, shape.Classes, o.BackboneFor(shape), o.LatentDim, o.Beta,
            o.FCombChannels, o.FCombConvolutions, o.KlWarmupSteps, o.LogSigmaBound));
}
