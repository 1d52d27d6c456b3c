using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// 1×1 convolutions from features to class logits: <c>convs − 1</c> hidden layers (width = input, ReLU) and a final one
/// to the classes — PHiSeg <c>det_unet2D</c>'s three 1×1 "recomb" convs, and Kohl's f_comb shape.
/// </summary>
public sealed class SegmentationHead : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Builds the head.</summary>
    public SegmentationHead(string name, int inputChannels, int hiddenChannels, int classes, int convs) : base(name)
    {
        if (convs < 1) throw new ArgumentOutOfRangeException(nameof(convs), convs, "A head needs at least one 1×1 conv.");
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        int cin = inputChannels;
        for (int i = 0; i < convs - 1; i++)
        {
            layers.Add(($"conv{i}", Conv2d(cin, hiddenChannels, 1)));
            layers.Add(($"relu{i}", ReLU(inplace: true)));
            cin = hiddenChannels;
        }
        layers.Add(("logits", Conv2d(cin, classes, 1)));
        _layers = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => _layers.forward(input);
}
