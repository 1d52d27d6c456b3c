using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Plots;

/// <summary>
/// Czolbe et al.'s model uncertainty against annotator agreement (<c>src/plot/model_vs_annotator_uncertainty.py</c>):
/// the distribution of pixel uncertainty where all annotators agree, some disagree, and the vote is evenly split.
/// Uncertainty that tracks expert disagreement rises from left to right.
/// </summary>
public static class UncertaintyByAgreementFigure
{
    /// <summary>Writes the violins of <paramref name="breakdown"/>'s three agreement levels as a PNG.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Save(UncertaintyBreakdown breakdown, string path,
        string title = "Model uncertainty by annotator agreement", int width = 700, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var plot = Figure.NewPlot(title, null, "uncertainty: entropy of the mean (bits)");
        HistogramViolins.Draw(plot,
        [
            ("all agree", breakdown.ByAgreement(AnnotatorAgreement.AllAgree)),
            ("some disagree", breakdown.ByAgreement(AnnotatorAgreement.SomeDisagree)),
            ("evenly split", breakdown.ByAgreement(AnnotatorAgreement.EvenlySplit)),
        ]);
        return Figure.Save(plot, path, width, height);
    }
}
