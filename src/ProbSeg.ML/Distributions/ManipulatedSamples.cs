namespace ProbSeg.ML.Distributions;

/// <summary>
/// The outputs of a <see cref="SampleManipulation"/> on one image: one logit map and one label map per weight, in the
/// order of <see cref="SampleManipulation.Weights"/>.
/// </summary>
/// <param name="Manipulation">The sweep that produced them.</param>
/// <param name="Classes">Classes K.</param>
/// <param name="Height">Height H.</param>
/// <param name="Width">Width W.</param>
/// <param name="Logits">Logits <c>[W, K, H, W]</c> flattened, one block per weight.</param>
/// <param name="Labels">Argmax label maps <c>[W, H, W]</c> flattened.</param>
public sealed record ManipulatedSamples(SampleManipulation Manipulation, int Classes, int Height, int Width, float[] Logits, byte[] Labels)
{
    /// <summary>Number of outputs (one per weight).</summary>
    public int Count => Manipulation.Weights.Count;

    /// <summary>Logits <c>[K, H, W]</c> of output <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> LogitsOf(int index) => Logits.AsSpan(Check(index) * Classes * Height * Width, Classes * Height * Width);

    /// <summary>Label map <c>[H, W]</c> of output <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> LabelsOf(int index) => Labels.AsSpan(Check(index) * Height * Width, Height * Width);

    private int Check(int index) =>
        index >= 0 && index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {Count} outputs.");
}
