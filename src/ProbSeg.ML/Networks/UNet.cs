using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// The U-Net backbone of the references: per level a <see cref="ConvBlock"/>, average-pool down, bilinear up + skip
/// concatenation (Kohl <c>probabilistic_unet.py</c>, PHiSeg <c>det_unet2D</c>). Returns the last decoder features
/// <c>[B, Channels[0], H, W]</c>; heads (logits, f_comb, SSN heads) sit on top.
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvBlock> _down = new();
    private readonly ModuleList<ConvBlock> _up = new();
    private readonly UNetConfig _config;

    /// <summary>Builds the U-Net for <paramref name="inputChannels"/> input channels.</summary>
    public UNet(string name, int inputChannels, UNetConfig config) : base(name)
    {
        config.Validate();
        _config = config;
        int[] ch = config.Channels;
        int cin = inputChannels;
        for (int level = 0; level < ch.Length; level++)
        {
            _down.Add(new ConvBlock($"down{level}", cin, ch[level], config.ConvsPerLevel, config.BatchNorm, config.Dropout));
            cin = ch[level];
        }
        for (int level = ch.Length - 2; level >= 0; level--)
            _up.Add(new ConvBlock($"up{level}", ch[level + 1] + ch[level], ch[level], config.ConvsPerLevel, config.BatchNorm, config.Dropout));
        RegisterComponents();
    }

    /// <summary>Channels of the returned feature map.</summary>
    public int OutputChannels => _config.Channels[0];

    /// <summary>Counts forward calls; tests use it to prove that sampling reuses the U-Net's features.</summary>
    public long ForwardCalls { get; private set; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ForwardCalls++;
        ShapeChecks.RequireDivisible(input, _config.SizeDivisor, "U-Net input");
        var skips = new List<Tensor>(_down.Count);
        Tensor x = input;
        for (int level = 0; level < _down.Count; level++)
        {
            if (level > 0) x = functional.avg_pool2d(x, 2);
            x = _down[level].forward(x);
            skips.Add(x);
        }
        for (int i = 0; i < _up.Count; i++)
        {
            Tensor skip = skips[skips.Count - 2 - i];
            x = functional.interpolate(x, size: [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            x = _up[i].forward(cat([x, skip], 1));
        }
        return x;
    }
}
