using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>What a <see cref="SegmentationTransformer"/> reads and writes besides its model (saved with it).</summary>
internal sealed record SegmentationTransformerSettings(
    string ImageColumnName,
    string ScoreColumnName,
    string PredictedLabelColumnName,
    string SamplesColumnName,
    string UncertaintyColumnName,
    int NumberOfSamples,
    int SamplingSeed,
    ImageShape ImageShape)
{
    public void Validate(SegmentationModel model)
    {
        string[] outputs = [ScoreColumnName, PredictedLabelColumnName, SamplesColumnName, UncertaintyColumnName];
        foreach (string name in outputs.Prepend(ImageColumnName))
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Column names must not be empty.");
        if (outputs.Distinct(StringComparer.Ordinal).Count() != outputs.Length)
            throw new ArgumentException($"The output column names must differ, got Score '{ScoreColumnName}', PredictedLabel '{PredictedLabelColumnName}', " +
                $"Samples '{SamplesColumnName}', Uncertainty '{UncertaintyColumnName}'.");
        if (NumberOfSamples < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfSamples), NumberOfSamples, "Draw at least one sample per image.");
        ImageShape.Validate(nameof(ImageShape));
        if (ImageShape.Channels != model.InputChannels)
            throw new ArgumentException($"Image shape {ImageShape} does not match the model's {model.InputChannels} input channels.");
    }
}
