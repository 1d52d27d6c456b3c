using ProbSeg.ML.Distributions;
using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// The Probabilistic U-Net (Kohl et al., NeurIPS 2018): a U-Net, a prior net p(z|x), a posterior net q(z|x,y) and
/// f_comb, which combines the U-Net's last features with a latent sample z into class logits. Trained on the negative
/// ELBO: cross-entropy of a posterior reconstruction summed over pixels and averaged over the batch, plus
/// β·KL(q ‖ p) in closed form (Kohl <c>probabilistic_unet.py: elbo</c>).
/// </summary>
/// <remarks>
/// Sampling runs the U-Net and the prior net once per image; each sample only re-runs f_comb, and the samples are
/// batched through it. Besides <see cref="SampleLogits"/>: <see cref="Reconstruct"/> (posterior samples given a label)
/// and <see cref="LatentWalk"/> (the paper's grid over two latent dimensions). Kohl's 1e-5 L2 weight penalty is the
/// trainer's <c>TrainingOptions.WeightDecay</c>.
/// </remarks>
public sealed class ProbabilisticUNet : SegmentationModel
{
    // Bounds peak memory of batched f_comb passes: samples × images × pixels per pass. At ~100 live floats per
    // pixel-sample (F + L inputs, two 32-channel hidden maps) that is ~0.2 GB, e.g. 4 samples of 8 images at 128².
    private const long DefaultMaxPixelsPerPass = 1L << 19;

    private readonly UNet _unet;
    private readonly LatentEncoder _prior;
    private readonly LatentEncoder _posterior;
    private readonly FComb _fcomb;

    /// <summary>Builds the model.</summary>
    public ProbabilisticUNet(ProbabilisticUNetConfig config)
        : base(nameof(ProbabilisticUNet), config.InputChannels, config.Classes)
    {
        config.Validate();
        Config = config;
        UNetConfig encoder = config.EncoderShape();
        _unet = new UNet("unet", config.InputChannels, config.UNet);
        _prior = new LatentEncoder("prior_net", config.InputChannels, encoder, config.LatentDim, config.LogSigmaBound);
        // Posterior input = image ⊕ (one-hot(y) − 0.5) (Kohl `seg -= 0.5`; Knegt's port omits the shift, issue #11).
        _posterior = new LatentEncoder("posterior_net", config.InputChannels + config.Classes, encoder, config.LatentDim, config.LogSigmaBound);
        _fcomb = new FComb("fcomb", _unet.OutputChannels, config.LatentDim, config.FCombChannels, config.FCombConvs, config.Classes);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public ProbabilisticUNetConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <summary>Samples × images × pixels per batched pass (tests lower it to exercise the chunking).</summary>
    internal long MaxPixelsPerPass { get; set; } = DefaultMaxPixelsPerPass;

    /// <summary>The U-Net backbone (tests count its forward calls).</summary>
    internal UNet Backbone => _unet;

    /// <summary>The KL weight at optimisation step <paramref name="step"/>: β, ramped linearly from 0 during warm-up.</summary>
    public double BetaAt(int step) =>
        Config.KlWarmupSteps == 0 ? Config.Beta : Config.Beta * Math.Min(1.0, Math.Max(0, step) / (double)Config.KlWarmupSteps);

    /// <summary>The prior p(z|x) for images <c>[B, C, H, W]</c>.</summary>
    public DiagonalGaussian Prior(Tensor images) => _prior.forward(images);

    /// <summary>The posterior q(z|x,y) for images <c>[B, C, H, W]</c> and int64 class ids <c>[B, H, W]</c>.</summary>
    public DiagonalGaussian Posterior(Tensor images, Tensor labels)
    {
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        return _posterior.forward(cat([images, CentredOneHot(labels, images)], 1));
    }

    /// <inheritdoc/>
    public override LossResult ComputeLoss(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor images = batch.Images;
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        Tensor features = _unet.forward(images);
        DiagonalGaussian prior = Prior(images);
        DiagonalGaussian posterior = Posterior(images, batch.Targets);
        Tensor z = posterior.Sample(1).squeeze(0);                        // reparameterised posterior sample (Kohl `reconstruct`)
        Tensor logits = _fcomb.forward(features, z);
        // CE summed over pixels, mean over batch; KL mean over batch (Kohl `elbo`: rec_loss['sum'] + β·reduce_mean(KL)).
        Tensor ce = SegmentationLosses.CrossEntropySumPerImage(logits, batch.Targets).mean();
        Tensor kl = DiagonalGaussian.KlDivergence(posterior, prior).mean();
        Tensor total = ce + kl.to_type(ce.dtype) * BetaAt(batch.Step);
        return new LossResult(total, new Dictionary<string, Tensor> { ["ce"] = ce.detach(), ["kl"] = kl.detach() });
    }

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        Tensor features = _unet.forward(images);                            // once per image, however many samples
        return Decode(features, Prior(images).Sample(samples));
    }

