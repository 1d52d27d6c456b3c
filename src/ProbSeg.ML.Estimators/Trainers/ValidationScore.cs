using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Sampling;
using TorchSharp;

namespace ProbSeg.ML.Estimators;

/// <summary>The validation score the trainers select checkpoints by: mean GED over validation images (lower is better).</summary>
internal static class ValidationScore
{
    public static double MeanGed(SegmentationModel model, AmbiguousDataset validation, int samples, int maxImages, int seed, string device)
    {
        AmbiguousDataset data = maxImages > 0 && validation.Count > maxImages ? validation.Take(maxImages) : validation;
        // Sampling reseeds TorchSharp's global generator; restore it so training's own random stream is not reset.
        using var state = torch.random.get_rng_state();
        try
        {
            var prediction = new SegmentationPredictor(model, device).Predict(data.Images, data.Count, data.Height, data.Width, samples, seed);
            double sum = 0;
            for (int i = 0; i < data.Count; i++)
                sum += ImageMetrics.Ged(prediction.SamplesOf(i), samples, data.Annotations(i), data.Annotators, data.PixelCount, data.Classes);
            return sum / data.Count;
        }
        finally
        {
            torch.random.set_rng_state(state);
        }
    }
}
