namespace ProbSeg.ML.Experiments.Runs;

/// <summary>When, where and how a run was started, for the report header.</summary>
/// <param name="Command">The exact command line.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="LoadAtStart">Load averages at the start (the cores are shared).</param>
/// <param name="Commit">The repository's commit, "+ local changes" when the tree differs from it; null outside git.</param>
public sealed record RunInfo(string Command, DateTime StartedUtc, string LoadAtStart, string? Commit = null);
