using System.Numerics;
using System.Runtime.InteropServices;

namespace ProbSeg.ML.Metrics;

/// <summary>
/// A process-independent hash of an image's data, so that random draws depend on the option's seed and the image
/// itself, not on where the image falls in a shard: merged shards draw exactly as one pass would.
/// </summary>
internal static class StableHash
{
    public static ulong Of(ReadOnlySpan<byte> data, ulong hash = 0x9E3779B97F4A7C15UL)
    {
        foreach (ulong word in MemoryMarshal.Cast<byte, ulong>(data)) hash = Step(hash, word);
        for (int x = data.Length & ~7; x < data.Length; x++) hash = Step(hash, data[x]);
        return Step(hash, (ulong)data.Length);
    }

    public static ulong Of(ReadOnlySpan<double> data, ulong hash) => Of(MemoryMarshal.AsBytes(data), hash);

    /// <summary>A seed for <see cref="Random"/> from the user's seed and an image hash.</summary>
    public static int Seed(int seed, ulong imageHash) => (int)(Step(imageHash, (ulong)(uint)seed) >> 33);

    private static ulong Step(ulong hash, ulong value) => BitOperations.RotateLeft((hash ^ value) * 0xBF58476D1CE4E5B9UL, 31) * 0x94D049BB133111EBUL;
}
