using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>
/// One latent level of a PHiSeg prior or posterior (<c>phiseg/model_zoo/posteriors.py, priors.py: phiseg</c>).
/// Top level: μ by a 3×3 conv and σ by a 1×1 conv + softplus on the encoder features. Lower levels: the sample of the
/// level above is up-sampled (bilinear 2× + 2 convs of zdim0·n0 channels), concatenated with the encoder features,
/// passed through 2 convs, then 1×1 convs give μ and softplus σ.
/// </summary>
public sealed class LatentLevelNet : nn.Module
{
    private readonly UpsampleConvBlock? _upsample;
    private readonly ConvBlock? _input;
    private readonly Conv2d _mu;
    private readonly Conv2d _sigma;

    /// <summary>Builds the level.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="featureChannels">Channels of the encoder features at this level's resolution.</param>
    /// <param name="levelChannels">Channels of the 2 input convs (the reference uses <c>num_channels[i]</c>, i = latent level).</param>
    /// <param name="latentChannels">zdim0.</param>
    /// <param name="upsampleChannels">Channels of the up-sampling convs (zdim0·n0).</param>
    /// <param name="isTop">Whether this is the coarsest level (no level above).</param>
    /// <param name="batchNorm">Batch normalisation in the 3×3 convs.</param>
    public LatentLevelNet(string name, int featureChannels, int levelChannels, int latentChannels, int upsampleChannels, bool isTop, bool batchNorm)
        : base(name)
    {
        IsTop = isTop;
        if (isTop)
        {
            _mu = Conv2d(featureChannels, latentChannels, 3, padding: 1);
            _sigma = Conv2d(featureChannels, latentChannels, 1);
        }
        else
        {
            _upsample = new UpsampleConvBlock("upsample", latentChannels, upsampleChannels, convs: 2, batchNorm);
            _input = new ConvBlock("input", featureChannels + upsampleChannels, levelChannels, convs: 2, batchNorm, dropout: 0);
            _mu = Conv2d(levelChannels, latentChannels, 1);
            _sigma = Conv2d(levelChannels, latentChannels, 1);
        }
        RegisterComponents();
    }

    /// <summary>Whether this is the coarsest level.</summary>
    public bool IsTop { get; }

    /// <summary>μ and σ of this level from its encoder features and (below the top) the sample of the level above.</summary>
    public (Tensor Mu, Tensor Sigma) Forward(Tensor features, Tensor? zAbove)
    {
        Tensor input = features;
        if (!IsTop)
        {
            if (zAbove is null) throw new ArgumentNullException(nameof(zAbove), "A lower latent level needs the sample of the level above.");
            input = _input!.forward(cat([features, _upsample!.forward(zAbove)], 1));
        }
        return (_mu.forward(input), functional.softplus(_sigma.forward(input)));
    }
}
