using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// The Stochastic Segmentation Network's output layers on the backbone features: 1×1 "recomb" convs (BN + ReLU), then
/// three 1×1 heads — logit mean (K channels), log of the covariance diagonal (K) and covariance factor (K·R)
/// (Monteiro et al. 2020; LIDC model <c>MiguelMonteiro/PHiSeg-code: phiseg/model_zoo/likelihoods.py: proposed</c>,
/// PyTorch <c>ssn/models/stochastic_deepmedic.py</c>).
/// </summary>
public sealed class StochasticSegmentationHeads : Module<Tensor, (Tensor Mean, Tensor LogDiag, Tensor? Factor)>
{
    private readonly Sequential _recomb;
    private readonly Conv2d _mean;
    private readonly Conv2d _logDiag;
    private readonly Conv2d? _factor;

    /// <summary>Builds the heads.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="inputChannels">Backbone feature channels.</param>
    /// <param name="classes">Classes K.</param>
    /// <param name="rank">Factor rank R; 0 builds no factor head (independent normals).</param>
    /// <param name="recombConvs">1×1 conv + BN + ReLU layers before the heads, each with <paramref name="inputChannels"/> channels.</param>
    /// <param name="batchNorm">Batch normalisation in the recomb convs.</param>
    public StochasticSegmentationHeads(string name, int inputChannels, int classes, int rank, int recombConvs, bool batchNorm) : base(name)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        for (int i = 0; i < recombConvs; i++)
        {
            layers.Add(($"conv{i}", Conv2d(inputChannels, inputChannels, 1, bias: !batchNorm)));
            if (batchNorm) layers.Add(($"bn{i}", BatchNorm2d(inputChannels)));
            layers.Add(($"relu{i}", ReLU()));
        }
        _recomb = Sequential(layers);
        _mean = Conv2d(inputChannels, classes, 1);
        _logDiag = Conv2d(inputChannels, classes, 1);
        if (rank > 0) _factor = Conv2d(inputChannels, (long)classes * rank, 1);
        RegisterComponents();
    }

    /// <summary>Mean <c>[B, K, H, W]</c>, log-diagonal <c>[B, K, H, W]</c> and factor <c>[B, K·R, H, W]</c> (null for rank 0).</summary>
    public override (Tensor Mean, Tensor LogDiag, Tensor? Factor) forward(Tensor features)
    {
        Tensor x = _recomb.forward(features);
        return (_mean.forward(x), _logDiag.forward(x), _factor?.forward(x));
    }
}
