namespace ProbSeg.ML.Data.Synthetic;

/// <summary>How the annotators of one synthetic image disagree; each synthetic image has exactly one kind.</summary>
public enum AmbiguityKind
{
    /// <summary>
    /// A faint object that an annotator outlines with probability p, else draws an empty mask. p grows linearly with
    /// the object's contrast, so the image tells how likely a "present" vote is but never which vote a given annotator casts.
    /// </summary>
    Presence,

    /// <summary>
    /// A blurred blob whose annotators outline different iso-levels of its intensity profile (tight, middle or wide
    /// border) with set probabilities.
    /// </summary>
    Border,

    /// <summary>
    /// Two clearly visible parts, a disc (part A) and a square (part B); an annotator outlines A only, B only, or both,
    /// with set probabilities.
    /// </summary>
    Mode,

    /// <summary>A clear disc that every annotator outlines identically (one mode with probability 1): a control.</summary>
    Certain,
}
