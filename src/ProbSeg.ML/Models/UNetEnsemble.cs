using ProbSeg.ML.Losses;
using ProbSeg.ML.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// An ensemble of M independently initialised U-Nets (Lakshminarayanan et al. 2017; Czolbe et al. 2021's
/// <c>ensemble</c>). With A annotators, member k learns annotator k mod A, so the members spread over the experts'
/// opinions. A sample is one member's prediction (sample i = member i mod M); the mean prediction is the mean of all
/// members' softmaxes whatever the number of samples.
/// </summary>
public sealed class UNetEnsemble : SegmentationModel
{
    private readonly ModuleList<DeterministicUNet> _members = new();

    /// <summary>Builds the model.</summary>
    public UNetEnsemble(UNetEnsembleConfig config)
        : base(nameof(UNetEnsemble), config.InputChannels, config.Classes)
    {
        config.Validate();
        Config = config;
        var memberConfig = new DeterministicUNetConfig(config.InputChannels, config.Classes, config.UNet, config.HeadConvs);
        for (int k = 0; k < config.Members; k++) _members.Add(new DeterministicUNet(memberConfig));
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public UNetEnsembleConfig Config { get; }

    /// <inheritdoc/>
    public override object Configuration => Config;

    /// <inheritdoc/>
    public override bool IsStochastic => Config.Members > 1;

    /// <summary>Member <paramref name="index"/>'s logits <c>[B, K, H, W]</c>.</summary>
    public Tensor MemberLogits(Tensor images, int index)
    {
        if (index < 0 || index >= Config.Members) throw new ArgumentOutOfRangeException(nameof(index), index, $"The ensemble has members 0..{Config.Members - 1}.");
        return _members[index].Logits(images);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The sum of the members' mean pixel cross-entropies (Czolbe's CE), so each member receives exactly the gradient
    /// it would get trained alone; the <c>ce</c> term reports their mean, comparable with a single U-Net.
    /// </remarks>
    public override LossResult ComputeLoss(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var terms = new Dictionary<string, Tensor>();
        Tensor? total = null;
        for (int k = 0; k < Config.Members; k++)
        {
            Tensor ce = SegmentationLosses.CrossEntropyMean(MemberLogits(batch.Images, k), MemberTargets(batch, k));
            terms[$"ce_member{k}"] = ce.detach();
            total = total is null ? ce : total + ce;
        }
        terms["ce"] = (total! / Config.Members).detach();
        return new LossResult(total!, terms);
    }

    /// <summary>
    /// The int64 targets <c>[B, H, W]</c> member <paramref name="member"/> trains on: annotator slot member mod A where
    /// present, else the batch's random present annotator (or that one throughout with
    /// <see cref="EnsembleAnnotatorAssignment.RandomAnnotator"/>).
    /// </summary>
    internal Tensor MemberTargets(TrainingBatch batch, int member)
    {
        if (Config.Assignment == EnsembleAnnotatorAssignment.RandomAnnotator) return batch.Targets;
        Tensor annotations = batch.Annotations, present = batch.AnnotatorPresent;
        ShapeChecks.RequireRank(annotations, 4, "TrainingBatch.Annotations [B, A, H, W]");
        ShapeChecks.RequireRank(present, 2, "TrainingBatch.AnnotatorPresent [B, A]");
        long b = batch.Targets.shape[0], slots = annotations.shape[1];
        if (annotations.shape[0] != b || present.shape[0] != b || present.shape[1] != slots || slots < 1
            || annotations.shape[2] != batch.Targets.shape[1] || annotations.shape[3] != batch.Targets.shape[2])
            throw new ArgumentException($"Annotations [{string.Join(", ", annotations.shape)}] and AnnotatorPresent [{string.Join(", ", present.shape)}] do not match targets [{string.Join(", ", batch.Targets.shape)}].");
        long slot = member % slots;
        Tensor own = annotations.select(1, slot).to_type(batch.Targets.dtype);
        Tensor has = present.select(1, slot).to_type(ScalarType.Bool).view(b, 1, 1);
        return where(has, own, batch.Targets);
    }

    /// <inheritdoc/>
    public override Tensor SampleLogits(Tensor images, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample.");
        return HypothesisSamples.Cycle(AllMembers(images, HypothesisSamples.Needed(samples, Config.Members)), samples);
    }

    /// <inheritdoc/>
    /// <remarks>Exactly the mean of the M members' softmaxes (Czolbe: prob = mean of member softmaxes), for any N.</remarks>
    public override Tensor MeanProbabilities(Tensor images, Tensor sampleLogits) =>
        HypothesisSamples.MeanProbabilities(sampleLogits, Config.Members, () => AllMembers(images, Config.Members));

    private Tensor AllMembers(Tensor images, int count) =>
        stack(Enumerable.Range(0, count).Select(k => MemberLogits(images, k)), 0);
}
