namespace ProbSeg.ML.Metrics;

/// <summary>Per-pixel entropy of a mean prediction, the uncertainty map of Czolbe et al. (IPMI 2021).</summary>
public static class PredictiveEntropy
{
    /// <summary>Probabilities at or below this contribute nothing, as Czolbe's <c>util.entropy</c> (<c>mask = p &gt; 0.00001</c>).</summary>
    public const float IgnoreBelow = 1e-5f;

    /// <summary>H(x) = −Σ_k p_k log₂ p_k in bits per pixel, <c>[H·W]</c>, ignoring p ≤ 1e-5 (Czolbe <c>util.entropy</c>).</summary>
    /// <param name="meanProbabilities">Mean class probabilities <c>[K, H·W]</c> (the mean softmax over samples).</param>
    /// <param name="classes">Number of classes K.</param>
    public static float[] Bits(ReadOnlySpan<float> meanProbabilities, int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), $"Class count must be at least 2, got {classes}.");
        if (meanProbabilities.Length % classes != 0 || meanProbabilities.Length == 0)
            throw new ArgumentException($"{meanProbabilities.Length} probabilities do not form [{classes}, H·W].", nameof(meanProbabilities));
        int p = meanProbabilities.Length / classes;
        var entropy = new float[p];
        for (int c = 0; c < classes; c++)
        {
            var plane = meanProbabilities.Slice(c * p, p);
            for (int x = 0; x < p; x++)
            {
                float q = plane[x];
                if (q > IgnoreBelow) entropy[x] -= q * MathF.Log2(q);
            }
        }
        return entropy;
    }
}
