namespace ProbSeg.ML.Evaluation;

/// <summary>Which analyses an <see cref="EvaluationSuite"/> runs; combine with <c>|</c>.</summary>
[Flags]
public enum EvaluationAnalyses
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>GED, sample and annotator diversity, HM-IoU (PHiSeg, SSN, CAR, MoSE).</summary>
    Distribution = 1,
    /// <summary>PHiSeg's γ-maps and S_NCC; needs each sample's softmax.</summary>
    GammaMaps = 2,
    /// <summary>SSN: share of samples whose Dice beats the mean prediction's, and per-class Dice of the mean.</summary>
    SampleVersusMean = 4,
    /// <summary>Class-wise expected calibration error and reliability diagram of the mean prediction (SSN).</summary>
    Calibration = 8,
    /// <summary>Czolbe et al.: uncertainty by TP/TN/FP/FN and by annotator agreement, and its relation to pixel error.</summary>
    Uncertainty = 16,
    /// <summary>Kohl et al.: mode frequencies against true mode probabilities; needs a <see cref="ModeReference"/>.</summary>
    ModeCalibration = 32,
    /// <summary>Every analysis.</summary>
    All = Distribution | GammaMaps | SampleVersusMean | Calibration | Uncertainty | ModeCalibration,
}
