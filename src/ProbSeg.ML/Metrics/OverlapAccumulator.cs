namespace ProbSeg.ML.Metrics;

/// <summary>Shared body of <see cref="IoUMetric"/> and <see cref="DiceMetric"/>.</summary>
internal sealed class OverlapAccumulator(OverlapOptions options, bool dice)
{
    public OverlapOptions Options { get; } = Validated(options);
    public ScalarSeries Values { get; } = new();

    public void Accumulate(ReadOnlySpan<byte> prediction, ReadOnlySpan<byte> target)
    {
        if (!Data.AmbiguousDataset.IsPresent(target)) { Values.Add(double.NaN); return; }
        Values.Add(OverlapScore.Pair(prediction, target, Options, dice));
    }

    public void Accumulate(ReadOnlySpan<byte> prediction, LabelMaps annotations)
    {
        if (prediction.Length != annotations.PixelCount)
            throw new ArgumentException($"Prediction has {prediction.Length} pixels; annotations have {annotations.PixelCount}.", nameof(prediction));
        var present = annotations.PresentIndices();
        var packedPrediction = PackedMasks.Pack(new LabelMaps(prediction, 1, prediction.Length), [0], Options, "prediction");
        var packedAnnotations = PackedMasks.Pack(annotations, present, Options, "annotation");
        double sum = 0;
        int defined = 0;
        for (int j = 0; j < present.Length; j++)
        {
            double score = OverlapScore.Average(packedPrediction, 0, packedAnnotations, j, Options, dice);
            if (double.IsNaN(score)) continue;
            sum += score;
            defined++;
        }
        Values.Add(defined == 0 ? double.NaN : sum / defined);
    }

    public void Merge(OverlapAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options || other.Values == Values)
            throw new ArgumentException($"Cannot merge accumulators with different options ({other.Options} vs {Options}) or an accumulator into itself.");
        Values.AddRange(other.Values);
    }

    private static OverlapOptions Validated(OverlapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
