namespace ProbSeg.ML.Metrics;

/// <summary>
/// Mode-frequency calibration for data with a known, discrete ground-truth distribution (the Cityscapes class-flip
/// protocol of Kohl et al. 2018, <c>evaluation/eval_cityscapes.py</c>; our synthetic sets): how often the model
/// samples each mode versus that mode's true probability, the data of a bisector plot.
/// </summary>
/// <remarks>How a sample is assigned to a mode (e.g. the mode it matches best) is the caller's choice; −1 means none.</remarks>
public static class ModeFrequencyCalibration
{
    /// <summary>Predicted frequency of each mode in one image.</summary>
    /// <param name="assignedModes">Mode id of each sample in [0, modes), or −1 when it matches no mode.</param>
    /// <param name="trueProbabilities">True probability of each mode (non-negative, finite).</param>
    public static ModeFrequencyResult Compute(ReadOnlySpan<int> assignedModes, ReadOnlySpan<double> trueProbabilities)
    {
        if (assignedModes.IsEmpty) throw new ArgumentException("At least one sample is needed.", nameof(assignedModes));
        if (trueProbabilities.IsEmpty) throw new ArgumentException("At least one mode is needed.", nameof(trueProbabilities));
        for (int mode = 0; mode < trueProbabilities.Length; mode++)
            if (!(trueProbabilities[mode] >= 0) || double.IsInfinity(trueProbabilities[mode]))
                throw new ArgumentException($"True probability of mode {mode} is {trueProbabilities[mode]}; it must be finite and non-negative.", nameof(trueProbabilities));
        var counts = new int[trueProbabilities.Length];
        int unassigned = 0;
        for (int i = 0; i < assignedModes.Length; i++)
        {
            int mode = assignedModes[i];
            if (mode == -1) { unassigned++; continue; }
            if ((uint)mode >= (uint)counts.Length)
                throw new ArgumentException($"Sample {i} is assigned mode {mode}, outside [0, {counts.Length}) and not −1.", nameof(assignedModes));
            counts[mode]++;
        }
        double n = assignedModes.Length;
        return new ModeFrequencyResult(counts.Select(c => c / n).ToArray(), trueProbabilities.ToArray(), unassigned / n);
    }
}
