namespace ProbSeg.ML.Distributions;

/// <summary>
/// A sweep applied to one fixed draw (ε_W, ε_D) of a <see cref="LowRankLogitDistribution"/>: the Stochastic
/// Segmentation Network's demonstration that the low-rank factors carry meaningful, spatially coherent variation
/// (Monteiro et al. 2020, Fig. 4; <c>evaluation/running_metrics/samplers.py</c>). Each weight gives one output.
/// </summary>
public sealed class SampleManipulation
{
    private SampleManipulation(SampleManipulationKind kind, int index, double[] weights, bool fromMean)
    {
        if (weights is null || weights.Length == 0) throw new ArgumentException("A manipulation needs at least one weight.", nameof(weights));
        for (int i = 0; i < weights.Length; i++)
            if (!double.IsFinite(weights[i])) throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite.", nameof(weights));
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "The factor or class index must be ≥ 0.");
        Kind = kind;
        Index = index;
        Weights = weights.ToArray(); // a copy: the caller may reuse its array
        FromMean = fromMean;
    }

    /// <summary>The weights the paper's figure sweeps, −3…3 (the reference sampler's default is −1, 0, 1).</summary>
    public static IReadOnlyList<double> PaperWeights { get; } = [-3, -2, -1, 0, 1, 2, 3];

    /// <summary>What is moved.</summary>
    public SampleManipulationKind Kind { get; }

    /// <summary>The factor column j (<see cref="SampleManipulationKind.AlongFactor"/>) or class c
    /// (<see cref="SampleManipulationKind.ScaleClass"/>); 0 for <see cref="SampleManipulationKind.Temperature"/>.</summary>
    public int Index { get; }

    /// <summary>The swept weights, one output per weight.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>For <see cref="SampleManipulationKind.ScaleClass"/>: the other classes get weight 0 (they sit at the
    /// mean) instead of 1 (reference <c>from_mean</c>).</summary>
    public bool FromMean { get; }

    /// <summary>
    /// <c>logits = μ + P ε_W + √D ε_D + w·P[:, j]</c> for each weight w: with ε fixed, only factor j's direction moves.
    /// (The reference's <c>rank_weights</c> scale ε_W,j instead; adding w·P[:, j] moves every sample the same way,
    /// which is what the paper's figure shows.)
    /// </summary>
    public static SampleManipulation AlongFactor(int factor, params double[] weights) =>
        new(SampleManipulationKind.AlongFactor, factor, weights, fromMean: false);

    /// <summary>
    /// <c>logits = μ + class_w ⊙ (P ε_W + √D ε_D)</c> with class <paramref name="classIndex"/>'s weight swept over
    /// <paramref name="weights"/> and the others at 1 (or 0 with <paramref name="fromMean"/>), as the reference's
    /// <c>LowRankMultivariateNormalClassWeightedRangeSampler</c>.
    /// </summary>
    public static SampleManipulation ScaleClass(int classIndex, double[] weights, bool fromMean = false) =>
        new(SampleManipulationKind.ScaleClass, classIndex, weights, fromMean);

    /// <summary>
    /// <c>logits = μ + T (P ε_W + √D ε_D)</c> per temperature T (reference
    /// <c>LowRankMultivariateNormalTemperatureScaledRandomSampler</c>, which draws ε with standard deviation T).
    /// </summary>
    public static SampleManipulation Temperature(params double[] temperatures) =>
        new(SampleManipulationKind.Temperature, 0, temperatures, fromMean: false);
}
