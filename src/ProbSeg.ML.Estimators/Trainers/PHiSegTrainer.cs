using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains PHiSeg (Baumgartner et al., MICCAI 2019): a hierarchical conditional VAE with latent variables at L
/// resolution levels; a prior net p(z|x) and a posterior net q(z|x,y) are fitted jointly, and the likelihood net sums
/// per-level outputs into the logits. Each sample is one draw of the whole latent hierarchy from the prior.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [PHiSeg](xref:ProbSeg.ML.Estimators.SegmentationTrainers.PHiSeg*).
///
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image; H and W divisible by 2^(`ResolutionLevels` − 1). |
/// | `Label` (input, training) | known-size vector of Byte, integer or Single, `[A, H, W]` | Class ids from A annotators; a slot all 255 (or -1) is absent. |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities over the samples. |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Arg-max of `Score`. |
/// | `Samples` | vector of Byte, `[N, H, W]` | N segmentations, one per prior draw of the latent hierarchy. |
/// | `Uncertainty` | vector of Single, `[H, W]` | Predictive entropy in bits. |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Probabilistic semantic segmentation |
/// | Is normalization required? | No; images are used as given (PHiSeg's LIDC setup centres them, image − 0.5) |
/// | Is caching required? | No; the data is read into memory once |
/// | Required NuGet in addition to Microsoft.ML | ProbSeg.ML.Estimators, TorchSharp-cpu (or a CUDA build of TorchSharp) |
/// | Exportable to ONNX | No |
///
/// ### Training algorithm details
/// Defaults are the reference's `phiseg_7_5` (7 resolution levels, the coarsest 5 latent, 2 latent channels per level,
/// n0 = 32). Loss: cross-entropy of the posterior reconstruction on every partial sum of the level outputs (deep
/// supervision, the reference's residual multinoulli loss), plus the per-level KL(q ‖ p) weighted by 4^i (i = 0 the
/// finest latent level) times `KLWeight`, with one annotator drawn per image per step. Adam, learning rate 1e-3.
/// ]]></format>
/// </remarks>
public sealed class PHiSegTrainer : SegmentationTrainerBase<PHiSegOptions>
{
    internal PHiSegTrainer(IHostEnvironment env, PHiSegOptions options)
        : base(env, options, "PHiSeg")
    {
    }

    private protected override SegmentationModel CreateModel(PHiSegOptions o, SegmentationDataShape shape)
    {
        var config = new PHiSegConfig(shape.Channels, shape.Classes, o.ResolutionLevels, o.LatentLevels, o.BaseChannels, o.LatentChannels,
            o.ConvolutionsPerLevel, o.BatchNorm, o.KLWeight, o.ExponentialKLWeighting, o.ResidualLossWeight, o.DeepSupervision);
        shape.RequireDivisible(config.SizeDivisor(), nameof(o.ResolutionLevels),
            $"{o.ResolutionLevels} resolution levels halve the image {o.ResolutionLevels - 1} times");
        return new PHiSeg(config);
    }
}
