using ProbSeg.ML.Models;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// A trained probabilistic segmentation model as an ML.NET transformer: for each row's image it draws
/// <see cref="NumberOfSamples"/> segmentations and adds their mean class probabilities, the predicted label map, the
/// sampled label maps and a pixel-wise uncertainty map.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ### Input and output columns
/// | Column (default name) | Type | Description |
/// | -- | -- | -- |
/// | `Image` (input) | known-size vector of Single, `[C, H, W]` | The image; C, H, W as in training (a flat vector of C·H·W values is accepted). |
/// | `Score` | vector of Single, `[K, H, W]` | Mean class probabilities over the samples. |
/// | `PredictedLabel` | vector of Byte, `[H, W]` | Class id (0 … K−1, 0 = background) with the highest mean probability. Not a key type: 0 is a class, not "missing". |
/// | `Samples` | vector of Byte, `[N, H, W]` | N sampled segmentations (class ids), N = `NumberOfSamples`. |
/// | `Uncertainty` | vector of Single, `[H, W]` | Predictive entropy of `Score` in bits. |
///
/// Samples are reproducible: an image's samples depend only on the image, the model and `SamplingSeed`, so they are the
/// same through `Transform`, a `PredictionEngine`, or after `mlContext.Model.Save`/`Load`.
/// The model and its weights are saved inside ML.NET's model file.
/// ]]></format>
/// </remarks>
public sealed partial class SegmentationTransformer : IDisposable
{
    private readonly SegmentationPredictor _predictor;
    private bool _disposed;

    /// <summary>The engine model (a TorchSharp module) the transformer samples from.</summary>
    public SegmentationModel Model { get; }

    internal SegmentationTransformerSettings Settings { get; }

    /// <summary>The torch device the model runs on (<c>"cpu"</c> or <c>"cuda:N"</c>).</summary>
    public string Device { get; }

    /// <summary>Input column: the image <c>[C, H, W]</c>.</summary>
    public string ImageColumnName => Settings.ImageColumnName;
    /// <summary>Output column: mean class probabilities <c>[K, H, W]</c>.</summary>
    public string ScoreColumnName => Settings.ScoreColumnName;
    /// <summary>Output column: predicted class ids <c>[H, W]</c>.</summary>
    public string PredictedLabelColumnName => Settings.PredictedLabelColumnName;
    /// <summary>Output column: sampled class ids <c>[N, H, W]</c>.</summary>
    public string SamplesColumnName => Settings.SamplesColumnName;
    /// <summary>Output column: predictive entropy in bits <c>[H, W]</c>.</summary>
    public string UncertaintyColumnName => Settings.UncertaintyColumnName;
    /// <summary>Samples N drawn per image.</summary>
    public int NumberOfSamples => Settings.NumberOfSamples;
    /// <summary>Seed of the samples.</summary>
    public int SamplingSeed => Settings.SamplingSeed;
    /// <summary>The image shape <c>[C, H, W]</c> the model takes.</summary>
    public ImageShape ImageShape => Settings.ImageShape;
    /// <summary>Number of classes K.</summary>
    public int Classes => Model.Classes;

    /// <summary>
    /// Draws <paramref name="numberOfSamples"/> segmentations of one image <c>[C, H, W]</c> (outside any
    /// <see cref="Microsoft.ML.IDataView"/>), with the transformer's seed unless <paramref name="seed"/> is given.
    /// </summary>
    /// <param name="image">The pixels, C order, <see cref="ImageShape"/>.</param>
    /// <param name="numberOfSamples">Samples to draw.</param>
    /// <param name="seed">Seed of the samples; null uses <see cref="SamplingSeed"/>.</param>
    /// <param name="keepSampleProbabilities">Also return each sample's class probabilities.</param>
    public SegmentationPrediction Sample(ReadOnlySpan<float> image, int numberOfSamples, int? seed = null, bool keepSampleProbabilities = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (image.Length != ImageShape.Size)
            throw new ArgumentException($"Expected one image of shape {ImageShape} ({ImageShape.Size} values), got {image.Length} values.", nameof(image));
        return _predictor.Predict(image, 1, ImageShape.Height, ImageShape.Width, numberOfSamples, seed ?? SamplingSeed, keepSampleProbabilities);
    }

    internal SegmentationPrediction PredictRow(ReadOnlySpan<float> image)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _predictor.Predict(image, 1, ImageShape.Height, ImageShape.Width, NumberOfSamples, SamplingSeed);
    }

    /// <summary>Releases the model's native memory.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Model.Dispose();
    }
}
