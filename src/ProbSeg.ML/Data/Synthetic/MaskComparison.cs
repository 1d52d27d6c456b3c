using System.Numerics;
using System.Runtime.Intrinsics;

namespace ProbSeg.ML.Data.Synthetic;

/// <summary>Vectorised comparison of label masks.</summary>
internal static class MaskComparison
{
    /// <summary>Number of pixels where the two masks differ.</summary>
    internal static int CountMismatches(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Masks of different sizes: {a.Length} and {b.Length} pixels.");
        int mismatches = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var equal = Vector256.Equals(Vector256.Create(a.Slice(i, Vector256<byte>.Count)), Vector256.Create(b.Slice(i, Vector256<byte>.Count)));
                mismatches += Vector256<byte>.Count - BitOperations.PopCount(equal.ExtractMostSignificantBits());
            }
        }
        for (; i < a.Length; i++)
            if (a[i] != b[i]) mismatches++;
        return mismatches;
    }
}
