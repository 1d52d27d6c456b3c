using System.Numerics;
using System.Runtime.InteropServices;

namespace ProbSeg.ML.Data.Readers;

/// <summary>Vectorised loops of the readers' per-pixel work (a full LIDC read touches ~800 M values).</summary>
internal static class SpanMath
{
    /// <summary>The largest byte (0 for an empty span).</summary>
    public static byte Max(ReadOnlySpan<byte> values)
    {
        var max = Vector<byte>.Zero;
        int i = 0;
        for (; i <= values.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            max = Vector.Max(max, new Vector<byte>(values[i..]));
        byte result = 0;
        for (int k = 0; k < Vector<byte>.Count; k++) result = Math.Max(result, max[k]);
        for (; i < values.Length; i++) result = Math.Max(result, values[i]);
        return result;
    }

    /// <summary><paramref name="destination"/>[i] = <paramref name="source"/>[i].</summary>
    public static void Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        int i = 0, n = Vector<byte>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var ints = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (; i <= source.Length - n; i += n)
            {
                Vector.Widen(new Vector<byte>(source[i..]), out var lo, out var hi);
                Vector.Widen(lo, out var a, out var b);
                Vector.Widen(hi, out var c, out var d);
                int v = i / Vector<float>.Count;
                ints[v] = Vector.ConvertToSingle(Vector.AsVectorInt32(a));
                ints[v + 1] = Vector.ConvertToSingle(Vector.AsVectorInt32(b));
                ints[v + 2] = Vector.ConvertToSingle(Vector.AsVectorInt32(c));
                ints[v + 3] = Vector.ConvertToSingle(Vector.AsVectorInt32(d));
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    /// <summary><paramref name="values"/>[i] = <paramref name="values"/>[i] · <paramref name="multiply"/> + <paramref name="add"/>.</summary>
    public static void MultiplyAdd(Span<float> values, float multiply, float add)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var m = new Vector<float>(multiply);
        var a = new Vector<float>(add);
        for (int v = 0; v < vectors.Length; v++) vectors[v] = vectors[v] * m + a;
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++) values[i] = values[i] * multiply + add;
    }
}
