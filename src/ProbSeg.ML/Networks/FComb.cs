using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks;

/// <summary>
/// The Probabilistic U-Net's f_comb: broadcasts a latent vector z over the U-Net's last feature map, concatenates the
/// two and maps them to class logits with 1×1 convs (Kohl <c>probabilistic_unet.py: Conv1x1Decoder</c>). Only this
/// part runs once per sample.
/// </summary>
public sealed class FComb : Module<Tensor, Tensor, Tensor>
{
    private readonly SegmentationHead _head;
    private readonly int _featureChannels;

    /// <summary>Builds f_comb.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="featureChannels">Channels F of the U-Net features.</param>
    /// <param name="latentDim">Latent dimension L.</param>
    /// <param name="hiddenChannels">Width of the hidden 1×1 convs.</param>
    /// <param name="hiddenConvs">Hidden 1×1 conv + ReLU layers before the final 1×1 conv to the classes.</param>
    /// <param name="classes">Classes K.</param>
    public FComb(string name, int featureChannels, int latentDim, int hiddenChannels, int hiddenConvs, int classes) : base(name)
    {
        if (hiddenConvs < 0) throw new ArgumentOutOfRangeException(nameof(hiddenConvs), hiddenConvs, "Hidden 1×1 convs must be ≥ 0.");
        _featureChannels = featureChannels;
        LatentDim = latentDim;
        _head = new SegmentationHead("head", featureChannels + latentDim, hiddenChannels, classes, hiddenConvs + 1);
        RegisterComponents();
    }

    /// <summary>Latent dimension L.</summary>
    public int LatentDim { get; }

    /// <summary>Logits <c>[N, K, H, W]</c> from features <c>[N, F, H, W]</c> and latents <c>[N, L]</c>.</summary>
    public override Tensor forward(Tensor features, Tensor z)
    {
        ShapeChecks.RequireChannels(features, _featureChannels, "f_comb features");
        ShapeChecks.RequireRank(z, 2, "f_comb latent");
        if (z.shape[0] != features.shape[0] || z.shape[1] != LatentDim)
            throw new ArgumentException($"f_comb latent: expected [{features.shape[0]}, {LatentDim}], got [{string.Join(", ", z.shape)}].");
        Tensor tiled = z.view(z.shape[0], LatentDim, 1, 1).expand(-1, -1, features.shape[2], features.shape[3]);
        return _head.forward(cat([features, tiled.to_type(features.dtype)], 1));
    }
}
