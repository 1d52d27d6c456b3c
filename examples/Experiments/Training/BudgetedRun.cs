namespace ProbSeg.ML.Experiments.Training;

/// <summary>What one budgeted training run did.</summary>
/// <param name="Steps">Optimisation steps taken.</param>
/// <param name="Elapsed">Wall-clock training time.</param>
/// <param name="CpuTime">CPU time of the process during training (all threads).</param>
/// <param name="FinalLoss">Mean loss of the last 50 steps (one step's loss is noisy).</param>
/// <param name="StoppedBy">"time" or "steps".</param>
public sealed record BudgetedRun(int Steps, TimeSpan Elapsed, TimeSpan CpuTime, double FinalLoss, string StoppedBy);
