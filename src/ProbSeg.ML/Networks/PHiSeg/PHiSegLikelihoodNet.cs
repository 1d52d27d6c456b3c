using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>
/// PHiSeg's likelihood net p(y|z) (<c>phiseg/model_zoo/likelihoods.py: phiseg</c>). It sees only the latents, not the
/// image. Per level i: 2 convs on z_i, then R − L hops of (bilinear 2× + conv) up to resolution H/2^i; a top-down path
/// combines levels (up-sample the coarser combined features + conv, concatenate, 2 convs); a 1×1 conv per level gives
/// logits s_i, nearest-neighbour resized to the image size. The caller sums them ("residual" logits).
/// </summary>
public sealed class PHiSegLikelihoodNet : nn.Module
{
    private readonly ModuleList<ConvBlock> _post = new();
    private readonly ModuleList<Sequential> _increase = new();
    private readonly ModuleList<UpsampleConvBlock> _upsampleCombined = new();
    private readonly ModuleList<ConvBlock> _combine = new();
    private readonly ModuleList<Conv2d> _logits = new();

    /// <summary>Builds the net.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="channels">Channels per resolution level, finest first (R entries).</param>
    /// <param name="latentLevels">Latent levels L.</param>
    /// <param name="latentChannels">zdim0.</param>
    /// <param name="classes">Classes K.</param>
    /// <param name="batchNorm">Batch normalisation.</param>
    public PHiSegLikelihoodNet(string name, IReadOnlyList<int> channels, int latentLevels, int latentChannels, int classes, bool batchNorm) : base(name)
    {
        ArgumentNullException.ThrowIfNull(channels);
        int r = channels.Count, l = latentLevels, diff = r - l;
        if (l < 1 || l > r) throw new ArgumentOutOfRangeException(nameof(latentLevels), latentLevels, $"Latent levels must be in [1, {r}].");
        for (int i = 0; i < l; i++)
        {
            _post.Add(new ConvBlock($"post{i}", latentChannels, channels[i], convs: 2, batchNorm, dropout: 0));
            var hops = new List<(string, Module<Tensor, Tensor>)>();
            for (int hop = 0; hop < diff; hop++)
                hops.Add(($"hop{hop}", new UpsampleConvBlock($"hop{hop}", channels[i], channels[i], convs: 1, batchNorm)));
            _increase.Add(Sequential(hops));
        }
        // Combined features: level L−1 keeps post_z's channels[L−1]; level i < L−1 has channels[i + R − L].
        int CombinedChannels(int i) => i == l - 1 ? channels[l - 1] : channels[i + diff];
        for (int i = 0; i < l - 1; i++)
        {
            _upsampleCombined.Add(new UpsampleConvBlock($"ups{i}", CombinedChannels(i + 1), channels[i], convs: 1, batchNorm));
            _combine.Add(new ConvBlock($"combine{i}", 2 * channels[i], channels[i + diff], convs: 2, batchNorm, dropout: 0));
        }
        for (int i = 0; i < l; i++) _logits.Add(Conv2d(CombinedChannels(i), classes, 1));
        RegisterComponents();
    }

    /// <summary>Per-level logits s_i <c>[B, K, height, width]</c> (index 0 = finest), not yet summed.</summary>
    /// <exception cref="ArgumentException">The number of latents does not match the levels.</exception>
    public IReadOnlyList<Tensor> Forward(IReadOnlyList<Tensor> z, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(z);
        int l = _post.Count;
        if (z.Count != l) throw new ArgumentException($"Expected {l} latent levels, got {z.Count}.", nameof(z));
        var postZ = new Tensor[l];
        for (int i = 0; i < l; i++) postZ[i] = _increase[i].forward(_post[i].forward(z[i]));
        var combined = new Tensor[l];
        combined[l - 1] = postZ[l - 1];
        for (int i = l - 2; i >= 0; i--)
            combined[i] = _combine[i].forward(cat([postZ[i], _upsampleCombined[i].forward(combined[i + 1])], 1));
        var logits = new Tensor[l];
        for (int i = 0; i < l; i++)
            logits[i] = functional.interpolate(_logits[i].forward(combined[i]), size: [height, width], mode: InterpolationMode.Nearest);
        return logits;
    }
}
