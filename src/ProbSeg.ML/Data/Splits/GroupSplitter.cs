namespace ProbSeg.ML.Data.Splits;

/// <summary>
/// Group-level (e.g. patient-level) splits: every image of a group lands in the same part, so near-duplicate slices of one
/// patient never sit on both sides of a split. Deterministic given the seed.
/// </summary>
/// <remarks>
/// Fractions count <b>groups</b>, not images, as PHiSeg's LIDC split over series uids (<c>data/lidc_data_loader.py</c>;
/// PHiSeg draws it without a seed, one of the reproducibility problems in notes/anchors.md §0 — here it is always seeded).
/// The distinct groups are sorted (ordinal) before the seeded shuffle, so the split depends only on the set of group
/// names and the seed, not on the order of the images.
/// </remarks>
public static class GroupSplitter
{
    /// <summary>Splits by the groups of <paramref name="dataset"/>.</summary>
    public static GroupSplit Split(AmbiguousDataset dataset, double trainFraction, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Split(dataset.Groups, trainFraction, validationFraction, testFraction, seed);
    }

    /// <summary>
    /// Splits images with the given group per image into train/validation/test parts holding about the given fractions of
    /// the groups (rounded; the test part takes the remainder).
    /// </summary>
    /// <param name="groups">Group of each image.</param>
    /// <param name="trainFraction">Fraction of groups for training.</param>
    /// <param name="validationFraction">Fraction of groups for validation.</param>
    /// <param name="testFraction">Fraction of groups for testing; the three must sum to 1.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <exception cref="ArgumentException">A negative fraction, fractions not summing to 1, or a null group.</exception>
    public static GroupSplit Split(IReadOnlyList<string> groups, double trainFraction, double validationFraction, double testFraction, int seed)
    {
        CheckFraction(nameof(trainFraction), trainFraction);
        CheckFraction(nameof(validationFraction), validationFraction);
        CheckFraction(nameof(testFraction), testFraction);
        double sum = trainFraction + validationFraction + testFraction;
        if (Math.Abs(sum - 1) > 1e-6)
            throw new ArgumentException($"Split fractions {trainFraction} + {validationFraction} + {testFraction} = {sum}; they must sum to 1.");

        var shuffled = ShuffledGroups(groups, seed);
        int g = shuffled.Length;
        int trainCount = (int)Math.Round(trainFraction * g, MidpointRounding.AwayFromZero);
        int validationCount = Math.Min(g - trainCount, (int)Math.Round(validationFraction * g, MidpointRounding.AwayFromZero));
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < g; k++) part[shuffled[k]] = k < trainCount ? 0 : k < trainCount + validationCount ? 1 : 2;

        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < groups.Count; i++)
            (part[groups[i]] switch { 0 => train, 1 => validation, _ => test }).Add(i);
        return new GroupSplit(train.ToArray(), validation.ToArray(), test.ToArray());
    }

    /// <summary>Group k-fold over the groups of <paramref name="dataset"/>.</summary>
    public static IReadOnlyList<GroupFold> KFold(AmbiguousDataset dataset, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return KFold(dataset.Groups, folds, seed);
    }

    /// <summary>
    /// Group k-fold: the shuffled groups are dealt round-robin into <paramref name="folds"/> folds (fold sizes differ by at
    /// most one group); fold f holds out its groups' images and trains on the rest. Every image is held out exactly once.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 folds, more folds than groups, or a null group.</exception>
    public static IReadOnlyList<GroupFold> KFold(IReadOnlyList<string> groups, int folds, int seed)
    {
        var shuffled = ShuffledGroups(groups, seed);
        if (folds < 2 || folds > shuffled.Length)
            throw new ArgumentOutOfRangeException(nameof(folds), $"Fold count {folds} must lie in [2, {shuffled.Length}] (the number of groups).");
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < shuffled.Length; k++) foldOf[shuffled[k]] = k % folds;

        var result = new GroupFold[folds];
        for (int f = 0; f < folds; f++)
        {
            var train = new List<int>();
            var test = new List<int>();
            for (int i = 0; i < groups.Count; i++) (foldOf[groups[i]] == f ? test : train).Add(i);
            result[f] = new GroupFold(f, train.ToArray(), test.ToArray());
        }
        return result;
    }

    private static string[] ShuffledGroups(IReadOnlyList<string> groups, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        for (int i = 0; i < groups.Count; i++)
            if (groups[i] is null) throw new ArgumentException($"Image {i} has a null group.", nameof(groups));
        var distinct = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(distinct);
        return distinct;
    }

    private static void CheckFraction(string name, double value)
    {
        if (!(value >= 0 && value <= 1)) throw new ArgumentOutOfRangeException(name, $"{name} = {value} must lie in [0, 1].");
    }
}
