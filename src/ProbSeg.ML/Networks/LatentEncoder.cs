using ProbSeg.ML.Distributions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// The Probabilistic U-Net's prior net p(z|x) and posterior net q(z|x,y): a U-Net-style down path (a
/// <see cref="ConvBlock"/> per level, average-pool between levels), a spatial mean, and a 1×1 conv to 2·L channels read
/// as μ and log σ (Kohl <c>probabilistic_unet.py: AxisAlignedConvGaussian</c> over <c>VGG_Encoder</c>).
/// </summary>
/// <remarks>
/// log σ is bounded smoothly to [−b, b] as <c>b·tanh(raw/b)</c>. Kohl uses <c>exp(raw)</c> unbounded; near zero the
/// bound is the identity (slope 1), so training behaves as Kohl's, but σ can neither overflow <c>exp</c> nor collapse
/// to 0 and blow up the KL's 1/σp² — the NaN KL/ELBO users of the PyTorch port report (Knegt #3, #14, #17, #21).
/// Unlike a hard clamp it keeps a gradient everywhere.
/// </remarks>
public sealed class LatentEncoder : Module<Tensor, DiagonalGaussian>
{
    private readonly ModuleList<ConvBlock> _blocks = new();
    private readonly Conv2d _toMeanLogSigma;
    private readonly int _inputChannels;
    private readonly int _sizeDivisor;
    private readonly double _logSigmaBound;

    /// <summary>Builds the encoder.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="inputChannels">Input channels (image C for the prior, C + K for the posterior).</param>
    /// <param name="config">Levels, convs per level and BatchNorm of the down path; its dropout is applied too.</param>
    /// <param name="latentDim">Latent dimension L.</param>
    /// <param name="logSigmaBound">Bound b on |log σ|; must be positive.</param>
    public LatentEncoder(string name, int inputChannels, UNetConfig config, int latentDim, double logSigmaBound) : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (inputChannels < 1) throw new ArgumentOutOfRangeException(nameof(inputChannels), inputChannels, "Need at least one input channel.");
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "The latent dimension must be at least 1.");
        if (!(logSigmaBound > 0) || double.IsInfinity(logSigmaBound))
            throw new ArgumentOutOfRangeException(nameof(logSigmaBound), logSigmaBound, "The log σ bound must be positive and finite.");
        _inputChannels = inputChannels;
        _sizeDivisor = config.SizeDivisor;
        _logSigmaBound = logSigmaBound;
        LatentDim = latentDim;
        int cin = inputChannels;
        for (int level = 0; level < config.Channels.Length; level++)
        {
            _blocks.Add(new ConvBlock($"down{level}", cin, config.Channels[level], config.ConvsPerLevel, config.BatchNorm, config.Dropout));
            cin = config.Channels[level];
        }
        _toMeanLogSigma = Conv2d(cin, 2 * latentDim, 1);
        RegisterComponents();
    }

    /// <summary>Latent dimension L.</summary>
    public int LatentDim { get; }

    /// <summary>The Gaussian for each input, μ and log σ <c>[B, L]</c>.</summary>
    public override DiagonalGaussian forward(Tensor input)
    {
        ShapeChecks.RequireChannels(input, _inputChannels, $"{GetName()} input");
        ShapeChecks.RequireDivisible(input, _sizeDivisor, $"{GetName()} input");
        Tensor x = input;
        for (int level = 0; level < _blocks.Count; level++)
        {
            if (level > 0) x = functional.avg_pool2d(x, 2);
            x = _blocks[level].forward(x);
        }
        Tensor parameters = _toMeanLogSigma.forward(x.mean([2, 3], keepdim: true)).flatten(1); // [B, 2L]
        Tensor mean = parameters.narrow(1, 0, LatentDim);
        Tensor raw = parameters.narrow(1, LatentDim, LatentDim);
        Tensor logSigma = (raw / _logSigmaBound).tanh() * _logSigmaBound;
        return new DiagonalGaussian(mean, logSigma);
    }
}
