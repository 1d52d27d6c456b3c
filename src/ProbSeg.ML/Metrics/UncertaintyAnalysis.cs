namespace ProbSeg.ML.Metrics;

/// <summary>
/// Is the model uncertain where it errs and where experts disagree? Czolbe et al., "Is segmentation uncertainty
/// useful?" (IPMI 2021; <c>src/test.py</c>, <c>src/plot/*</c>).
/// </summary>
/// <remarks>
/// <para>Uncertainty is the entropy in bits of the mean prediction (<see cref="PredictiveEntropy.Bits"/>).</para>
/// <para>TP/TN/FP/FN are counted only on consensus pixels, where every present annotator says foreground or every one
/// says background; the prediction is one sample (default, as Czolbe) or the arg-max of the mean. Foreground is any
/// non-zero class, so for K = 2 this is exactly Czolbe's binary setting. Czolbe samples 1000 pixels per image for
/// plotting; here all pixels are counted, into histograms.</para>
/// <para>Error correlation: for each of <see cref="UncertaintyAnalysisOptions.ErrorDraws"/> draws, sample d mod N is
/// compared with a randomly drawn present annotator (seeded by the option's seed and the image's data, so shards
/// draw as one pass would); the pixel error (label mismatch; Czolbe's BCE of hard labels is
/// a multiple of it, and Pearson r ignores scale) is correlated with the uncertainty, and r is averaged over draws.
/// A constant map makes r undefined: that draw is left out and counted (Czolbe's <c>pearsonr</c> returns NaN).</para>
/// </remarks>
public static class UncertaintyAnalysis
{
    /// <summary>Analyses one image.</summary>
    /// <param name="meanProbabilities">Mean class probabilities <c>[K, H·W]</c> (mean softmax over samples).</param>
    /// <param name="samples">Sample label maps <c>[N, H·W]</c>.</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="options">Settings (default: Czolbe, binary).</param>
    /// <returns>Empty histograms and NaN correlation when no annotator is present.</returns>
    public static UncertaintyAnalysisResult Compute(ReadOnlySpan<float> meanProbabilities, LabelMaps samples, LabelMaps annotations,
        UncertaintyAnalysisOptions? options = null)
    {
        options ??= new UncertaintyAnalysisOptions();
        options.Validate();
        int k = options.Classes, p = annotations.PixelCount;
        var mean = new ProbabilityMaps(meanProbabilities, 1, k, p);
        mean.ThrowIfInvalid("mean probabilities");
        if (samples.PixelCount != p) throw new ArgumentException($"Samples have {samples.PixelCount} pixels, annotations {p}.", nameof(samples));
        if (samples.Count < 1) throw new ArgumentException("At least one sample is needed.", nameof(samples));
        for (int i = 0; i < samples.Count; i++) PackedMasks.ThrowIfOutOfRange(samples[i], k, "sample", i);

        var uncertainty = PredictiveEntropy.Bits(meanProbabilities, k);
        var breakdown = new UncertaintyBreakdown(options.HistogramBins, Math.Log2(k));
        var present = annotations.PresentIndices();
        if (present.Length == 0) return new UncertaintyAnalysisResult(uncertainty, breakdown, double.NaN, 0);

        var foregroundVotes = new int[p];
        foreach (int slot in present)
        {
            var labels = annotations[slot];
            PackedMasks.ThrowIfOutOfRange(labels, k, "annotation", slot);
            for (int x = 0; x < p; x++) if (labels[x] != 0) foregroundVotes[x]++;
        }

        var prediction = new byte[p];
        if (options.Condition == ConditionSource.OneSample) samples[0].CopyTo(prediction);
        else ProbabilityMaps.ArgmaxInto(meanProbabilities, k, p, prediction);

        int m = present.Length;
        for (int x = 0; x < p; x++)
        {
            int votes = foregroundVotes[x];
            double u = uncertainty[x];
            var agreement = votes == 0 || votes == m ? AnnotatorAgreement.AllAgree
                : 2 * votes == m ? AnnotatorAgreement.EvenlySplit : AnnotatorAgreement.SomeDisagree;
            breakdown.ByAgreement(agreement).Add(u);
            if (agreement != AnnotatorAgreement.AllAgree) continue;
            bool predicted = prediction[x] != 0, actual = votes == m;
            var condition = predicted
                ? (actual ? PixelCondition.TruePositive : PixelCondition.FalsePositive)
                : (actual ? PixelCondition.FalseNegative : PixelCondition.TrueNegative);
            breakdown.ByCondition(condition).Add(u);
        }

        var rng = new Random(StableHash.Seed(options.Seed, StableHash.Of(samples.Data, StableHash.Of(annotations.Data))));
        var error = new float[p];
        double sum = 0;
        int defined = 0;
        for (int d = 0; d < options.ErrorDraws; d++)
        {
            var sample = samples[d % samples.Count];
            var annotation = annotations[present[rng.Next(m)]];
            for (int x = 0; x < p; x++) error[x] = sample[x] == annotation[x] ? 0f : 1f;
            double r = Correlation.Pearson(uncertainty, error, GammaMapNcc.ConstantMapTolerance);
            if (double.IsNaN(r)) continue;
            sum += r;
            defined++;
        }
        return new UncertaintyAnalysisResult(uncertainty, breakdown, defined == 0 ? double.NaN : sum / defined,
            options.ErrorDraws - defined);
    }
}
