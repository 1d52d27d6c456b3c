using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>
/// Bilinear 2× up-sampling followed by n × (3×3 conv, BN, ReLU): PHiSeg's hop between resolutions
/// (<c>layers.bilinear_upsample2D</c> + <c>layers.conv2D</c> in <c>phiseg/model_zoo/*.py</c>). PyTorch's half-pixel
/// bilinear is used; TF1's <c>resize_images</c> sampled at the corner-aligned grid, a sub-pixel difference.
/// </summary>
public sealed class UpsampleConvBlock : Module<Tensor, Tensor>
{
    private readonly ConvBlock _convs;

    /// <summary>Builds the block.</summary>
    public UpsampleConvBlock(string name, int inputChannels, int outputChannels, int convs, bool batchNorm) : base(name)
    {
        _convs = new ConvBlock("convs", inputChannels, outputChannels, convs, batchNorm, dropout: 0);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        Tensor up = functional.interpolate(input, size: [input.shape[2] * 2, input.shape[3] * 2],
            mode: InterpolationMode.Bilinear, align_corners: false);
        return _convs.forward(up);
    }
}
