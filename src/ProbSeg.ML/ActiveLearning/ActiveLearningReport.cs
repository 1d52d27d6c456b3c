namespace ProbSeg.ML.ActiveLearning;

/// <summary>What <see cref="ActiveLearningLoop.Run"/> did: one entry per round, the initial round first.</summary>
/// <param name="Strategy">Name of the query strategy.</param>
/// <param name="Seed">The loop's seed.</param>
/// <param name="Rounds">The rounds in order (acquisition rounds + 1).</param>
public sealed record ActiveLearningReport(string Strategy, int Seed, IReadOnlyList<ActiveLearningRound> Rounds)
{
    /// <summary>Every labelled pool index in the order it was added.</summary>
    public IReadOnlyList<int> LabelledIndices => Rounds.SelectMany(r => r.Chosen).ToArray();
}
