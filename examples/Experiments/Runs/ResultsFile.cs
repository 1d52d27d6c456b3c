using System.Text.Json;
using System.Text.Json.Serialization;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Training;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>
/// Model results as JSON, the way a <c>--jobs</c> child process hands them to its parent: everything a report needs
/// (per-image scores, training run, figure path), but not the predictions behind the figures, which the child has drawn.
/// </summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // A model that never leaves the background can score NaN on an empty-truth ratio; keep it rather than fail.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record Stored(string Model, long Parameters, BudgetedRun? Training, ImageScores[]? Scores,
        TimeSpan? EvaluationElapsed, string? FigurePath, string? Failure, bool Retried);

    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/> whole or not at all (temporary file, then rename).</summary>
    public static void Write(string path, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stored = results.Select(r => new Stored(r.Entry.Name, r.Parameters, r.Training, r.Evaluation?.Scores.ToArray(),
            r.Evaluation?.Elapsed, r.FigurePath, r.Failure, r.Retried)).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stored, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads results written by <see cref="Write"/>; model names are looked up in <see cref="ModelRegistry"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a results file or names an unknown model.</exception>
    public static IReadOnlyList<ModelResult> Read(string path)
    {
        Stored[]? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored[]>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a results file: {e.Message}", e);
        }
        if (stored is null) throw new InvalidDataException($"{path} holds no results.");
        return stored.Select(s =>
        {
            ModelEntry entry = ModelRegistry.All.FirstOrDefault(e => e.Name == s.Model)
                ?? throw new InvalidDataException($"{path} names an unknown model '{s.Model}'.");
            ModelEvaluation? evaluation = s.Scores is null ? null
                : new ModelEvaluation(s.Scores, ScoreSummary.From(s.Scores), new Dictionary<int, PredictionView>(), s.EvaluationElapsed ?? TimeSpan.Zero);
            return new ModelResult(entry, s.Parameters, s.Training, evaluation, s.FigurePath, s.Failure, s.Retried);
        }).ToArray();
    }
}
