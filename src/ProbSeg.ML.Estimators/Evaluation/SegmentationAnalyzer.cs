using Microsoft.ML;
using ProbSeg.ML.Data;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Runs the full evaluation suite (issue-7 analyses) for a trained transformer over labelled data. It samples through
/// the model itself rather than reading the <c>Samples</c> column, because γ-maps and calibration need each sample's
/// softmax, which the scored columns do not carry.
/// </summary>
internal static class SegmentationAnalyzer
{
    private const int Batch = 8;

    public static EvaluationReport Analyze(SegmentationTransformer model, IDataView data, string labelColumn,
        EvaluationOptions? options, ModeReference? modes, int numberOfSamples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (numberOfSamples < 1) throw new ArgumentOutOfRangeException(nameof(numberOfSamples), numberOfSamples, "Draw at least one sample per image.");
        AmbiguousDataset dataset = DataViewDatasetReader.Read(data, model.ImageColumnName, labelColumn, model.ImageShape, model.Classes, "analysed", nameof(data));
        var predictor = new SegmentationPredictor(model.Model, model.Device, Batch);
        var suite = new EvaluationSuite(model.Classes, options, modes);
        for (int start = 0; start < dataset.Count; start += Batch)
        {
            int count = Math.Min(Batch, dataset.Count - start);
            var images = dataset.Images.AsSpan(start * dataset.ImageSize, count * dataset.ImageSize);
            SegmentationPrediction prediction = predictor.Predict(images, count, dataset.Height, dataset.Width, numberOfSamples,
                model.SamplingSeed, keepSampleProbabilities: true);
            suite.Accumulate(prediction, dataset, start);
        }
        return suite.Aggregate();
    }
}
