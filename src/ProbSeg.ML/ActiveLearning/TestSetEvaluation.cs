using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Models;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>Scores one round's model on the test set: cross-entropy of the mean prediction and, optionally, GED.</summary>
internal static class TestSetEvaluation
{
    // Test images predicted per call: bounds the kept sample label maps on large test sets.
    private const int ImagesPerChunk = 64;

    public static (double CrossEntropy, double Ged) Evaluate(SegmentationModel model, AmbiguousDataset test, ActiveLearningOptions options)
    {
        var predictor = new SegmentationPredictor(model, options.Training.Device, options.PredictionBatchSize);
        var ged = options.EvaluateGed
            ? new GeneralizedEnergyDistanceMetric(options.Ged ?? new GedOptions { Overlap = OverlapOptions.Default with { Classes = model.Classes } })
            : null;
        var crossEntropies = new List<double>(test.Count);
        int px = test.PixelCount;
        for (int start = 0; start < test.Count; start += ImagesPerChunk)
        {
            var chunk = test.Subset(Enumerable.Range(start, Math.Min(ImagesPerChunk, test.Count - start)).ToArray());
            // Same seed every round, so rounds differ only by their model.
            var prediction = predictor.Predict(chunk.Images, chunk.Count, chunk.Height, chunk.Width, options.EvaluationSamples, options.Seed + start);
            crossEntropies.AddRange(MeanPredictionCrossEntropy.Compute(prediction, chunk).PerImage);
            if (ged is null) continue;
            for (int i = 0; i < chunk.Count; i++)
                ged.Accumulate(new LabelMaps(prediction.SamplesOf(i), prediction.Samples, px), new LabelMaps(chunk.Annotations(i), chunk.Annotators, px));
        }
        double crossEntropy = MetricSummary.FromValues(crossEntropies).Mean;
        return (crossEntropy, ged is null ? double.NaN : ged.Aggregate().Ged.Mean);
    }
}
