namespace ProbSeg.ML.Evaluation;

/// <summary>How a sample is assigned to one of an image's true modes for mode-frequency calibration.</summary>
public enum ModeAssignment
{
    /// <summary>
    /// The mode at the smallest distance d = 1 − IoU (mean over foreground classes, a class absent from both masks
    /// counting as IoU 1), ties to the lower mode id; every sample gets a mode. Kohl et al.'s rule
    /// (<c>evaluation/eval_cityscapes.py: get_mode_counts</c>, arg-min of the mean distance), except that Kohl averages
    /// over the switchable classes only, with NaN for absent ones. Default.
    /// </summary>
    NearestMode,
    /// <summary>
    /// The mode whose mask the sample equals exactly (<c>SyntheticAmbiguousData.ModeOf</c>, <c>ClassFlipDataset.ModeOf</c>);
    /// a sample equal to none is unassigned.
    /// </summary>
    ExactMatch,
}
