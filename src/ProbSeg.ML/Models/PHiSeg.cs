using ProbSeg.ML.Distributions;
using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Networks.PHiSeg;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// PHiSeg (Baumgartner et al., MICCAI 2019): a hierarchical conditional VAE whose L latent levels, at progressively
/// finer resolutions, each add a residual to the segmentation logits. Trained with the posterior q(z|x, y) and a prior
/// p(z|x) conditioned on the posterior's coarser samples; samples come from the prior. Loss = Σ_levels CE(s_accum[i])
/// (deep supervision) + KLWeight · Σ_i 4^i KL(q_i‖p_i) (<c>phiseg/phiseg_model.py</c>).
/// </summary>
/// <remarks>
/// Latent level i (0 = finest) lives on resolution level i + R − L, at H / 2^(i+R−L): with the defaults (R = 7, L = 5)
/// and 128×128 images, 32, 16, 8, 4 and 2 pixels a side. Loss terms: <c>ce</c> (weighted cross-entropy sum),
/// <c>nll</c> (cross-entropy of the full output s_accum[0]), <c>kl</c> (weighted KL sum) and <c>kl0</c>…<c>kl{L−1}</c>,
/// each level's unweighted KL in nats per image, so posterior collapse at a level is visible.
/// </remarks>
public sealed class PHiSeg : SegmentationModel
{
    private const int ImagePassesPerChunk = 16; // bounds likelihood activations when drawing many samples
    private readonly HierarchicalLatentNet _posterior;
    private readonly HierarchicalLatentNet _prior;
    private readonly PHiSegLikelihoodNet _likelihood;
    private readonly double[] _klWeights;

    /// <summary>Builds the model.</summary>
    public PHiSeg(PHiSegConfig config)
        : base(nameof(PHiSeg), config?.InputChannels ?? 0, config?.Classes ?? 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int[] channels = config.LevelChannels();
        _posterior = new HierarchicalLatentNet("posterior", config.InputChannels + config.Classes, channels, config.LatentLevels,
            config.LatentChannels, config.BaseChannels, config.ConvsPerLevel, config.BatchNorm);
        _prior = new HierarchicalLatentNet("prior", config.InputChannels, channels, config.LatentLevels,
            config.LatentChannels, config.BaseChannels, config.ConvsPerLevel, config.BatchNorm);
        _likelihood = new PHiSegLikelihoodNet("likelihood", channels, config.LatentLevels, config.LatentChannels, config.Classes, config.BatchNorm);
        // 4^i with i = 0 the finest level (add_hierarchical_KL_div_loss, exponential_weighting = True).
        _klWeights = Enumerable.Range(0, config.LatentLevels)
            .Select(i => config.KLWeight * (config.ExponentialKLWeighting ? Math.Pow(4, i) : 1)).ToArray();
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public PHiSegConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <summary>Latent levels L.</summary>
    public int LatentLevels => Config.LatentLevels;

    /// <summary>Weight of each level's KL in the loss, index 0 = finest: KLWeight · 4^i (or KLWeight without exponential weighting).</summary>
    public IReadOnlyList<double> KLWeights => _klWeights;

    /// <summary>Shape of each latent level for an image of <paramref name="height"/>×<paramref name="width"/>, index 0 = finest.</summary>
    /// <exception cref="ArgumentException">The size is not divisible by 2^(R−1).</exception>
    public IReadOnlyList<LatentShape> LatentShapes(int height, int width)
    {
        RequireSize(height, width);
        int offset = Config.ResolutionLevels - Config.LatentLevels;
        return Enumerable.Range(0, Config.LatentLevels)
            .Select(i => new LatentShape(Config.LatentChannels, height >> (i + offset), width >> (i + offset))).ToArray();
    }

    /// <summary>The posterior q(z|x, y) for images <c>[B, C, H, W]</c> and int64 targets <c>[B, H, W]</c>, one sample per level.</summary>
    public LatentHierarchy Posterior(Tensor images, Tensor targets)
    {
        RequireImages(images);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.dim() != 3 || targets.dtype != ScalarType.Int64 || targets.shape[0] != images.shape[0]
            || targets.shape[1] != images.shape[2] || targets.shape[2] != images.shape[3])
            throw new ArgumentException($"Targets must be int64 [B, H, W] = [{images.shape[0]}, {images.shape[2]}, {images.shape[3]}], got {targets.dtype} [{string.Join(", ", targets.shape)}].", nameof(targets));
        long k = Classes;
        if (targets.numel() > 0 && (targets.min().item<long>() < 0 || targets.max().item<long>() >= k))
            throw new ArgumentException($"Targets must be class ids in [0, {k}), got values in [{targets.min().item<long>()}, {targets.max().item<long>()}].", nameof(targets));
        // Posterior input: image ⊕ (one-hot(y) − 0.5) (posteriors.py: concat([x, s_oh - 0.5])).
        Tensor oneHot = nn.functional.one_hot(targets, Classes).permute(0, 3, 1, 2).to_type(images.dtype).sub(0.5);
        return _posterior.Forward(cat([images, oneHot], 1));
    }

