namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// Chooses which unlabelled pool images to send to the annotators next (one acquisition step of
/// <see cref="ActiveLearningLoop"/>). Implement it to add a strategy; derive from <see cref="ScoredQuery"/> when the
/// strategy ranks images by a score.
/// </summary>
/// <remarks>
/// Contract, enforced by the loop: return exactly <c>count</c> distinct indices, all taken from
/// <see cref="QueryContext.Unlabelled"/> — draws are without replacement and a labelled image is never queried again
/// (Czolbe's <c>src/active_learning.py</c> breaks both; anchors §0.3). A strategy that breaks the contract stops the
/// loop with an <see cref="InvalidOperationException"/> naming it.
/// </remarks>
public interface IQueryStrategy
{
    /// <summary>Short name for reports and logs (e.g. <c>"random"</c>, <c>"output_uncertainty"</c>, Czolbe's names).</summary>
    string Name { get; }

    /// <summary>Picks <paramref name="count"/> distinct pool indices from <see cref="QueryContext.Unlabelled"/>.</summary>
    /// <param name="context">The trained model of this round, the pool and what is labelled.</param>
    /// <param name="count">How many images to add (at most <c>context.Unlabelled.Count</c>).</param>
    IReadOnlyList<int> Select(QueryContext context, int count);
}
