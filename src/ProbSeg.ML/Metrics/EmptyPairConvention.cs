namespace ProbSeg.ML.Metrics;

/// <summary>What IoU/Dice a pair of masks gets when neither contains the class (anchors §0, table).</summary>
public enum EmptyPairConvention
{
    /// <summary>
    /// Both empty is perfect agreement: IoU = Dice = 1, distance 0. The default of PHiSeg
    /// (<c>utils.py: generalised_energy_distance</c>), the SSN LIDC fork, CAR and MoSE (LIDC) and, via ε, Czolbe.
    /// </summary>
    CountAsPerfect,

    /// <summary>
    /// Both empty is undefined (NaN) and left out of every mean, as in Kohl's Cityscapes evaluation
    /// (<c>metrics_from_conf_matrix</c>, <c>np.nanmean</c>) and the SSN Dice table (<c>calc_dsc</c>).
    /// </summary>
    Exclude,
}
