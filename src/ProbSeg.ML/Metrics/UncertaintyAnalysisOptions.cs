namespace ProbSeg.ML.Metrics;

/// <summary>Settings of <see cref="UncertaintyAnalysis"/>; defaults follow Czolbe et al. (anchors §5).</summary>
public sealed record UncertaintyAnalysisOptions
{
    /// <summary>Number of classes K. Default 2.</summary>
    public int Classes { get; init; } = 2;

    /// <summary>Which prediction decides the pixel condition. Default <see cref="ConditionSource.OneSample"/> (Czolbe).</summary>
    public ConditionSource Condition { get; init; } = ConditionSource.OneSample;

    /// <summary>(sample, random annotator) draws whose error maps are correlated with the uncertainty; default 16 (Czolbe <c>test.py</c>).</summary>
    public int ErrorDraws { get; init; } = 16;

    /// <summary>Seed of the annotator draws; each image mixes it with a hash of its own data.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Histogram bins over [0, log₂ K] bits. Default 100.</summary>
    public int HistogramBins { get; init; } = 100;

    internal void Validate()
    {
        if (Classes < 2 || Classes > 255) throw new ArgumentException($"UncertaintyAnalysisOptions.Classes must be in [2, 255], got {Classes}.");
        if (!Enum.IsDefined(Condition)) throw new ArgumentException($"Unknown ConditionSource {Condition}.");
        if (ErrorDraws < 1) throw new ArgumentException($"UncertaintyAnalysisOptions.ErrorDraws must be at least 1, got {ErrorDraws}.");
        if (HistogramBins < 1) throw new ArgumentException($"UncertaintyAnalysisOptions.HistogramBins must be at least 1, got {HistogramBins}.");
    }
}
