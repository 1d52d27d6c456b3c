namespace ProbSeg.ML.Metrics;

/// <summary>
/// How the present annotators vote on a pixel (foreground = any non-zero class). Equal to Czolbe's bins of the binary
/// entropy h of the annotator mean (<c>model_vs_annotator_uncertainty.py</c>): h = 0, 0 &lt; h &lt; 1, h ≥ 1.
/// </summary>
public enum AnnotatorAgreement
{
    /// <summary>All annotators agree (0/4 or 4/4 foreground votes).</summary>
    AllAgree,
    /// <summary>Some disagree, but not evenly (1/4 or 3/4).</summary>
    SomeDisagree,
    /// <summary>Evenly split (2/4).</summary>
    EvenlySplit,
}
