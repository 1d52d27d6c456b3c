using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>The maps of one evaluated image, kept for figures (PHiSeg's γ-map figure, uncertainty maps).</summary>
/// <param name="ImageIndex">The image's index as passed to the suite.</param>
/// <param name="Height">H.</param>
/// <param name="Width">W.</param>
/// <param name="Classes">K.</param>
/// <param name="Image">First channel of the input image <c>[H·W]</c>, when it was given.</param>
/// <param name="MeanProbabilities">Mean class probabilities <c>[K, H·W]</c>.</param>
/// <param name="Annotations">The present annotations, each <c>[H·W]</c>.</param>
/// <param name="Samples">Sampled label maps <c>[N, H·W]</c>.</param>
/// <param name="SampleCount">N.</param>
/// <param name="Uncertainty">Entropy of the mean in bits <c>[H·W]</c>.</param>
/// <param name="GammaMap">γ-map and annotator error maps, when sample probabilities were given.</param>
public sealed record EvaluationExample(int ImageIndex, int Height, int Width, int Classes, float[]? Image, float[] MeanProbabilities,
    IReadOnlyList<byte[]> Annotations, byte[] Samples, int SampleCount, float[] Uncertainty, GammaMapResult? GammaMap)
{
    /// <summary>Mean probability of any foreground class (1 − p₀) per pixel <c>[H·W]</c>.</summary>
    public float[] MeanForeground()
    {
        int p = Height * Width;
        var foreground = new float[p];
        for (int x = 0; x < p; x++) foreground[x] = Math.Clamp(1f - MeanProbabilities[x], 0f, 1f);
        return foreground;
    }
}
