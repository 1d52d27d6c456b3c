namespace ProbSeg.ML.Metrics;

/// <summary>The generalised energy distance of one image and its three terms (d = 1 − IoU).</summary>
/// <param name="Ged">
/// D²_GED = 2·E d(S,Y) − E d(S,S') − E d(Y,Y'): the squared form that PHiSeg's <c>generalised_energy_distance</c>
/// returns and that PHiSeg, SSN, CAR and MoSE tabulate as "GED". NaN when a term has no defined pair.
/// </param>
/// <param name="CrossDistance">E d(S,Y): mean distance between samples and ground-truth annotations.</param>
/// <param name="SampleDiversity">E d(S,S') over all N² sample pairs, i = j included (SSN fork's <c>diversity</c>).</param>
/// <param name="AnnotatorDiversity">E d(Y,Y') over all ground-truth pairs, i = j included ("expert diversity").</param>
public readonly record struct GedResult(double Ged, double CrossDistance, double SampleDiversity, double AnnotatorDiversity)
{
    /// <summary>The energy distance itself, √max(0, D²_GED); rarely tabulated, given for completeness.</summary>
    public double Distance => double.IsNaN(Ged) ? double.NaN : Math.Sqrt(Math.Max(0, Ged));
}