    /// <summary>
    /// Reconstructions of given labels: logits <c>[S, B, K, H, W]</c> decoded from posterior samples z ~ q(z|x,y), or
    /// from the posterior mean (then all S are equal). Like <see cref="SampleLogits"/>, call it in eval mode without gradients.
    /// </summary>
    /// <param name="images">Images <c>[B, C, H, W]</c>.</param>
    /// <param name="labels">Int64 class ids <c>[B, H, W]</c>.</param>
    /// <param name="samples">Reconstructions per image.</param>
    /// <param name="usePosteriorMean">Decode μ of q instead of sampling (Kohl <c>reconstruct(use_posterior_mean)</c>).</param>
    public Tensor Reconstruct(Tensor images, Tensor labels, int samples = 1, bool usePosteriorMean = false)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        DiagonalGaussian posterior = Posterior(images, labels);
        Tensor features = _unet.forward(images);
        Tensor z = usePosteriorMean
            ? posterior.Mean.unsqueeze(0).expand(samples, -1, -1)
            : posterior.Sample(samples);
        return Decode(features, z);
    }

    /// <summary>
    /// The latent-space walk of Kohl et al.'s figure: logits <c>[V1, V2, B, K, H, W]</c> decoded at
    /// z = μp + a·σp·e<sub>first</sub> + b·σp·e<sub>second</sub> for every a in <paramref name="firstValues"/> and b in
    /// <paramref name="secondValues"/> (σ units around the prior mean; e.g. −3…3), other dimensions at the prior mean.
    /// Runs the U-Net and prior once. Call it in eval mode without gradients.
    /// </summary>
    /// <param name="images">Images <c>[B, C, H, W]</c>.</param>
    /// <param name="firstDim">Latent dimension varied along the grid's rows.</param>
    /// <param name="secondDim">Latent dimension varied along the grid's columns (different from <paramref name="firstDim"/>).</param>
    /// <param name="firstValues">Offsets in prior σ along <paramref name="firstDim"/>.</param>
    /// <param name="secondValues">Offsets along <paramref name="secondDim"/>; null reuses <paramref name="firstValues"/>.</param>
    public Tensor LatentWalk(Tensor images, int firstDim, int secondDim, IReadOnlyList<double> firstValues, IReadOnlyList<double>? secondValues = null)
    {
        ArgumentNullException.ThrowIfNull(firstValues);
        secondValues ??= firstValues;
        int latent = Config.LatentDim;
        if (firstDim < 0 || firstDim >= latent) throw new ArgumentOutOfRangeException(nameof(firstDim), firstDim, $"The latent has dimensions 0..{latent - 1}.");
        if (secondDim < 0 || secondDim >= latent) throw new ArgumentOutOfRangeException(nameof(secondDim), secondDim, $"The latent has dimensions 0..{latent - 1}.");
        if (firstDim == secondDim) throw new ArgumentException($"Walk two different latent dimensions (both are {firstDim}).", nameof(secondDim));
        if (firstValues.Count == 0 || secondValues.Count == 0) throw new ArgumentException("Give at least one value per latent dimension.");
        if (firstValues.Concat(secondValues).Any(v => !double.IsFinite(v))) throw new ArgumentException("Latent walk values must be finite.");

        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        Tensor features = _unet.forward(images);
        DiagonalGaussian prior = Prior(images);
        int rows = firstValues.Count, cols = secondValues.Count;
        var offsets = new float[rows * cols * latent];                    // [V1·V2, L] in σ units
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
        {
            offsets[(i * cols + j) * latent + firstDim] = (float)firstValues[i];
            offsets[(i * cols + j) * latent + secondDim] = (float)secondValues[j];
        }
        Tensor offset = tensor(offsets, new long[] { rows * cols, 1, latent }).to(prior.Mean.device).to_type(prior.Mean.dtype);
        Tensor z = prior.Mean.unsqueeze(0) + offset * prior.Sigma.unsqueeze(0);   // [V1·V2, B, L]
        Tensor logits = Decode(features, z);
        return logits.view(new long[] { rows, cols }.Concat(logits.shape.Skip(1)).ToArray());
    }

    /// <summary>f_comb over S latents per image: features <c>[B, F, H, W]</c>, z <c>[S, B, L]</c> → <c>[S, B, K, H, W]</c>.</summary>
    private Tensor Decode(Tensor features, Tensor z)
    {
        long s = z.shape[0], b = features.shape[0], h = features.shape[2], w = features.shape[3];
        long perPass = Math.Max(1, MaxPixelsPerPass / Math.Max(1, b * h * w)); // samples per f_comb pass
        var chunks = new List<Tensor>();
        for (long start = 0; start < s; start += perPass)
        {
            long n = Math.Min(perPass, s - start);
            Tensor f = features.unsqueeze(0).expand(n, -1, -1, -1, -1).reshape(n * b, features.shape[1], h, w);
            Tensor zc = z.narrow(0, start, n).reshape(n * b, z.shape[2]);
            chunks.Add(_fcomb.forward(f, zc).view(n, b, Classes, h, w));
        }
        return chunks.Count == 1 ? chunks[0] : cat(chunks, 0);
    }

    /// <summary>one-hot(y) − 0.5 as <c>[B, K, H, W]</c> in the images' dtype, after checking shape and class range.</summary>
    private Tensor CentredOneHot(Tensor labels, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 3 || labels.shape[0] != images.shape[0] || labels.shape[1] != images.shape[2] || labels.shape[2] != images.shape[3])
            throw new ArgumentException($"Labels must be [B, H, W] = [{images.shape[0]}, {images.shape[2]}, {images.shape[3]}] to match the images; got [{string.Join(", ", labels.shape)}].");
        if (labels.dtype != ScalarType.Int64) throw new ArgumentException($"Labels must be int64 class ids, got {labels.dtype}.");
        long min = labels.min().item<long>(), max = labels.max().item<long>();
        if (min < 0 || max >= Classes)
            throw new ArgumentException($"Label class ids must lie in [0, {Classes - 1}]; found values in [{min}, {max}] (255 marks a missing annotation, which cannot be encoded).");
        return nn.functional.one_hot(labels, Classes).permute(0, 3, 1, 2).to_type(images.dtype) - 0.5;
    }
}
