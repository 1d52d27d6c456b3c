using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// n × (3×3 conv, optional BatchNorm, ReLU), optionally preceded by spatial dropout — one U-Net level.
/// </summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Builds the block.</summary>
    public ConvBlock(string name, int inputChannels, int outputChannels, int convs, bool batchNorm, double dropout) : base(name)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        // MC-Dropout places Dropout2d before every conv block (Czolbe src/networks/unet.py).
        if (dropout > 0) layers.Add(("dropout", Dropout2d(dropout)));
        int cin = inputChannels;
        for (int i = 0; i < convs; i++)
        {
            layers.Add(($"conv{i}", Conv2d(cin, outputChannels, 3, padding: 1, bias: !batchNorm)));
            if (batchNorm) layers.Add(($"bn{i}", BatchNorm2d(outputChannels)));
            layers.Add(($"relu{i}", ReLU(inplace: true)));
            cin = outputChannels;
        }
        _layers = Sequential(layers);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => _layers.forward(input);
}
