namespace ProbSeg.ML.Metrics;

/// <summary>Which prediction decides TP/TN/FP/FN in <see cref="UncertaintyAnalysis"/>.</summary>
public enum ConditionSource
{
    /// <summary>One thresholded sample (the first), as Czolbe's <c>test.py</c> (<c>y_hat = model.sample_prediction(x)</c>). Default.</summary>
    OneSample,
    /// <summary>The arg-max of the mean probabilities.</summary>
    MeanPrediction,
}
