using Microsoft.ML.Runtime;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Trains the Stochastic Segmentation Network (Monteiro et al., NeurIPS 2020): a U-Net whose heads give the mean, a
/// rank-R covariance factor and a diagonal of a multivariate normal over all pixels' logits, so samples are spatially
/// coherent. Each sample is one logit map drawn from that normal.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// To create this trainer, use [StochasticSegmentationNetwork](xref:ProbSeg.ML.Estimators.SegmentationTrainers.StochasticSegmentationNetwork*).
///
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image. |
/// | `Label` (input, training) | known-size vector of Byte, integer or Single, `[A, H, W]` | Class ids from A annotators; a slot all 255 (or -1) is absent. |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities over the samples (or softmax of the logit mean, see `Score`). |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Arg-max of `Score`. |
/// | `Samples` | vector of Byte, `[N, H, W]` | N segmentations, one per logit draw. |
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
/// Loss: −log of the Monte-Carlo estimate (M = 20 antithetic samples) of the likelihood of one annotator's mask,
/// integrating over the logit distribution (`proposed_4annot.py`: rank 10). `Rank = 0` is the diagonal ablation. When
/// the low-rank covariance breaks down numerically for a batch, the model falls back to independent normals for that
/// batch; each fallback is logged as a warning to `MLContext.Log`. `SegmentationTransformer.Manipulate` sweeps a sample
/// along one covariance factor, a class's logits or a temperature, the paper's demonstration of what the factors encode.
/// ]]></format>
/// </remarks>
public sealed class StochasticSegmentationNetworkTrainer : SegmentationTrainerBase<StochasticSegmentationNetworkOptions>
{
    internal StochasticSegmentationNetworkTrainer(IHostEnvironment env, StochasticSegmentationNetworkOptions options)
        : base(env, options, "StochasticSegmentationNetwork")
    {
    }

    private protected override SegmentationModel CreateModel(StochasticSegmentationNetworkOptions o, SegmentationDataShape shape) =>
        new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(shape.Channels, shape.Classes, o.BackboneFor(shape), o.Rank,
            o.MonteCarloSamples, o.Antithetic, o.RecombinationConvolutions, o.DiagonalEpsilon, o.Score));

    private protected override IDisposable? ObserveTraining(SegmentationModel model, IChannel channel) =>
        model is StochasticSegmentationNetwork ssn ? new FallbackLog(ssn, channel, Name) : null;

    /// <summary>Logs each covariance fallback while training, and their count at the end.</summary>
    internal sealed class FallbackLog : IDisposable
    {
        private readonly StochasticSegmentationNetwork _model;
        private readonly IChannel _channel;
        private readonly string _name;
        private readonly long _before;

        public FallbackLog(StochasticSegmentationNetwork model, IChannel channel, string name)
        {
            (_model, _channel, _name, _before) = (model, channel, name, model.CovarianceFallbacks);
            _model.CovarianceFallback += OnFallback;
        }

        private void OnFallback(object? sender, string message) => _channel.Warning(MessageSensitivity.None, $"{_name}: {message}");

        public void Dispose()
        {
            _model.CovarianceFallback -= OnFallback;
            long count = _model.CovarianceFallbacks - _before;
            if (count > 0) _channel.Warning(MessageSensitivity.None, $"{_name}: the covariance fell back to independent normals in {count} batches.");
        }
    }
}
