namespace ProbSeg.ML.Metrics;

/// <summary>The conventions of an overlap score (IoU, Dice) between two label maps.</summary>
/// <remarks>The defaults reproduce PHiSeg's <c>utils.py: dist_fct</c> (anchors §0).</remarks>
public sealed record OverlapOptions
{
    /// <summary>Number of classes K (≥ 2); label ids lie in [0, K). Default 2 (binary, LIDC).</summary>
    public int Classes { get; init; } = 2;

    /// <summary>What a pair of masks with no foreground scores. Default <see cref="EmptyPairConvention.CountAsPerfect"/> (PHiSeg).</summary>
    public EmptyPairConvention EmptyPairs { get; init; } = EmptyPairConvention.CountAsPerfect;

    /// <summary>Which classes are compared and how they are averaged. Default <see cref="ClassAveraging.MeanOverForegroundClasses"/> (PHiSeg).</summary>
    public ClassAveraging Averaging { get; init; } = ClassAveraging.MeanOverForegroundClasses;

    /// <summary>The PHiSeg defaults (binary).</summary>
    public static OverlapOptions Default { get; } = new();

    /// <summary>Binary masks per compared class: K−1 foreground classes, or 1 for <see cref="ClassAveraging.ForegroundUnion"/>.</summary>
    internal int ComparedClassCount => Averaging == ClassAveraging.ForegroundUnion ? 1 : Classes - 1;

    internal void Validate()
    {
        if (Classes < 2 || Classes > 255)
            throw new ArgumentException($"OverlapOptions.Classes must be in [2, 255] (255 marks a missing annotation), got {Classes}.");
        if (!Enum.IsDefined(EmptyPairs)) throw new ArgumentException($"Unknown EmptyPairConvention {EmptyPairs}.");
        if (!Enum.IsDefined(Averaging)) throw new ArgumentException($"Unknown ClassAveraging {Averaging}.");
    }
}
