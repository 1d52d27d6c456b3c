namespace ProbSeg.ML.Distributions;

/// <summary>How a <see cref="SampleManipulation"/> moves a sample of a <see cref="LowRankLogitDistribution"/>.</summary>
public enum SampleManipulationKind
{
    /// <summary>Add <c>w·P[:, j]</c> to the sample: walk along one column of the covariance factor.</summary>
    AlongFactor,

    /// <summary>Scale one class's share of the noise by <c>w</c>: <c>μ + class_w ⊙ (P ε_W + √D ε_D)</c>.</summary>
    ScaleClass,

    /// <summary>Scale all of the noise by a temperature <c>T</c>: <c>μ + T (P ε_W + √D ε_D)</c>.</summary>
    Temperature,
}
