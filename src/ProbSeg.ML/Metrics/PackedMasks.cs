using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProbSeg.ML.Metrics;

/// <summary>
/// Label maps packed once into one bit mask per compared class (one <see cref="ulong"/> per 64 pixels), with each
/// mask's pixel count and the range of its non-zero words, so that an intersection is a popcount over the overlap of
/// two ranges and no pair loop ever touches pixels.
/// </summary>
internal sealed class PackedMasks
{
    private readonly ulong[] _bits;   // [map, slot, word]
    private readonly int[] _sizes;    // [map, slot]
    private readonly int[] _first;    // [map, slot] first non-zero word (WordCount when empty)
    private readonly int[] _last;     // [map, slot] last non-zero word (-1 when empty)

    private PackedMasks(int mapCount, int slotCount, int wordCount)
    {
        MapCount = mapCount;
        SlotCount = slotCount;
        WordCount = wordCount;
        _bits = new ulong[(long)mapCount * slotCount * wordCount];
        _sizes = new int[mapCount * slotCount];
        _first = new int[mapCount * slotCount];
        _last = new int[mapCount * slotCount];
    }

    public int MapCount { get; }
    public int SlotCount { get; }
    public int WordCount { get; }

    /// <summary>Packs maps[indices] after checking every id is a class below K; <c>what</c> names the maps in errors.</summary>
    public static PackedMasks Pack(LabelMaps maps, ReadOnlySpan<int> indices, OverlapOptions options, string what)
    {
        int words = (maps.PixelCount + 63) / 64;
        var packed = new PackedMasks(indices.Length, options.ComparedClassCount, words);
        for (int m = 0; m < indices.Length; m++)
        {
            var map = maps[indices[m]];
            ThrowIfOutOfRange(map, options.Classes, what, indices[m]);
            for (int s = 0; s < packed.SlotCount; s++)
            {
                var dst = packed.Mask(m, s);
                if (options.Averaging == ClassAveraging.ForegroundUnion) PackEquals(map, 0, invert: true, dst);
                else PackEquals(map, (byte)(s + 1), invert: false, dst);
                packed.Summarise(m, s);
            }
        }
        return packed;
    }

    /// <summary>Pixels of class slot <paramref name="slot"/> in map <paramref name="map"/>.</summary>
    public int Size(int map, int slot) => _sizes[map * SlotCount + slot];

    /// <summary>Pixels set in both masks (same slot), by popcount over the overlap of their non-zero word ranges.</summary>
    public static int Intersection(PackedMasks a, int mapA, PackedMasks b, int mapB, int slot)
    {
        int ia = mapA * a.SlotCount + slot, ib = mapB * b.SlotCount + slot;
        int lo = Math.Max(a._first[ia], b._first[ib]);
        int hi = Math.Min(a._last[ia], b._last[ib]);
        if (lo > hi) return 0;
        var x = a.Mask(mapA, slot)[lo..(hi + 1)];
        var y = b.Mask(mapB, slot)[lo..(hi + 1)];
        return AndPopCount(x, y);
    }

    private Span<ulong> Mask(int map, int slot) =>
        _bits.AsSpan((map * SlotCount + slot) * WordCount, WordCount);

    private void Summarise(int map, int slot)
    {
        var mask = Mask(map, slot);
        int size = 0, first = WordCount, last = -1;
        for (int w = 0; w < mask.Length; w++)
        {
            if (mask[w] == 0) continue;
            size += BitOperations.PopCount(mask[w]);
            if (first == WordCount) first = w;
            last = w;
        }
        int i = map * SlotCount + slot;
        _sizes[i] = size;
        _first[i] = first;
        _last[i] = last;
    }

    private static int AndPopCount(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        y = y[..x.Length];
        int s0 = 0, s1 = 0, s2 = 0, s3 = 0, w = 0;
        for (; w + 4 <= x.Length; w += 4)
        {
            s0 += BitOperations.PopCount(x[w] & y[w]);
            s1 += BitOperations.PopCount(x[w + 1] & y[w + 1]);
            s2 += BitOperations.PopCount(x[w + 2] & y[w + 2]);
            s3 += BitOperations.PopCount(x[w + 3] & y[w + 3]);
        }
        for (; w < x.Length; w++) s0 += BitOperations.PopCount(x[w] & y[w]);
        return s0 + s1 + s2 + s3;
    }

    /// <summary>Bit b of word w is set when pixel 64·w + b equals <paramref name="value"/> (differs from it when <paramref name="invert"/>).</summary>
    internal static void PackEquals(ReadOnlySpan<byte> src, byte value, bool invert, Span<ulong> dst)
    {
        int x = 0, w = 0;
        ref byte origin = ref MemoryMarshal.GetReference(src);
        if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create(value);
            for (; x + 64 <= src.Length; x += 64, w++)
            {
                ulong lo = Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)x), target).ExtractMostSignificantBits();
                ulong hi = Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)(x + 32)), target).ExtractMostSignificantBits();
                ulong bits = lo | (hi << 32);
                dst[w] = invert ? ~bits : bits;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var target = Vector128.Create(value);
            for (; x + 64 <= src.Length; x += 64, w++)
            {
                ulong bits = 0;
                for (int q = 0; q < 4; q++)
                    bits |= (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref origin, (nuint)(x + 16 * q)), target).ExtractMostSignificantBits() << (16 * q);
                dst[w] = invert ? ~bits : bits;
            }
        }
        for (; w < dst.Length; w++)
        {
            ulong bits = 0;
            for (int b = 0; b < 64 && x < src.Length; b++, x++)
                if ((src[x] == value) != invert) bits |= 1UL << b;
            dst[w] = bits;
        }
    }

    /// <summary>Throws naming the map and pixel when an id is not a class in [0, K).</summary>
    internal static void ThrowIfOutOfRange(ReadOnlySpan<byte> map, int classes, string what, int index)
    {
        if (MaxOf(map) < classes) return;
        int x = 0;
        while (map[x] < classes) x++;
        string hint = map[x] == Data.AmbiguousDataset.MissingAnnotation
            ? $" ({Data.AmbiguousDataset.MissingAnnotation} marks a missing annotation only in the first pixel of an annotator slot)"
            : "";
        throw new ArgumentException($"{what} {index}: pixel {x} has class id {map[x]}, outside [0, {classes}){hint}.");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MaxOf(ReadOnlySpan<byte> map)
    {
        int x = 0;
        byte max = 0;
        if (Vector256.IsHardwareAccelerated && map.Length >= 32)
        {
            ref byte origin = ref MemoryMarshal.GetReference(map);
            var acc = Vector256<byte>.Zero;
            for (; x + 32 <= map.Length; x += 32) acc = Vector256.Max(acc, Vector256.LoadUnsafe(ref origin, (nuint)x));
            for (int i = 0; i < 32; i++) max = Math.Max(max, acc[i]);
        }
        for (; x < map.Length; x++) max = Math.Max(max, map[x]);
        return max;
    }
}
