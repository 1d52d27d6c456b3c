namespace ProbSeg.ML.Data.Synthetic;

/// <summary>
/// Derives independent seeds from (seed, stream, index) so that each image's random draws depend only on its own index:
/// the first n images of a larger set equal a set of n, and drawing more annotations never changes the images.
/// </summary>
internal static class SeedSequence
{
    /// <summary>Streams of random numbers kept apart, so adding draws to one never shifts another.</summary>
    internal enum Stream : ulong
    {
        Scene = 1,
        KindBlock = 2,
        Annotations = 3,
        ExtraAnnotations = 4,
        ClassFlips = 5,
    }

    /// <summary>A 31-bit seed for <see cref="Random"/> from SplitMix64 over the three inputs.</summary>
    internal static int Derive(int seed, Stream stream, long index)
    {
        ulong z = Mix((ulong)(uint)seed ^ Mix((ulong)stream * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index)));
        return (int)(z >> 33);
    }

    /// <summary>A <see cref="Random"/> seeded by <see cref="Derive"/>.</summary>
    internal static Random Create(int seed, Stream stream, long index) => new(Derive(seed, stream, index));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
