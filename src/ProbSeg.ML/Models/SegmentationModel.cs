using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// A network that defines a distribution over segmentations of an image: its training loss and its sampler.
/// </summary>
/// <remarks>
/// Every model in <c>Models/</c> derives from this. Subclasses take a single configuration record in their public
/// constructor and expose it as <see cref="Configuration"/>; <see cref="ModelArchive"/> serialises that record
/// with the weights and rebuilds the model from it.
/// </remarks>
public abstract class SegmentationModel : nn.Module
{
    /// <summary>Creates the module.</summary>
    protected SegmentationModel(string name, int inputChannels, int classes) : base(name)
    {
        if (inputChannels < 1) throw new ArgumentOutOfRangeException(nameof(inputChannels), inputChannels, "Need at least one input channel.");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Need at least two classes (binary = background + foreground, softmax).");
        InputChannels = inputChannels;
        Classes = classes;
    }

    /// <summary>Image channels C the network expects.</summary>
    public int InputChannels { get; }

    /// <summary>Number of classes K (softmax over K ≥ 2).</summary>
    public int Classes { get; }

    /// <summary>The configuration record the model was built from (serialised with the weights).</summary>
    public abstract object Configuration { get; }

    /// <summary>Whether two samples of the same image can differ.</summary>
    public virtual bool IsStochastic => true;

    /// <summary>Training loss for one batch; the module is in training mode.</summary>
    public abstract LossResult ComputeLoss(TrainingBatch batch);

    /// <summary>
    /// Draws <paramref name="samples"/> segmentations per image as logits <c>[S, B, K, H, W]</c>, in evaluation mode
    /// (callers put the module in eval mode and disable gradients). Randomness comes from TorchSharp's global
    /// generator, which callers seed for reproducible samples.
    /// </summary>
    public abstract Tensor SampleLogits(Tensor images, int samples);

    /// <summary>
    /// Mean class probabilities <c>[B, K, H, W]</c> given the drawn sample logits. Default: the mean of the samples'
    /// softmaxes. Models whose reference predicts otherwise override it.
    /// </summary>
    public virtual Tensor MeanProbabilities(Tensor images, Tensor sampleLogits) => sampleLogits.softmax(2).mean([0]);
}