    /// <summary>
    /// The prior p(z|x) for images <c>[B, C, H, W]</c>. Levels below the top are conditioned on
    /// <paramref name="conditioning"/> (training: the posterior's samples) or, when null, on the prior's own samples.
    /// </summary>
    public LatentHierarchy Prior(Tensor images, IReadOnlyList<Tensor>? conditioning = null)
    {
        RequireImages(images);
        return _prior.Forward(images, conditioning);
    }

    /// <summary>Per-level logits s_i <c>[B, K, H, W]</c> from latents (index 0 = finest); their sum is the segmentation logit map.</summary>
    public IReadOnlyList<Tensor> DecodeLevels(IReadOnlyList<Tensor> z, long height, long width) => _likelihood.Forward(z, height, width);

    /// <inheritdoc/>
    public override LossResult ComputeLoss(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor x = batch.Images, y = batch.Targets;
        LatentHierarchy posterior = Posterior(x, y);
        LatentHierarchy prior = _prior.Forward(x, posterior.Z);
        IReadOnlyList<Tensor> levels = _likelihood.Forward(posterior.Z, x.shape[2], x.shape[3]);
        int l = Config.LatentLevels;

        // Residual logits s_accum[i] = s_accum[i+1] + s_i; CE summed over pixels, mean over batch, per level.
        Tensor? accumulated = null, ce = null, nll = null;
        for (int i = l - 1; i >= 0; i--)
        {
            accumulated = accumulated is null ? levels[i] : accumulated.add(levels[i]);
            if (!Config.DeepSupervision && i > 0) continue;
            Tensor levelCe = SegmentationLosses.CrossEntropySumPerImage(accumulated, y).mean();
            ce = ce is null ? levelCe : ce.add(levelCe);
            if (i == 0) nll = levelCe;
        }
        ce = ce!.mul(Config.ResidualLossWeight);

        var terms = new Dictionary<string, Tensor>();
        Tensor? kl = null;
        for (int i = 0; i < l; i++)
        {
            // Analytic KL of diagonal Gaussians, summed over latent pixels and channels, mean over batch.
            Tensor levelKl = DiagonalGaussian.KLDivergencePerItem(posterior.Mu[i], posterior.Sigma[i], prior.Mu[i], prior.Sigma[i]).mean();
            terms[$"kl{i}"] = levelKl.detach();
            Tensor weighted = levelKl.mul(_klWeights[i]);
            kl = kl is null ? weighted : kl.add(weighted);
        }
        Tensor total = ce.add(kl!);
        terms["ce"] = ce.detach();
        terms["nll"] = nll!.detach();
        terms["kl"] = kl!.detach();
        return new LossResult(total, terms);
    }

    /// <inheritdoc/>
    /// <remarks>Samples come from the prior, each level conditioned on the prior's own sample above
    /// (<c>generation_mode=True</c>); the prior's encoder runs once per image and is shared by all samples.</remarks>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        RequireImages(images);
        IReadOnlyList<Tensor> features = _prior.Encode(images);
        long b = images.shape[0], h = images.shape[2], w = images.shape[3];
        int chunk = (int)Math.Max(1, ImagePassesPerChunk / b);
        var parts = new List<Tensor>();
        for (int start = 0; start < samples; start += chunk)
        {
            int count = Math.Min(chunk, samples - start);
            using var scope = NewDisposeScope();
            // Sample-major repeat: row s·B + b is sample s of image b.
            var repeated = features.Select(f => count == 1 ? f : f.repeat(count, 1, 1, 1)).ToArray();
            LatentHierarchy z = _prior.Sample(repeated);
            IReadOnlyList<Tensor> levels = _likelihood.Forward(z.Z, h, w);
            Tensor logits = levels[0];
            for (int i = 1; i < levels.Count; i++) logits = logits.add(levels[i]);
            parts.Add(logits.reshape(count, b, Classes, h, w).MoveToOuterDisposeScope());
        }
        return parts.Count == 1 ? parts[0] : cat(parts, 0);
    }

    private void RequireImages(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        RequireSize(images.shape[2], images.shape[3]);
    }

    private void RequireSize(long height, long width)
    {
        int divisor = Config.SizeDivisor();
        if (height < divisor || width < divisor || height % divisor != 0 || width % divisor != 0)
            throw new ArgumentException($"PHiSeg with {Config.ResolutionLevels} resolution levels halves the image {Config.ResolutionLevels - 1} times: "
                + $"height and width must be positive multiples of {divisor}, got {height}×{width}. Use fewer ResolutionLevels or pad/crop the images.");
    }
}
