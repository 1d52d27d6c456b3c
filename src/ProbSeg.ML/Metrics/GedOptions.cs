namespace ProbSeg.ML.Metrics;

/// <summary>Conventions of the generalised energy distance. Defaults reproduce PHiSeg's <c>generalised_energy_distance</c>.</summary>
public sealed record GedOptions
{
    /// <summary>How d = 1 − IoU is computed (classes, empty pairs). Default: PHiSeg.</summary>
    public OverlapOptions Overlap { get; init; } = OverlapOptions.Default;

    /// <summary>Which annotations form the ground-truth set. Default <see cref="GroundTruthSampling.AllAnnotators"/> (PHiSeg).</summary>
    public GroundTruthSampling GroundTruth { get; init; } = GroundTruthSampling.AllAnnotators;

    /// <summary>The PHiSeg defaults (binary, all annotators, both-empty pairs count as IoU 1).</summary>
    public static GedOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Overlap, nameof(Overlap));
        ArgumentNullException.ThrowIfNull(GroundTruth, nameof(GroundTruth));
        Overlap.Validate();
    }
}
