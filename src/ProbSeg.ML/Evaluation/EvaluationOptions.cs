using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>
/// Settings of an <see cref="EvaluationSuite"/>, each named after the paper whose choice is its default. The class count
/// inside the nested options is ignored: the suite's own class count is used everywhere.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The analyses to run. Default <see cref="EvaluationAnalyses.All"/>; γ-maps are skipped for images without
    /// sample probabilities and mode calibration when no <see cref="ModeReference"/> is given.</summary>
    public EvaluationAnalyses Analyses { get; init; } = EvaluationAnalyses.All;

    /// <summary>GED conventions. Default PHiSeg (<c>utils.py: generalised_energy_distance</c>: foreground IoU, both-empty = 1, all annotators).</summary>
    public GedOptions Ged { get; init; } = GedOptions.Default;

    /// <summary>Overlap conventions of HM-IoU. Default as CAR <c>utils/evaluation_utils.py</c> (foreground IoU, both-empty = 1).</summary>
    public OverlapOptions HungarianMatching { get; init; } = OverlapOptions.Default;

    /// <summary>Dice of a class absent from both masks in the sample-versus-mean analysis. Default excluded (SSN <c>calc_dsc</c>).</summary>
    public EmptyPairConvention SampleVersusMeanEmptyPairs { get; init; } = EmptyPairConvention.Exclude;

    /// <summary>Confidence bins of the class-wise ECE. Default 10 (SSN <c>phiseg_full_evaluation.py</c>).</summary>
    public int CalibrationBins { get; init; } = CalibrationError.DefaultBins;

    /// <summary>Uncertainty analysis settings. Default Czolbe et al. (one sample decides TP/TN/FP/FN, 16 error draws).</summary>
    public UncertaintyAnalysisOptions Uncertainty { get; init; } = new();

    /// <summary>Uncertainty bins of the uncertainty-versus-error curve (ours, for plotting). Default 20.</summary>
    public int UncertaintyErrorBins { get; init; } = 20;

    /// <summary>How samples are matched to true modes. Default nearest mode (Kohl <c>eval_cityscapes.py: get_mode_counts</c>).</summary>
    public ModeAssignment ModeAssignment { get; init; } = ModeAssignment.NearestMode;

    /// <summary>Bins of the pixel-wise marginal calibration. Default 10, as the ECE.</summary>
    public int MarginalBins { get; init; } = CalibrationError.DefaultBins;

    /// <summary>The first this many images keep their maps (image, mean, γ-map, error maps, uncertainty) for figures. Default 4.</summary>
    public int ExampleCount { get; init; } = 4;

    /// <summary>Default settings.</summary>
    public static EvaluationOptions Default { get; } = new();

    internal void Validate()
    {
        if ((Analyses & ~EvaluationAnalyses.All) != 0) throw new ArgumentException($"Unknown EvaluationAnalyses flags {Analyses}.");
        ArgumentNullException.ThrowIfNull(Ged, nameof(Ged));
        ArgumentNullException.ThrowIfNull(HungarianMatching, nameof(HungarianMatching));
        ArgumentNullException.ThrowIfNull(Uncertainty, nameof(Uncertainty));
        if (!Enum.IsDefined(SampleVersusMeanEmptyPairs)) throw new ArgumentException($"Unknown EmptyPairConvention {SampleVersusMeanEmptyPairs}.");
        if (!Enum.IsDefined(ModeAssignment)) throw new ArgumentException($"Unknown ModeAssignment {ModeAssignment}.");
        if (CalibrationBins < 1) throw new ArgumentException($"EvaluationOptions.CalibrationBins must be at least 1, got {CalibrationBins}.");
        if (UncertaintyErrorBins < 1) throw new ArgumentException($"EvaluationOptions.UncertaintyErrorBins must be at least 1, got {UncertaintyErrorBins}.");
        if (MarginalBins < 1) throw new ArgumentException($"EvaluationOptions.MarginalBins must be at least 1, got {MarginalBins}.");
        if (ExampleCount < 0) throw new ArgumentException($"EvaluationOptions.ExampleCount must be ≥ 0, got {ExampleCount}.");
    }

    /// <summary>Whether <paramref name="analysis"/> is switched on.</summary>
    internal bool Runs(EvaluationAnalyses analysis) => (Analyses & analysis) == analysis;
}
