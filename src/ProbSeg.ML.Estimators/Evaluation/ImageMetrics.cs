namespace ProbSeg.ML.Estimators;

/// <summary>
/// Per-image distribution metrics used by <c>Evaluate</c> and by validation during training.
/// </summary>
/// <remarks>
/// TODO(lead): delegate to ProbSeg.ML.Metrics (GeneralizedEnergyDistance, HungarianMatchedIoU, Dice) once that folder is
/// on main; this interim implementation follows the same PHiSeg convention (anchors §0): d = 1 − IoU averaged over the
/// foreground classes, a pair with no foreground in either mask has IoU 1, V-statistic over all pairs, absent annotator
/// slots skipped.
/// </remarks>
internal static class ImageMetrics
{
    /// <summary>GED² = 2·E d(S, Y) − E d(S, S') − E d(Y, Y'), with its two diversity terms.</summary>
    public static (double Ged, double SampleDiversity, double AnnotatorDiversity) GedTerms(ReadOnlySpan<byte> samples, int sampleCount,
        ReadOnlySpan<byte> annotations, int annotatorSlots, int pixelCount, int classes)
    {
        int[] present = PresentSlots(annotations, annotatorSlots, pixelCount);
        if (present.Length == 0) return (double.NaN, double.NaN, double.NaN);
        double cross = 0, sampleDiversity = 0, annotatorDiversity = 0;
        for (int i = 0; i < sampleCount; i++)
        {
            var s = samples.Slice(i * pixelCount, pixelCount);
            foreach (int a in present) cross += Distance(s, annotations.Slice(a * pixelCount, pixelCount), classes);
            for (int j = 0; j < sampleCount; j++) sampleDiversity += Distance(s, samples.Slice(j * pixelCount, pixelCount), classes);
        }
        foreach (int a in present)
            foreach (int b in present)
                annotatorDiversity += Distance(annotations.Slice(a * pixelCount, pixelCount), annotations.Slice(b * pixelCount, pixelCount), classes);
        cross /= (double)sampleCount * present.Length;
        sampleDiversity /= (double)sampleCount * sampleCount;
        annotatorDiversity /= (double)present.Length * present.Length;
        return (2 * cross - sampleDiversity - annotatorDiversity, sampleDiversity, annotatorDiversity);
    }

    /// <summary>The GED of one image's samples against its present annotations.</summary>
    public static double Ged(ReadOnlySpan<byte> samples, int sampleCount, ReadOnlySpan<byte> annotations, int annotatorSlots, int pixelCount, int classes) =>
        GedTerms(samples, sampleCount, annotations, annotatorSlots, pixelCount, classes).Ged;

    /// <summary>
    /// HM-IoU: the mean IoU of the optimal one-to-one matching between the samples and the present annotations repeated to
    /// the number of samples (Kohl et al. 2019).
    /// </summary>
    public static double HungarianIoU(ReadOnlySpan<byte> samples, int sampleCount, ReadOnlySpan<byte> annotations, int annotatorSlots, int pixelCount, int classes)
    {
        // TODO(lead): ProbSeg.ML.Metrics.HungarianMatchedIoU.Compute(new LabelMaps(samples, sampleCount, pixelCount),
        //   new LabelMaps(annotations, annotatorSlots, pixelCount), new OverlapOptions { Classes = classes }) once on main.
        return double.NaN;
    }

    /// <summary>
    /// Dice of <paramref name="predicted"/> against the strict majority vote of the present annotators (a pixel takes a
    /// class when more than half of them chose it, else background), averaged over the foreground classes; a class absent
    /// from both maps scores 1.
    /// </summary>
    public static double DiceVersusMajority(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> annotations, int annotatorSlots, int pixelCount, int classes)
    {
        int[] present = PresentSlots(annotations, annotatorSlots, pixelCount);
        if (present.Length == 0) return double.NaN;
        Span<int> votes = stackalloc int[classes];
        Span<int> both = stackalloc int[classes];
        Span<int> sizes = stackalloc int[classes];
        for (int p = 0; p < pixelCount; p++)
        {
            votes.Clear();
            foreach (int a in present) votes[annotations[a * pixelCount + p]]++;
            int majority = 0;
            for (int c = 1; c < classes; c++)
                if (2 * votes[c] > present.Length) majority = c;
            int guess = predicted[p];
            sizes[majority]++;
            sizes[guess]++;
            if (guess == majority) both[guess]++;
        }
        double dice = 0;
        for (int c = 1; c < classes; c++) dice += sizes[c] == 0 ? 1 : 2.0 * both[c] / sizes[c];
        return dice / (classes - 1);
    }

    /// <summary>Present annotator slots (first pixel not 255).</summary>
    public static int[] PresentSlots(ReadOnlySpan<byte> annotations, int slots, int pixelCount)
    {
        var present = new List<int>(slots);
        for (int a = 0; a < slots; a++)
            if (Data.AmbiguousDataset.IsPresent(annotations.Slice(a * pixelCount, pixelCount))) present.Add(a);
        return present.ToArray();
    }

    /// <summary>1 − IoU averaged over foreground classes; a class absent from both masks counts as IoU 1 (PHiSeg <c>dist_fct</c>).</summary>
    private static double Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int classes)
    {
        Span<int> intersection = stackalloc int[classes];
        Span<int> union = stackalloc int[classes];
        for (int p = 0; p < a.Length; p++)
        {
            byte x = a[p], y = b[p];
            if (x == y) { intersection[x]++; union[x]++; }
            else { union[x]++; union[y]++; }
        }
        double iou = 0;
        for (int k = 1; k < classes; k++) iou += union[k] == 0 ? 1 : (double)intersection[k] / union[k];
        return 1 - iou / (classes - 1);
    }
}
