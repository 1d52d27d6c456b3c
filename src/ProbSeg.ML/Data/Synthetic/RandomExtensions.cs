namespace ProbSeg.ML.Data.Synthetic;

/// <summary>Draws the generators need beyond <see cref="Random"/>'s own.</summary>
internal static class RandomExtensions
{
    /// <summary>A uniform draw in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    internal static double NextUniform(this Random random, double min, double max) => min + (max - min) * random.NextDouble();

    /// <summary>A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple).</summary>
    internal static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An index drawn with the given probabilities (they sum to 1); rounding leftovers fall to the last positive one.</summary>
    internal static int NextCategorical(this Random random, ReadOnlySpan<double> probabilities)
    {
        double u = random.NextDouble();
        double cumulative = 0;
        int lastPositive = 0;
        for (int k = 0; k < probabilities.Length; k++)
        {
            if (probabilities[k] <= 0) continue;
            lastPositive = k;
            cumulative += probabilities[k];
            if (u < cumulative) return k;
        }
        return lastPositive;
    }
}
