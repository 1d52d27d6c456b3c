namespace ProbSeg.ML.Experiments.Runs;

/// <summary>When, where and how a run was started, for the report header.</summary>
/// <param name="Command">The exact command line.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="LoadAtStart">Load averages at the start (the cores are shared).</param>
public sealed record RunInfo(string Command, DateTime StartedUtc, string LoadAtStart);
