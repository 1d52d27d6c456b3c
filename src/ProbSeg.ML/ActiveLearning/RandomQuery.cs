namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// The baseline: a uniform draw without replacement from the unlabelled images (Czolbe's <c>random</c> strategy, minus
/// its with-replacement <c>torch.randint</c> draw; anchors §0.3).
/// </summary>
public sealed class RandomQuery : IQueryStrategy
{
    /// <inheritdoc/>
    public string Name => "random";

    /// <inheritdoc/>
    public IReadOnlyList<int> Select(QueryContext context, int count)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Draw(context.Unlabelled, count, context.Random);
    }

    /// <summary><paramref name="count"/> distinct entries of <paramref name="candidates"/>, uniformly (partial Fisher–Yates).</summary>
    internal static int[] Draw(IReadOnlyList<int> candidates, int count, Random random)
    {
        if (count < 0 || count > candidates.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot draw {count} of {candidates.Count} candidates without replacement.");
        int[] pool = candidates.ToArray();
        for (int k = 0; k < count; k++)
        {
            int j = random.Next(k, pool.Length);
            (pool[k], pool[j]) = (pool[j], pool[k]);
        }
        return pool[..count];
    }
}
