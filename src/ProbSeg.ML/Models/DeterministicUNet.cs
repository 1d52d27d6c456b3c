using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// The deterministic U-Net baseline: one softmax segmentation per image, trained with pixel-wise cross-entropy on one
/// annotator drawn per image per step. Every "sample" is the same prediction, so its sample diversity is 0.
/// </summary>
public sealed class DeterministicUNet : SegmentationModel
{
    private readonly UNet _unet;
    private readonly SegmentationHead _head;

    /// <summary>Builds the model.</summary>
    public DeterministicUNet(DeterministicUNetConfig config)
        : base(nameof(DeterministicUNet), config.InputChannels, config.Classes)
    {
        Config = config;
        _unet = new UNet("unet", config.InputChannels, config.UNet);
        _head = new SegmentationHead("head", _unet.OutputChannels, _unet.OutputChannels, config.Classes, config.HeadConvs);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public DeterministicUNetConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <inheritdoc/>
    public override bool IsStochastic => false;

    /// <summary>Class logits <c>[B, K, H, W]</c>.</summary>
    public Tensor Logits(Tensor images)
    {
        ShapeChecks.RequireChannels(images, InputChannels, "Image");
        return _head.forward(_unet.forward(images));
    }

    /// <inheritdoc/>
    public override LossResult ComputeLoss(TrainingBatch batch) =>
        // Mean pixel cross-entropy, as Czolbe's `softm` baseline (src/lightning_models/softmax.py).
        LossResult.Single("ce", SegmentationLosses.CrossEntropyMean(Logits(batch.Images), batch.Targets));

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        Tensor logits = Logits(images);
        return logits.unsqueeze(0).expand(samples, -1, -1, -1, -1);
    }
}
