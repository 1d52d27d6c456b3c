namespace ProbSeg.ML.Metrics;

/// <summary>
/// Class-wise expected calibration error of a mean prediction against several annotators, as the SSN LIDC evaluation
/// computes it (<c>MiguelMonteiro/PHiSeg-code: phiseg_full_evaluation.py: calc_class_wise_expected_calibration_error</c>,
/// 10 bins).
/// </summary>
/// <remarks>
/// For each class c separately, pixels are binned by p_c into equal-width bins over [0, 1] (the last bin closed);
/// a bin's confidence is the mean p_c and its accuracy the share of its pixels labelled c, averaged over the present
/// annotators (= mean annotator vote for c). ECE_c = Σ_b n_b·|conf_b − acc_b| / Σ_b n_b. Probabilities a rounding
/// error outside [0, 1] are clamped into it.
/// </remarks>
public static class CalibrationError
{
    /// <summary>Bins used by SSN's evaluation.</summary>
    public const int DefaultBins = 10;

    /// <summary>Class-wise ECE of one image.</summary>
    /// <param name="meanProbabilities">Mean class probabilities <c>[K, H·W]</c> (e.g. <see cref="ProbabilityMaps.Mean"/>).</param>
    /// <param name="classes">Number of classes K.</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="bins">Number of bins (default 10).</param>
    /// <returns>NaN ECEs and an empty diagram when no annotator is present.</returns>
    public static CalibrationResult Compute(ReadOnlySpan<float> meanProbabilities, int classes, LabelMaps annotations, int bins = DefaultBins)
    {
        var probabilities = new ProbabilityMaps(meanProbabilities, 1, classes, annotations.PixelCount);
        probabilities.ThrowIfInvalid("mean probabilities");
        int p = annotations.PixelCount;
        var diagram = new ReliabilityDiagram(classes, bins);
        var present = annotations.PresentIndices();
        if (present.Length > 0)
        {
            var votes = new int[classes * p];
            foreach (int slot in present)
            {
                var labels = annotations[slot];
                PackedMasks.ThrowIfOutOfRange(labels, classes, "annotation", slot);
                for (int x = 0; x < p; x++) votes[labels[x] * p + x]++;
            }
            double perVote = 1.0 / present.Length;
            for (int c = 0; c < classes; c++)
                for (int x = 0; x < p; x++)
                {
                    double pc = Math.Clamp(meanProbabilities[c * p + x], 0f, 1f);
                    diagram.Add(c, diagram.BinOf(pc), pc, votes[c * p + x] * perVote);
                }
        }

        var ece = new double[classes];
        var unweighted = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            ece[c] = diagram.ExpectedCalibrationError(c);
            unweighted[c] = diagram.UnweightedCalibrationError(c);
        }
        return present.Length == 0
            ? new CalibrationResult(double.NaN, double.NaN, ece, unweighted, diagram)
            : new CalibrationResult(ece.Average(), unweighted.Average(), ece, unweighted, diagram);
    }
}
