using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// M-Heads (Rupprecht et al., ICCV 2017, "Learning in an Uncertain World: Representing Ambiguity Through Multiple
/// Hypotheses"): one U-Net trunk with M segmentation heads, trained with the relaxed winner-takes-all (oracle) loss so
/// that each head specialises on part of the annotations. A sample is one head's prediction (sample i = head i mod M);
/// the mean prediction is the mean of all heads' softmaxes.
/// </summary>
public sealed class MHeads : SegmentationModel
{
    private readonly UNet _unet;
    private readonly ModuleList<SegmentationHead> _heads = new();

    /// <summary>Builds the model.</summary>
    public MHeads(MHeadsConfig config)
        : base(nameof(MHeads), config.InputChannels, config.Classes)
    {
        config.Validate();
        Config = config;
        _unet = new UNet("unet", config.InputChannels, config.UNet);
        for (int m = 0; m < config.Heads; m++)
            _heads.Add(new SegmentationHead($"head{m}", _unet.OutputChannels, _unet.OutputChannels, config.Classes, config.HeadConvs));
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public MHeadsConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <inheritdoc/>
    public override bool IsStochastic => Config.Heads > 1;

    /// <summary>The first <paramref name="count"/> heads' logits <c>[count, B, K, H, W]</c>, from one trunk pass.</summary>
    public Tensor HeadLogits(Tensor images, int? count = null)
    {
        int n = count ?? Config.Heads;
        if (n < 1 || n > Config.Heads) throw new ArgumentOutOfRangeException(nameof(count), n, $"The model has {Config.Heads} heads.");
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        Tensor features = _unet.forward(images);
        return stack(Enumerable.Range(0, n).Select(m => _heads[m].forward(features)), 0);
    }

    /// <inheritdoc/>
    /// <remarks>Per image, each head's pixel-mean cross-entropy, weighted by <see cref="RelaxedOracleWeights"/>; mean over the batch.</remarks>
    public override LossResult ComputeLoss(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor logits = HeadLogits(batch.Images);                                    // [M, B, K, H, W]
        long m = logits.shape[0], b = logits.shape[1];
        Tensor flat = logits.flatten(0, 1);                                           // [M·B, K, H, W]
        Tensor targets = batch.Targets.unsqueeze(0).expand(m, -1, -1, -1).flatten(0, 1);
        SegmentationLosses.RequireTargets(flat, targets);
        Tensor perHead = nn.functional.cross_entropy(flat, targets, reduction: nn.Reduction.None)
            .flatten(1).mean([1]).view(m, b);                                        // [M, B]
        Tensor weights = RelaxedOracleWeights(perHead.detach(), Config.Epsilon);
        Tensor total = (weights * perHead).sum(dim: 0).mean();
        Tensor best = perHead.detach().min(0).values.mean();
        return new LossResult(total, new Dictionary<string, Tensor> { ["wta"] = total.detach(), ["ce_best"] = best });
    }

    /// <summary>
    /// Rupprecht et al.'s relaxed oracle weights <c>[M, B]</c> for per-head losses <c>[M, B]</c>: 1 − ε for each image's
    /// best (lowest-loss) head, ε/(M − 1) for the others; 1 when M = 1. The weights are constants (no gradient).
    /// </summary>
    public static Tensor RelaxedOracleWeights(Tensor perHeadLoss, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(perHeadLoss);
        ShapeChecks.RequireRank(perHeadLoss, 2, "Per-head losses [M, B]");
        if (epsilon is < 0 or >= 1 || double.IsNaN(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be in [0, 1).");
        long m = perHeadLoss.shape[0];
        if (m == 1) return ones_like(perHeadLoss);
        using var noGrad = no_grad();
        Tensor best = perHeadLoss.argmin(0, keepdim: true);                           // [1, B]
        Tensor weights = full_like(perHeadLoss, epsilon / (m - 1));
        return weights.scatter(0, best, full_like(best, 1 - epsilon, dtype: perHeadLoss.dtype));
    }

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        return HypothesisSamples.Cycle(HeadLogits(images, HypothesisSamples.Needed(samples, Config.Heads)), samples);
    }

    /// <inheritdoc/>
    /// <remarks>Exactly the mean of the M heads' softmaxes, for any N.</remarks>
    public override Tensor MeanProbabilities(Tensor images, Tensor sampleLogits) =>
        HypothesisSamples.MeanProbabilities(sampleLogits, Config.Heads, () => HeadLogits(images));
}
