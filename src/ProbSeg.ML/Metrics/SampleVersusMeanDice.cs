namespace ProbSeg.ML.Metrics;

/// <summary>
/// Whether individual samples segment better than the mean prediction: per foreground class, each sample's Dice
/// against each annotator is compared with the mean prediction's Dice against the same annotator.
/// </summary>
/// <remarks>
/// Follows the SSN LIDC evaluation (<c>MiguelMonteiro/PHiSeg-code: phiseg_full_evaluation.py</c>): Dice is taken per
/// expert and per class (<c>sample_dsc</c> vs <c>dsc</c>, foreground classes <c>[..., 1:]</c>), a class absent from
/// both masks gives NaN (<c>calc_dsc</c>) and that comparison is left out, and the gain is summarised by the median
/// over samples. SSN compares against a deterministic U-Net's prediction; pass whichever reference label map you want
/// (the arg-max of the mean probabilities is the usual "mean prediction").
/// </remarks>
public static class SampleVersusMeanDice
{
    /// <summary>Compares each sample with <paramref name="meanPrediction"/> on one image.</summary>
    /// <param name="samples">Sample label maps <c>[N, H·W]</c>.</param>
    /// <param name="meanPrediction">The reference label map <c>[H·W]</c>.</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="classes">Number of classes K.</param>
    /// <param name="emptyPairs">Dice of a class absent from both masks; default <see cref="EmptyPairConvention.Exclude"/> (SSN <c>calc_dsc</c>).</param>
    public static SampleVersusMeanDiceResult Compute(LabelMaps samples, ReadOnlySpan<byte> meanPrediction, LabelMaps annotations,
        int classes = 2, EmptyPairConvention emptyPairs = EmptyPairConvention.Exclude)
    {
        var options = new OverlapOptions { Classes = classes, EmptyPairs = emptyPairs };
        options.Validate();
        if (samples.PixelCount != annotations.PixelCount || meanPrediction.Length != annotations.PixelCount)
            throw new ArgumentException($"Pixel counts differ: samples {samples.PixelCount}, mean prediction {meanPrediction.Length}, annotations {annotations.PixelCount}.");
        var present = annotations.PresentIndices();
        var packedSamples = PackedMasks.Pack(samples, Enumerable.Range(0, samples.Count).ToArray(), options, "sample");
        var packedMean = PackedMasks.Pack(new LabelMaps(meanPrediction, 1, meanPrediction.Length), [0], options, "mean prediction");
        var packedAnnotations = PackedMasks.Pack(annotations, present, options, "annotation");

        int comparisons = 0, better = 0, medians = 0;
        double medianSum = 0;
        var gains = new List<double>(samples.Count);
        for (int j = 0; j < present.Length; j++)
            for (int s = 0; s < packedMean.SlotCount; s++)
            {
                double meanDice = SlotDice(packedMean, 0, packedAnnotations, j, s, emptyPairs);
                if (double.IsNaN(meanDice)) continue;
                gains.Clear();
                for (int i = 0; i < samples.Count; i++)
                {
                    double sampleDice = SlotDice(packedSamples, i, packedAnnotations, j, s, emptyPairs);
                    if (double.IsNaN(sampleDice)) continue;
                    gains.Add(sampleDice - meanDice);
                    if (sampleDice > meanDice) better++;
                }
                comparisons += gains.Count;
                if (gains.Count == 0) continue;
                medianSum += Median(gains);
                medians++;
            }

        var perClass = new double[classes];
        var perClassCount = new int[classes];
        foreach (int slot in present)
        {
            var scores = OverlapScore.PerClass(meanPrediction, annotations[slot], classes, emptyPairs, dice: true);
            for (int c = 0; c < classes; c++)
            {
                if (double.IsNaN(scores[c])) continue;
                perClass[c] += scores[c];
                perClassCount[c]++;
            }
        }
        for (int c = 0; c < classes; c++) perClass[c] = perClassCount[c] == 0 ? double.NaN : perClass[c] / perClassCount[c];

        return new SampleVersusMeanDiceResult(
            comparisons == 0 ? double.NaN : (double)better / comparisons,
            medians == 0 ? double.NaN : medianSum / medians,
            comparisons, better, perClass);
    }

    private static double SlotDice(PackedMasks a, int mapA, PackedMasks b, int mapB, int slot, EmptyPairConvention empty) =>
        OverlapScore.Dice(PackedMasks.Intersection(a, mapA, b, mapB, slot), a.Size(mapA, slot), b.Size(mapB, slot), empty);

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
