using System.Diagnostics;
using System.Reflection;
using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Reporting;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>
/// Runs a comparison's models in the current process, or spread over <c>--jobs N</c> child processes of this program.
/// </summary>
/// <remarks>
/// Processes rather than threads: TorchSharp's global generator is seeded before each model is built, and two models
/// drawing from it at once would make both runs irreproducible. Each child runs its models one at a time with one
/// LibTorch thread, so N jobs keep N cores busy, and the CPU-time budget of each model stays the same as in a serial run.
/// </remarks>
public static class ParallelJobs
{
    /// <summary>
    /// Trains and evaluates the models; returns their results in table order, or null in a child process (whose results
    /// go to its <c>--results-file</c> for the parent to report).
    /// </summary>
    public static IReadOnlyList<ModelResult>? Run(ExperimentArguments args, CommonOptions common, ComparisonSetup setup,
        Func<int, PredictionView, FigureRow> figureRow, Action<IReadOnlyList<ModelResult>> afterEach)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(common);
        if (common.ResultsFile is { } file)
        {
            ComparisonRunner.Run(setup, figureRow, partial => ResultsFile.Write(file, partial));
            return null;
        }
        if (common.Jobs <= 1 || common.Models.Count <= 1) return ComparisonRunner.Run(setup, figureRow, afterEach);
        return RunChildren(args, common, afterEach);
    }

    /// <summary>Deals the models round-robin into at most <paramref name="jobs"/> groups (table order within each).</summary>
    public static IReadOnlyList<IReadOnlyList<ModelEntry>> Partition(IReadOnlyList<ModelEntry> models, int jobs)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        return Enumerable.Range(0, Math.Min(jobs, models.Count))
            .Select(j => (IReadOnlyList<ModelEntry>)models.Where((_, i) => i % jobs == j).ToArray()).ToArray();
    }

    private static IReadOnlyList<ModelResult> RunChildren(ExperimentArguments args, CommonOptions common, Action<IReadOnlyList<ModelResult>> afterEach)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"probseg-jobs-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var groups = Partition(common.Models, common.Jobs);
        var running = new List<(Process Process, IReadOnlyList<ModelEntry> Models, string File)>();
        try
        {
            for (int j = 0; j < groups.Count; j++)
            {
                string file = Path.Combine(folder, $"job-{j}.json");
                var overrides = new Dictionary<string, string?>
                {
                    ["jobs"] = null,
                    ["models"] = string.Join(",", groups[j].Select(m => m.Name)),
                    ["results-file"] = file,
                    ["threads"] = args.String("threads") ?? "1",
                };
                Console.WriteLine($"job {j + 1}/{groups.Count}: {overrides["models"]}");
                running.Add((Start(args.With(overrides)), groups[j], file));
            }
            var results = new List<ModelResult>();
            var pending = running.ToList();
            while (pending.Count > 0)
            {
                int done = Task.WaitAny(pending.Select(r => r.Process.WaitForExitAsync()).ToArray());
                var job = pending[done];
                pending.RemoveAt(done);
                results.AddRange(Collect(job.Process, job.Models, job.File));
                afterEach(InTableOrder(results, common.Models));
            }
            return InTableOrder(results, common.Models);
        }
        finally
        {
            foreach (var job in running)
            {
                if (!job.Process.HasExited) job.Process.Kill(entireProcessTree: true);
                job.Process.Dispose();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts this program again with <paramref name="arguments"/>, sharing the console.</summary>
    private static Process Start(IReadOnlyList<string> arguments)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet Experiments.dll` the process is the dotnet host, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (string a in arguments) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
    }

    /// <summary>A finished job's results; its models that have none are reported as failed, with the exit code.</summary>
    private static IEnumerable<ModelResult> Collect(Process process, IReadOnlyList<ModelEntry> models, string file)
    {
        var found = File.Exists(file) ? ResultsFile.Read(file) : [];
        foreach (ModelEntry entry in models)
            yield return found.FirstOrDefault(r => r.Entry.Name == entry.Name)
                ?? new ModelResult(entry, 0, null, null, null, $"its job process exited with code {process.ExitCode} before finishing it");
    }

    private static IReadOnlyList<ModelResult> InTableOrder(IEnumerable<ModelResult> results, IReadOnlyList<ModelEntry> order) =>
        results.OrderBy(r => order.Select(m => m.Name).ToList().IndexOf(r.Entry.Name)).ToArray();
}
