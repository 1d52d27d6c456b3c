namespace ProbSeg.ML.Training;

/// <summary>What a training run did.</summary>
/// <param name="Steps">Optimisation steps taken.</param>
/// <param name="Epochs">Epochs started.</param>
/// <param name="FinalLoss">Loss of the last step.</param>
/// <param name="BestValidationScore">Best validation score, if validated.</param>
/// <param name="BestStep">Step of the kept checkpoint, if one was selected.</param>
/// <param name="LossHistory">Loss of every step.</param>
/// <param name="ValidationHistory">(step, score) of every validation.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record TrainingReport(int Steps, int Epochs, double FinalLoss, double? BestValidationScore, int? BestStep,
    IReadOnlyList<double> LossHistory, IReadOnlyList<(int Step, double Score)> ValidationHistory, TimeSpan Elapsed);
