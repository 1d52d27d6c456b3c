using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>The expected pixel error of a model's samples against the annotators.</summary>
public static class PixelError
{
    /// <summary>
    /// e(x) = mean over (sample, present annotator) pairs of [sample label ≠ annotator label] = 1 − Σ_k f_k(x)·v_k(x),
    /// with f the share of samples and v the share of annotators choosing class k: the average, over every draw, of
    /// Czolbe et al.'s pixel error of one sample against one random annotator (<c>src/test.py</c>).
    /// </summary>
    /// <param name="samples">Sample label maps <c>[N, H·W]</c>.</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="classes">Number of classes K.</param>
    /// <returns><c>[H·W]</c> errors in [0, 1], or null when no annotator is present.</returns>
    /// <exception cref="ArgumentException">Pixel counts differ, no sample, or a class id is ≥ K.</exception>
    public static float[]? Expected(LabelMaps samples, LabelMaps annotations, int classes)
    {
        if (classes < 2 || classes > 255) throw new ArgumentOutOfRangeException(nameof(classes), $"Class count must be in [2, 255], got {classes}.");
        if (samples.Count < 1) throw new ArgumentException("At least one sample is needed.", nameof(samples));
        if (samples.PixelCount != annotations.PixelCount)
            throw new ArgumentException($"Samples have {samples.PixelCount} pixels, annotations {annotations.PixelCount}.", nameof(annotations));
        var present = annotations.PresentIndices();
        if (present.Length == 0) return null;
        int p = samples.PixelCount;
        var sampleVotes = Votes(samples, Enumerable.Range(0, samples.Count).ToArray(), classes, "sample");
        var annotatorVotes = Votes(annotations, present, classes, "annotation");
        var error = new float[p];
        double scale = 1.0 / ((double)samples.Count * present.Length);
        var agree = new double[p];
        for (int c = 0; c < classes; c++)
            for (int x = 0; x < p; x++)
                agree[x] += (double)sampleVotes[c * p + x] * annotatorVotes[c * p + x];
        for (int x = 0; x < p; x++) error[x] = (float)Math.Clamp(1 - agree[x] * scale, 0, 1);
        return error;
    }

    private static int[] Votes(LabelMaps maps, int[] indices, int classes, string what)
    {
        int p = maps.PixelCount;
        var votes = new int[classes * p];
        foreach (int i in indices)
        {
            var map = maps[i];
            PackedMasks.ThrowIfOutOfRange(map, classes, what, i);
            for (int x = 0; x < p; x++) votes[map[x] * p + x]++;
        }
        return votes;
    }
}
