namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// A strategy that scores every unlabelled image and queries the <c>count</c> highest scores (Czolbe's
/// <c>argsort(score)[-add:]</c>, restricted to the unlabelled images). Derive from it to add a scorer.
/// </summary>
public abstract class ScoredQuery : IQueryStrategy
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>One score per entry of <see cref="QueryContext.Unlabelled"/>, in that order; higher is queried first.</summary>
    public abstract double[] Score(QueryContext context);

    /// <inheritdoc/>
    public IReadOnlyList<int> Select(QueryContext context, int count)
    {
        ArgumentNullException.ThrowIfNull(context);
        double[] scores = Score(context)
            ?? throw new InvalidOperationException($"Query strategy '{Name}' returned no scores.");
        if (scores.Length != context.Unlabelled.Count)
            throw new InvalidOperationException($"Query strategy '{Name}' returned {scores.Length} scores for {context.Unlabelled.Count} unlabelled images.");
        for (int k = 0; k < scores.Length; k++)
            if (double.IsNaN(scores[k]))
                throw new InvalidOperationException($"Query strategy '{Name}' scored pool image {context.Unlabelled[k]} as NaN.");
        return Top(context.Unlabelled, scores, count);
    }

    /// <summary>
    /// The <paramref name="count"/> candidates with the highest scores, highest first; ties go to the lower pool index so
    /// the choice does not depend on sort stability.
    /// </summary>
    public static int[] Top(IReadOnlyList<int> candidates, IReadOnlyList<double> scores, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != candidates.Count)
            throw new ArgumentException($"{scores.Count} scores for {candidates.Count} candidates.", nameof(scores));
        if (count < 0 || count > candidates.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot take {count} of {candidates.Count} candidates.");
        int[] order = Enumerable.Range(0, candidates.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : candidates[a].CompareTo(candidates[b]);
        });
        var top = new int[count];
        for (int k = 0; k < count; k++) top[k] = candidates[order[k]];
        return top;
    }
}
