using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProbSeg.ML.Metrics;

/// <summary>
/// PHiSeg's γ-map (expected cross-entropy between the mean and each sample) and S_NCC, its normalised
/// cross-correlation with each annotator's expected cross-entropy (PHiSeg <c>utils.py: variance_ncc_dist</c>).
/// </summary>
/// <remarks>
/// <para>Computed from the per-pixel mean over samples of p and of log(p + ε), so memory is O(K·H·W) for any N:
/// E_ss = −Σ_k mean_i(p_ik)·mean_i log(p_ik + ε) and E_sy_j = −mean_i log(p_i,y_j + ε).</para>
/// <para>NCC is Pearson's correlation (zero-mean, divided by the population std, as PHiSeg's <c>ncc</c>). A map that is
/// constant (std ≤ <see cref="ConstantMapTolerance"/> of its largest magnitude) makes NCC undefined; PHiSeg then gets NaN. Here an undefined NCC is
/// left out of the mean over annotators and counted in <see cref="GammaMapResult.UndefinedCount"/>; an image with
/// none defined gets NaN and is counted as undefined by <see cref="GammaMapNccMetric"/>, never averaged in silently.</para>
/// </remarks>
public static class GammaMapNcc
{
    /// <summary>ε added to probabilities (clamped at 0) before the log, as PHiSeg's <c>pixel_wise_xent(eps=1e-8)</c>: a class with p = 0 costs −log ε ≈ 18.4 nats.</summary>
    public const float Epsilon = 1e-8f;

    /// <summary>
    /// A map whose population std is at most this share of its largest magnitude counts as constant (NCC undefined):
    /// float32 probabilities carry ~6e-8 relative rounding, so a smaller spread is noise, not signal.
    /// </summary>
    public const double ConstantMapTolerance = 1e-6;

    /// <summary>γ-map and S_NCC of one image.</summary>
    /// <param name="samples">Softmax of each sample <c>[N, K, H·W]</c>.</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <exception cref="ArgumentException">Pixel counts differ, a probability is outside [0, 1], or a class id ≥ K.</exception>
    public static GammaMapResult Compute(ProbabilityMaps samples, LabelMaps annotations)
    {
        if (samples.PixelCount != annotations.PixelCount)
            throw new ArgumentException($"Samples have {samples.PixelCount} pixels, annotations {annotations.PixelCount}.", nameof(annotations));
        samples.ThrowIfInvalid("samples");
        int k = samples.Classes, p = samples.PixelCount;
        var mean = samples.Mean();
        var meanLog = MeanLog(samples);

        var gamma = new float[p];
        for (int c = 0; c < k; c++)
        {
            var m = mean.AsSpan(c * p, p);
            var l = meanLog.AsSpan(c * p, p);
            for (int x = 0; x < p; x++) gamma[x] -= m[x] * l[x];
        }

        var present = annotations.PresentIndices();
        var errorMaps = new float[present.Length][];
        var ncc = new double[present.Length];
        double sum = 0;
        int defined = 0;
        for (int j = 0; j < present.Length; j++)
        {
            var labels = annotations[present[j]];
            PackedMasks.ThrowIfOutOfRange(labels, k, "annotation", present[j]);
            var error = new float[p];
            for (int x = 0; x < p; x++) error[x] = -meanLog[labels[x] * p + x];
            errorMaps[j] = error;
            ncc[j] = Correlation.Pearson(gamma, error, ConstantMapTolerance);
            if (double.IsNaN(ncc[j])) continue;
            sum += ncc[j];
            defined++;
        }
        return new GammaMapResult(gamma, errorMaps, ncc, defined == 0 ? double.NaN : sum / defined, present.Length - defined);
    }

    /// <summary>mean over samples of log(max(p, 0) + ε), <c>[K, H·W]</c> (rounding may leave p a hair below 0).</summary>
    private static float[] MeanLog(ProbabilityMaps samples)
    {
        int size = samples.Classes * samples.PixelCount;
        var sum = new float[size];
        ref float acc = ref MemoryMarshal.GetArrayDataReference(sum);
        for (int i = 0; i < samples.Count; i++)
        {
            var map = samples[i];
            ref float src = ref MemoryMarshal.GetReference(map);
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var eps = Vector256.Create(Epsilon);
                for (; x + 8 <= size; x += 8)
                {
                    var log = Vector256.Log(Vector256.Max(Vector256.LoadUnsafe(ref src, (nuint)x), Vector256<float>.Zero) + eps);
                    (Vector256.LoadUnsafe(ref acc, (nuint)x) + log).StoreUnsafe(ref acc, (nuint)x);
                }
            }
            for (; x < size; x++) sum[x] += MathF.Log(Math.Max(map[x], 0f) + Epsilon);
        }
        float scale = 1f / samples.Count;
        for (int x = 0; x < size; x++) sum[x] *= scale;
        return sum;
    }
}
