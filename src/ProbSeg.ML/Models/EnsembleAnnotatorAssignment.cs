namespace ProbSeg.ML.Models;

/// <summary>Which annotation each member of a <see cref="UNetEnsemble"/> trains on.</summary>
public enum EnsembleAnnotatorAssignment
{
    /// <summary>
    /// Member k trains on annotator slot k mod A (Czolbe <c>ensemble</c>: <c>zip(y_hats, cycle(ys))</c>); where that
    /// slot is missing for an image, on the batch's random present annotator instead.
    /// </summary>
    MemberAnnotator,

    /// <summary>Every member trains on the batch's random present annotator per image (the other models' protocol).</summary>
    RandomAnnotator,
}
