namespace ProbSeg.ML.Metrics;

/// <summary>Which classes an overlap score (IoU, Dice) looks at, and how it averages them. Class 0 is background.</summary>
public enum ClassAveraging
{
    /// <summary>
    /// IoU per foreground class 1..K−1, averaged over those classes (for K = 2 simply class 1). The reference default:
    /// PHiSeg <c>generalised_energy_distance(..., nlabels - 1, label_range=range(1, nlabels))</c> and SSN
    /// <c>1 - mean(IoU[..., 1:])</c>.
    /// </summary>
    MeanOverForegroundClasses,

    /// <summary>
    /// Any non-zero class counts as one foreground mask ("lesion vs. not"), as CAR's <c>get_foreground_IoU</c>;
    /// identical to <see cref="MeanOverForegroundClasses"/> when K = 2.
    /// </summary>
    ForegroundUnion,
}
