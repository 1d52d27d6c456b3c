using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>Scores one image's samples and predicted label against its <see cref="ImageTruth"/>.</summary>
public static class SampleScorer
{
    /// <summary>All metrics of one image.</summary>
    /// <param name="samples">Sampled label maps <c>[N, H·W]</c>, N = <see cref="EvaluationSettings.Samples"/>.</param>
    /// <param name="predicted">The predicted label map <c>[H·W]</c>.</param>
    /// <param name="truth">The image's ground truth.</param>
    /// <param name="settings">Sample counts and conventions.</param>
    public static ImageScores Score(ReadOnlySpan<byte> samples, ReadOnlySpan<byte> predicted, ImageTruth truth, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(settings);
        int px = truth.PixelCount;
        if (samples.Length != settings.Samples * px)
            throw new ArgumentException($"Expected {settings.Samples} samples of {px} pixels, got {samples.Length} bytes.", nameof(samples));
        var many = new LabelMaps(samples, settings.Samples, px);
        var few = new LabelMaps(samples[..(settings.FewSamples * px)], settings.FewSamples, px);

        GedResult gedMany = WeightedGed.Compute(many, truth, settings.Overlap);
        GedResult gedFew = WeightedGed.Compute(few, truth, settings.Overlap);
        var matching = PairwiseIoU.Compute(few, new LabelMaps(truth.MatchingMasks, truth.MatchingMasks.Length / px, px), settings.Overlap);
        double hm = HungarianMatchedIoU.FromPairwise(matching).Value;
        double dice = Dice.Compute(predicted, truth.Majority, settings.Overlap);
        return new ImageScores(gedFew.Ged, gedMany.Ged, hm, gedMany.SampleDiversity, gedMany.AnnotatorDiversity, dice);
    }
}
