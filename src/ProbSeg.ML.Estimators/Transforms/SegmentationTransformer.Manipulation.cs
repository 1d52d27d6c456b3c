using ProbSeg.ML.Distributions;
using ProbSeg.ML.Models;
using TorchSharp;

namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTransformer
{
    /// <summary>
    /// For a Stochastic Segmentation Network: sweeps <paramref name="manipulation"/> (along a covariance factor, a class's
    /// logits, or a temperature) over one fixed draw of noise for one image <c>[C, H, W]</c>, as in Monteiro et al. 2020's
    /// figures. Reproducible: the noise depends only on the seed.
    /// </summary>
    /// <param name="image">The pixels, C order, <see cref="ImageShape"/>.</param>
    /// <param name="manipulation">What to sweep; one output per weight.</param>
    /// <param name="seed">Seed of the fixed noise; null uses <see cref="SamplingSeed"/>.</param>
    /// <exception cref="InvalidOperationException">The model is not a <see cref="StochasticSegmentationNetwork"/>.</exception>
    public ManipulatedSamples Manipulate(ReadOnlySpan<float> image, SampleManipulation manipulation, int? seed = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(manipulation);
        if (Model is not StochasticSegmentationNetwork ssn)
            throw new InvalidOperationException($"Sample manipulation needs a StochasticSegmentationNetwork; this transformer's model is a {Model.GetType().Name}.");
        if (image.Length != ImageShape.Size)
            throw new ArgumentException($"Expected one image of shape {ImageShape} ({ImageShape.Size} values), got {image.Length} values.", nameof(image));
        for (int i = 0; i < image.Length; i++)
            if (!float.IsFinite(image[i]))
                throw new ArgumentException($"The image has a non-finite pixel value {image[i]} at flat index {i}.", nameof(image));
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(image.ToArray(), [ImageShape.Channels, ImageShape.Height, ImageShape.Width]).to(Device);
        return ssn.Manipulate(x, manipulation, seed ?? SamplingSeed);
    }
}
