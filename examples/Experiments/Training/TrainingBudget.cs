using System.Globalization;

namespace ProbSeg.ML.Experiments.Training;

/// <summary>
/// How long each model trains: a CPU-time limit, a step limit, or both (whichever is reached first).
/// </summary>
/// <remarks>
/// On the CPU the time limit counts the process's CPU time (all threads), not wall-clock time: on cores shared with
/// other jobs a wall-clock budget would reward whichever model happened to train while the machine was quiet. On a GPU
/// (<see cref="WallClock"/>) the host's CPU time says little about the work done, so the limit is wall-clock time.
/// </remarks>
/// <param name="CpuTime">CPU-time limit per model (training only, evaluation excluded), or null.</param>
/// <param name="Steps">Optimisation-step limit per model, or null.</param>
public sealed record TrainingBudget(TimeSpan? CpuTime, int? Steps)
{
    /// <summary>Whether <see cref="CpuTime"/> limits wall-clock time (training on a GPU) rather than CPU time.</summary>
    public bool WallClock { get; init; }

    /// <summary>Throws unless at least one positive limit is set.</summary>
    public void Validate()
    {
        if (CpuTime is null && Steps is null) throw new ArgumentException("Set a CPU-time budget, a step budget or both.");
        if (CpuTime is { } t && t <= TimeSpan.Zero) throw new ArgumentException($"The time budget must be positive, got {t}.");
        if (Steps is < 1) throw new ArgumentException($"The step budget must be at least 1, got {Steps}.");
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (CpuTime is { } t) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.##} {(WallClock ? "GPU" : "CPU")}-minute{(t.TotalMinutes == 1 ? "" : "s")}{(WallClock ? " (wall-clock)" : "")}"));
        if (Steps is { } s) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s} step{(s == 1 ? "" : "s")}"));
        return string.Join(" or ", parts) + (parts.Count > 1 ? " per model, whichever comes first" : " per model");
    }
}
