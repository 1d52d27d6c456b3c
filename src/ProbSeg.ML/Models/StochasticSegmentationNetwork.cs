using ProbSeg.ML.Distributions;
using ProbSeg.ML.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// Stochastic Segmentation Network (Monteiro et al., NeurIPS 2020): a U-Net whose output is a Gaussian over the whole
/// logit map with low-rank-plus-diagonal covariance, so that pixels vary together; samples are softmaxes of draws from
/// it. Any number of samples comes from one backbone pass. Trained with the Monte-Carlo log-likelihood
/// (<see cref="StochasticSegmentationNetworkLoss"/>) on one annotator drawn per image per step.
/// </summary>
/// <remarks>
/// The event vector is class-major <c>(K, H, W)</c> flattened, and the factor head's K·R channels are read as
/// <c>(R, K)</c>, as the PyTorch reference (<c>ssn/models/stochastic_deepmedic.py</c>). When the covariance breaks
/// down for a batch the model falls back to independent normals, counts it in <see cref="CovarianceFallbacks"/>, raises
/// <see cref="CovarianceFallback"/> and reports a <c>"fallback"</c> loss term of 1.
/// </remarks>
public sealed class StochasticSegmentationNetwork : SegmentationModel
{
    private readonly UNet _unet;
    private readonly StochasticSegmentationHeads _heads;
    private long _fallbacks;

    /// <summary>Builds the model.</summary>
    public StochasticSegmentationNetwork(StochasticSegmentationNetworkConfig config)
        : base(nameof(StochasticSegmentationNetwork), config?.InputChannels ?? 0, config?.Classes ?? 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _unet = new UNet("unet", config.InputChannels, config.UNet);
        _heads = new StochasticSegmentationHeads("heads", _unet.OutputChannels, config.Classes, config.Rank, config.RecombConvs, config.UNet.BatchNorm);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public StochasticSegmentationNetworkConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <summary>The U-Net backbone (its <see cref="UNet.ForwardCalls"/> shows that sampling reuses one pass).</summary>
    public UNet Backbone => _unet;

    /// <summary>Whether the model is the diagonal ablation (rank 0, independent normals per logit).</summary>
    public bool IsDiagonal => Config.Rank == 0;

    /// <summary>Batches whose covariance broke down and fell back to independent normals since construction.</summary>
    public long CovarianceFallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>Raised with the reason each time a batch falls back to independent normals (trainers log it).</summary>
    public event EventHandler<string>? CovarianceFallback;

    /// <summary>
    /// The logit distribution for a batch of images <c>[B, C, H, W]</c>, from one backbone pass: mean, diagonal and
    /// factor over events of shape <c>[K, H, W]</c>.
    /// </summary>
    public LowRankLogitDistribution Distribution(Tensor images)
    {
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        var (mean, logDiag, factor) = _heads.forward(_unet.forward(images));
        long b = mean.shape[0], k = Classes, h = mean.shape[2], w = mean.shape[3];
        Tensor loc = mean.reshape(b, k * h * w);
        Tensor diag = logDiag.exp().add(Config.DiagonalEpsilon).reshape(b, k * h * w);     // exp() + 1e-5 (stochastic_deepmedic.py)
        Tensor? covFactor = factor?.reshape(b, Config.Rank, k, h * w).flatten(2, 3).transpose(1, 2); // (B, R, K, HW) → (B, K·HW, R)
        var distribution = LowRankLogitDistribution.Create(loc, covFactor, diag, [k, h, w]);
        if (distribution.IsFallback)
        {
            Interlocked.Increment(ref _fallbacks);
            CovarianceFallback?.Invoke(this, $"Covariance broke down ({distribution.FallbackReason}); using independent normals for this batch.");
        }
        return distribution;
    }

    /// <inheritdoc/>
    public override LossResult ComputeLoss(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        LowRankLogitDistribution distribution = Distribution(batch.Images);
        int m = Config.MonteCarloSamples;
        Tensor samples = Config.Antithetic ? distribution.RSampleAntithetic(m) : distribution.RSample(m);
        Tensor loss = StochasticSegmentationNetworkLoss.Compute(ToLogitMaps(samples, batch.Images), batch.Targets);
        return new LossResult(loss, new Dictionary<string, Tensor>
        {
            ["nll"] = loss.detach(),
            ["fallback"] = tensor(distribution.IsFallback ? 1f : 0f),
        });
    }

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        return ToLogitMaps(Distribution(images).RSample(samples), images);
    }

    /// <inheritdoc/>
    public override Tensor MeanProbabilities(Tensor images, Tensor sampleLogits) =>
        Config.Score == StochasticSegmentationNetworkScore.MeanLogits
            ? Distribution(images).Mean.reshape(images.shape[0], Classes, images.shape[2], images.shape[3]).softmax(1)
            : base.MeanProbabilities(images, sampleLogits);

    /// <summary>
    /// Sweeps <paramref name="manipulation"/> over one fixed draw of noise for one image <c>[C, H, W]</c> (or
    /// <c>[1, C, H, W]</c>), in evaluation mode: the paper's demonstration of what the factors encode. The noise comes
    /// from a private generator seeded with <paramref name="seed"/>, so the result is reproducible and leaves the global
    /// generator alone.
    /// </summary>
    public ManipulatedSamples Manipulate(Tensor image, SampleManipulation manipulation, int seed)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(manipulation);
        if (image.dim() == 4 && image.shape[0] != 1)
            throw new ArgumentException($"Manipulate takes one image, got a batch of {image.shape[0]}.", nameof(image));
        bool wasTraining = training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor x = image.dim() == 3 ? image.unsqueeze(0) : image;
            LowRankLogitDistribution distribution = Distribution(x);
            using var generator = new Generator((ulong)seed, x.device);
            int h = (int)x.shape[2], w = (int)x.shape[3];
            Tensor logits = distribution.Manipulate(manipulation, generator)
                .reshape(manipulation.Weights.Count, Classes, h, w).to(ScalarType.Float32).cpu().contiguous();
            float[] values = logits.data<float>().ToArray();
            byte[] labels = logits.argmax(1).to_type(ScalarType.Byte).data<byte>().ToArray();
            return new ManipulatedSamples(manipulation, Classes, h, w, values, labels);
        }
        finally
        {
            train(wasTraining);
        }
    }

    private Tensor ToLogitMaps(Tensor flatSamples, Tensor images) =>
        flatSamples.reshape(flatSamples.shape[0], images.shape[0], Classes, images.shape[2], images.shape[3]);
}
