using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// MC-Dropout U-Net (Gal &amp; Ghahramani 2016, as in Czolbe et al. 2021): a U-Net with spatial dropout before every
/// conv block and before the final 1×1 conv, trained with mean pixel cross-entropy; a sample is one forward pass with
/// dropout active.
/// </summary>
/// <remarks>
/// While sampling, only the dropout modules are switched to training mode; BatchNorm stays in inference mode and uses
/// its running statistics. Czolbe's <c>forward()</c> calls <c>self.train()</c>, which also puts BatchNorm in training
/// mode at test time (batch statistics, running averages updated by test data) — a bug not copied here (anchors §0.3).
/// The S samples of a batch run as batched passes over copies of the images (dropout masks are drawn per copy).
/// </remarks>
public sealed class McDropoutUNet : SegmentationModel
{
    // Image copies × pixels per U-Net pass while sampling. On the CPU small passes are fastest: 100 samples of 8 64²
    // images took 9–11 s at 2^12–2^15 pixels per pass but ~90 s at 2^17 (docs/benchmarks.md); a GPU wants large passes.
    private const long CpuMaxPixelsPerPass = 1L << 14, GpuMaxPixelsPerPass = 1L << 19;

    private readonly UNet _unet;
    private readonly Dropout2d _headDropout;
    private readonly SegmentationHead _head;

    /// <summary>Builds the model.</summary>
    public McDropoutUNet(McDropoutUNetConfig config)
        : base(nameof(McDropoutUNet), config.InputChannels, config.Classes)
    {
        config.Validate();
        Config = config;
        _unet = new UNet("unet", config.InputChannels, config.UNet with { Dropout = config.Dropout });
        _headDropout = nn.Dropout2d(config.Dropout);
        _head = new SegmentationHead("head", _unet.OutputChannels, _unet.OutputChannels, config.Classes, config.HeadConvs);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public McDropoutUNetConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <summary>Samples × images × pixels per batched pass; null picks by device (tests lower it to exercise the chunking).</summary>
    internal long? MaxPixelsPerPass { get; set; }

    /// <inheritdoc/>
    public override bool IsStochastic => Config.Dropout > 0;

    /// <summary>Class logits <c>[B, K, H, W]</c> of one forward pass (dropout active only in training mode).</summary>
    public Tensor Logits(Tensor images)
    {
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        return _head.forward(_headDropout.forward(_unet.forward(images)));
    }

    /// <inheritdoc/>
    public override LossResult ComputeLoss(TrainingBatch batch) =>
        // Mean pixel cross-entropy (Czolbe src/lightning_models: CE loss, as the deterministic U-Net).
        LossResult.Single("ce", SegmentationLosses.CrossEntropyMean(Logits(batch.Images), batch.Targets));

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        long b = images.shape[0], h = images.shape[2], w = images.shape[3];
        long budget = MaxPixelsPerPass ?? (images.device.type == DeviceType.CPU ? CpuMaxPixelsPerPass : GpuMaxPixelsPerPass);
        long perPass = Math.Max(1, budget / Math.Max(1, b * h * w));           // samples per U-Net pass

        IReadOnlyList<nn.Module> dropouts = DropoutModules;
        var wasTraining = dropouts.Select(m => m.training).ToList();
        foreach (var m in dropouts) m.train(true);
        try
        {
            var chunks = new List<Tensor>();
            for (long start = 0; start < samples; start += perPass)
            {
                long n = Math.Min(perPass, samples - start);
                Tensor copies = images.unsqueeze(0).expand(n, -1, -1, -1, -1).reshape(n * b, images.shape[1], h, w);
                chunks.Add(Logits(copies).view(n, b, Classes, h, w));
            }
            return chunks.Count == 1 ? chunks[0] : cat(chunks, 0);
        }
        finally
        {
            for (int i = 0; i < dropouts.Count; i++) dropouts[i].train(wasTraining[i]);
        }
    }

    /// <summary>The dropout modules (the only ones switched to training mode while sampling).</summary>
    internal IReadOnlyList<nn.Module> DropoutModules => modules().Where(m => m is Dropout2d or Dropout).ToList();
}
