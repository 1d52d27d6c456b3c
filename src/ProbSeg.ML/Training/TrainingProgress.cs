namespace ProbSeg.ML.Training;

/// <summary>Where training stands; reported after each step (and after each validation, with its score).</summary>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Step">Steps done so far.</param>
/// <param name="Loss">Total loss of the last step.</param>
/// <param name="Terms">The last step's loss terms by name (e.g. <c>ce</c>, <c>kl</c>).</param>
/// <param name="ValidationScore">The validation score (lower is better, GED by default) if this report follows a validation.</param>
public sealed record TrainingProgress(int Epoch, int Step, double Loss, IReadOnlyDictionary<string, double> Terms, double? ValidationScore);
