using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>
/// PHiSeg's prior net p(z|x) and posterior net q(z|x, y) — the same architecture
/// (<c>phiseg/model_zoo/priors.py, posteriors.py: phiseg</c>): an encoder of R resolution levels (n × (3×3 conv, BN,
/// ReLU), average-pool 2× between levels), then L latent levels on the coarsest L resolutions, generated top-down
/// (<see cref="LatentLevelNet"/>). Latent level i sits on resolution level i + R − L, i.e. at H / 2^(i+R−L).
/// </summary>
/// <remarks>
/// The reference also builds up-sampling chains from each level to every finer level (<c>z_ups_mat[j][i]</c>, j &lt; i)
/// that feed nothing; they are left out here, which changes no output.
/// </remarks>
public sealed class HierarchicalLatentNet : nn.Module
{
    private readonly ModuleList<ConvBlock> _encoder = new();
    private readonly ModuleList<LatentLevelNet> _levels = new();
    private readonly int _resolutionLevels;

    /// <summary>Builds the net.</summary>
    /// <param name="name">Module name (<c>"prior"</c> or <c>"posterior"</c>).</param>
    /// <param name="inputChannels">Input channels (image; image + K one-hot channels for the posterior).</param>
    /// <param name="channels">Encoder channels per resolution level, finest first (R entries).</param>
    /// <param name="latentLevels">Latent levels L (1 ≤ L ≤ R).</param>
    /// <param name="latentChannels">zdim0, latent channels per level.</param>
    /// <param name="baseChannels">n0; the up-sampling convs have zdim0·n0 channels.</param>
    /// <param name="convsPerLevel">3×3 convs per encoder level.</param>
    /// <param name="batchNorm">Batch normalisation.</param>
    public HierarchicalLatentNet(string name, int inputChannels, IReadOnlyList<int> channels, int latentLevels, int latentChannels,
        int baseChannels, int convsPerLevel, bool batchNorm) : base(name)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (latentLevels < 1 || latentLevels > channels.Count)
            throw new ArgumentOutOfRangeException(nameof(latentLevels), latentLevels, $"Latent levels must be in [1, {channels.Count}] (the resolution levels).");
        _resolutionLevels = channels.Count;
        int cin = inputChannels;
        for (int level = 0; level < channels.Count; level++)
        {
            _encoder.Add(new ConvBlock($"pre{level}", cin, channels[level], convsPerLevel, batchNorm, dropout: 0));
            cin = channels[level];
        }
        for (int i = 0; i < latentLevels; i++)
            _levels.Add(new LatentLevelNet($"z{i}", channels[i + channels.Count - latentLevels], channels[i], latentChannels,
                latentChannels * baseChannels, isTop: i == latentLevels - 1, batchNorm));
        RegisterComponents();
    }

    /// <summary>Latent levels L.</summary>
    public int LatentLevels => _levels.Count;

    /// <summary>Encoder features on the L latent levels' resolutions, index 0 = finest latent level.</summary>
    public IReadOnlyList<Tensor> Encode(Tensor input)
    {
        var features = new List<Tensor>(_levels.Count);
        Tensor x = input;
        for (int level = 0; level < _encoder.Count; level++)
        {
            if (level > 0) x = functional.avg_pool2d(x, 2);
            x = _encoder[level].forward(x);
            if (level >= _resolutionLevels - _levels.Count) features.Add(x);
        }
        return features;
    }

    /// <summary>
    /// Generates the latent levels top-down from encoder features. Each level below the top is conditioned on
    /// <paramref name="conditioning"/>[i+1] when given (the prior during training sees the posterior's samples,
    /// <c>z_ups_mat[i][i] = z_list[i]</c>), otherwise on its own sample of the level above (generation).
    /// </summary>
    /// <exception cref="ArgumentException">The feature or conditioning lists do not match the levels.</exception>
    public LatentHierarchy Sample(IReadOnlyList<Tensor> features, IReadOnlyList<Tensor>? conditioning = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        int levels = _levels.Count;
        if (features.Count != levels) throw new ArgumentException($"Expected features for {levels} latent levels, got {features.Count}.", nameof(features));
        if (conditioning is not null && conditioning.Count != levels)
            throw new ArgumentException($"Expected conditioning samples for {levels} latent levels, got {conditioning.Count}.", nameof(conditioning));
        var mu = new Tensor[levels];
        var sigma = new Tensor[levels];
        var z = new Tensor[levels];
        for (int i = levels - 1; i >= 0; i--)
        {
            Tensor? above = null;
            if (i < levels - 1)
            {
                above = conditioning?[i + 1] ?? z[i + 1];
                long expectH = features[i].shape[2] / 2, expectW = features[i].shape[3] / 2;
                if (above.dim() != 4 || above.shape[0] != features[i].shape[0] || above.shape[2] != expectH || above.shape[3] != expectW)
                    throw new ArgumentException($"Latent level {i + 1} sample has shape [{string.Join(", ", above.shape)}]; expected [{features[i].shape[0]}, zdim, {expectH}, {expectW}].", nameof(conditioning));
            }
            (mu[i], sigma[i]) = _levels[i].Forward(features[i], above);
            z[i] = mu[i].add(sigma[i].mul(randn_like(mu[i])));
        }
        return new LatentHierarchy(mu, sigma, z);
    }

    /// <summary><see cref="Encode"/> then <see cref="Sample"/>.</summary>
    public LatentHierarchy Forward(Tensor input, IReadOnlyList<Tensor>? conditioning = null) => Sample(Encode(input), conditioning);
}
