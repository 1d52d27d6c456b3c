using Microsoft.ML;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Probabilistic segmentation in ML.NET: <see cref="Trainers"/>, <see cref="Data"/> and <see cref="Evaluate"/>.
/// Get it with <c>mlContext.Segmentation()</c>.
/// </summary>
public sealed class SegmentationCatalog
{
    internal SegmentationCatalog(MLContext context)
    {
        Trainers = new SegmentationTrainers(context);
        Data = new SegmentationDataCatalog(context);
    }

    /// <summary>The segmentation trainers.</summary>
    public SegmentationTrainers Trainers { get; }

    /// <summary>Loading data sets and converting between <see cref="IDataView"/> and the engine's dataset.</summary>
    public SegmentationDataCatalog Data { get; }

    /// <summary>
    /// Scores how well the sampled segmentations in <paramref name="data"/> match the annotators (one row per image, as
    /// produced by a segmentation transformer over data with a label column).
    /// </summary>
    /// <param name="data">Scored data: the label column and the transformer's outputs.</param>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c>, the same column types as for training.</param>
    /// <param name="samplesColumnName">Sampled class ids <c>[N, H, W]</c>.</param>
    /// <param name="predictedLabelColumnName">Predicted class ids <c>[H, W]</c>.</param>
    /// <param name="scoreColumnName">Mean probabilities <c>[K, H, W]</c>; its first dimension gives K when <paramref name="classes"/> is 0.</param>
    /// <param name="classes">Number of classes K; 0 reads it from the score column's dimensions.</param>
    /// <param name="gedOptions">Distance conventions (empty pairs, class averaging, ground-truth sampling); null uses
    /// PHiSeg's (d = 1 − IoU over the foreground classes, both-empty pairs count as IoU 1, all annotators). The class
    /// count is set from <paramref name="classes"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing, or its type or shape does not fit.</exception>
    /// <exception cref="InvalidOperationException">The data is empty, or a label is outside the classes.</exception>
    public SegmentationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string samplesColumnName = "Samples",
        string predictedLabelColumnName = "PredictedLabel", string scoreColumnName = "Score", int classes = 0, GedOptions? gedOptions = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SegmentationEvaluator.Evaluate(data, labelColumnName, samplesColumnName, predictedLabelColumnName, scoreColumnName, classes, gedOptions);
    }

    /// <summary>
    /// Runs every analysis of the seed papers for <paramref name="model"/> over labelled <paramref name="data"/>: GED,
    /// diversity and HM-IoU; PHiSeg's γ-maps and S_NCC; SSN's samples-vs-mean Dice; class-wise ECE and the reliability
    /// diagram; Czolbe's uncertainty by TP/TN/FP/FN and by annotator agreement with its error correlation; and, given
    /// <paramref name="modes"/>, mode-frequency calibration (Kohl). Render the report with <c>ProbSeg.ML.Plots</c>.
    /// </summary>
    /// <param name="model">A trained segmentation transformer (it is sampled directly, to obtain each sample's softmax).</param>
    /// <param name="data">Rows with the model's image column and a label column.</param>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c>.</param>
    /// <param name="options">Analysis options (paper defaults when null).</param>
    /// <param name="modes">The true modes, when known (synthetic set: <c>ModeReference.FromSynthetic</c>; class-flip
    /// protocol: <c>ModeReference.FromClassFlip</c>), for mode-frequency calibration.</param>
    /// <param name="numberOfSamples">Samples per image (16, as Czolbe's and PHiSeg's validation).</param>
    public EvaluationReport Analyze(SegmentationTransformer model, IDataView data, string labelColumnName = "Label",
        EvaluationOptions? options = null, ModeReference? modes = null, int numberOfSamples = 16) =>
        SegmentationAnalyzer.Analyze(model, data, labelColumnName, options, modes, numberOfSamples);
}
