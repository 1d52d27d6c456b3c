using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>Every analysis of one image (null where the analysis did not run).</summary>
/// <param name="ImageIndex">The image's index as passed to the suite.</param>
/// <param name="Ged">GED and its terms.</param>
/// <param name="HungarianMatchedIoU">HM-IoU.</param>
/// <param name="GammaMap">PHiSeg's γ-map and S_NCC (null also when sample probabilities were missing).</param>
/// <param name="SampleVersusMean">SSN's samples-versus-mean Dice comparison.</param>
/// <param name="Calibration">Class-wise ECE of the mean prediction.</param>
/// <param name="Uncertainty">Czolbe's uncertainty analysis.</param>
/// <param name="Modes">Mode-frequency calibration.</param>
public sealed record ImageEvaluation(int ImageIndex, GedResult? Ged, HungarianMatchedIoUResult? HungarianMatchedIoU, GammaMapResult? GammaMap,
    SampleVersusMeanDiceResult? SampleVersusMean, CalibrationResult? Calibration, UncertaintyAnalysisResult? Uncertainty,
    ModeCalibrationResult? Modes);
