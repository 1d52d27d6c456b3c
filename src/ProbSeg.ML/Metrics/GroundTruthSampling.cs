namespace ProbSeg.ML.Metrics;

/// <summary>Which annotations stand for the ground-truth distribution in <see cref="GeneralizedEnergyDistance"/>.</summary>
public sealed record GroundTruthSampling
{
    private GroundTruthSampling(int drawCount, int seed)
    {
        DrawCount = drawCount;
        Seed = seed;
    }

    /// <summary>Every present annotator once (PHiSeg, SSN, CAR, MoSE: the default).</summary>
    public static GroundTruthSampling AllAnnotators { get; } = new(0, 0);

    /// <summary>
    /// <paramref name="count"/> annotations drawn uniformly with replacement from the present annotators, as Czolbe's
    /// <c>generalized_energy_distance(model, x, ys, sample_count)</c> (which uses as many draws as samples). Numbers are
    /// not comparable with <see cref="AllAnnotators"/> (anchors §0).
    /// </summary>
    /// <param name="count">Draws per image (≥ 1).</param>
    /// <param name="seed">Seed of the draws; each image draws with a seed derived from this and the image's IoUs, so sharded and single-pass evaluations agree.</param>
    public static GroundTruthSampling DrawnWithReplacement(int count, int seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), $"Draw count must be at least 1, got {count}.");
        return new GroundTruthSampling(count, seed);
    }

    /// <summary>Draws per image, or 0 for <see cref="AllAnnotators"/>.</summary>
    public int DrawCount { get; }

    /// <summary>Seed of the draws (unused for <see cref="AllAnnotators"/>).</summary>
    public int Seed { get; }

    /// <summary>The present-annotator indices that form the ground-truth set of an image identified by <paramref name="imageHash"/>.</summary>
    internal int[] Select(int annotatorCount, ulong imageHash)
    {
        if (DrawCount == 0 || annotatorCount == 0) return Enumerable.Range(0, annotatorCount).ToArray();
        var rng = new Random(StableHash.Seed(Seed, imageHash));
        var draws = new int[DrawCount];
        for (int k = 0; k < draws.Length; k++) draws[k] = rng.Next(annotatorCount);
        return draws;
    }
}
