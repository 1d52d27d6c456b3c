using System.Runtime.InteropServices;

namespace ProbSeg.ML.Data.Readers;

/// <summary>Widening conversions from raw little-endian .npy elements (the host is assumed little-endian, as every
/// .NET platform that runs TorchSharp is).</summary>
internal static class NpyConvert
{
    public static void ToSingle(NpyDType dtype, ReadOnlySpan<byte> raw, Span<float> destination)
    {
        switch (dtype)
        {
            case NpyDType.Bool or NpyDType.UInt8: SpanMath.Widen(raw[..destination.Length], destination); break;
            case NpyDType.Int8: Widen(MemoryMarshal.Cast<byte, sbyte>(raw), destination, v => v); break;
            case NpyDType.Int16: Widen(MemoryMarshal.Cast<byte, short>(raw), destination, v => v); break;
            case NpyDType.UInt16: Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination, v => v); break;
            case NpyDType.Int32: Widen(MemoryMarshal.Cast<byte, int>(raw), destination, v => v); break;
            case NpyDType.UInt32: Widen(MemoryMarshal.Cast<byte, uint>(raw), destination, v => v); break;
            case NpyDType.Int64: Widen(MemoryMarshal.Cast<byte, long>(raw), destination, v => v); break;
            case NpyDType.Float32: MemoryMarshal.Cast<byte, float>(raw)[..destination.Length].CopyTo(destination); break;
            case NpyDType.Float64: Widen(MemoryMarshal.Cast<byte, double>(raw), destination, v => (float)v); break;
        }
    }

    public static void ToDouble(NpyDType dtype, ReadOnlySpan<byte> raw, Span<double> destination)
    {
        switch (dtype)
        {
            case NpyDType.Bool or NpyDType.UInt8: for (int i = 0; i < destination.Length; i++) destination[i] = raw[i]; break;
            case NpyDType.Int8: Widen(MemoryMarshal.Cast<byte, sbyte>(raw), destination, v => v); break;
            case NpyDType.Int16: Widen(MemoryMarshal.Cast<byte, short>(raw), destination, v => v); break;
            case NpyDType.UInt16: Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination, v => v); break;
            case NpyDType.Int32: Widen(MemoryMarshal.Cast<byte, int>(raw), destination, v => v); break;
            case NpyDType.UInt32: Widen(MemoryMarshal.Cast<byte, uint>(raw), destination, v => v); break;
            case NpyDType.Int64: Widen(MemoryMarshal.Cast<byte, long>(raw), destination, v => v); break;
            case NpyDType.Float32: Widen(MemoryMarshal.Cast<byte, float>(raw), destination, v => v); break;
            case NpyDType.Float64: MemoryMarshal.Cast<byte, double>(raw)[..destination.Length].CopyTo(destination); break;
        }
    }

    /// <summary>Integer view for ids and labels; floats must hold whole numbers.</summary>
    /// <returns>The index of the first non-integral float, or −1.</returns>
    public static int ToInt64(NpyDType dtype, ReadOnlySpan<byte> raw, Span<long> destination)
    {
        switch (dtype)
        {
            case NpyDType.Bool or NpyDType.UInt8: for (int i = 0; i < destination.Length; i++) destination[i] = raw[i]; break;
            case NpyDType.Int8: Widen(MemoryMarshal.Cast<byte, sbyte>(raw), destination, v => v); break;
            case NpyDType.Int16: Widen(MemoryMarshal.Cast<byte, short>(raw), destination, v => v); break;
            case NpyDType.UInt16: Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination, v => v); break;
            case NpyDType.Int32: Widen(MemoryMarshal.Cast<byte, int>(raw), destination, v => v); break;
            case NpyDType.UInt32: Widen(MemoryMarshal.Cast<byte, uint>(raw), destination, v => v); break;
            case NpyDType.Int64: MemoryMarshal.Cast<byte, long>(raw)[..destination.Length].CopyTo(destination); break;
            case NpyDType.Float32 or NpyDType.Float64:
                var values = new double[destination.Length];
                ToDouble(dtype, raw, values);
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != Math.Floor(values[i]) || Math.Abs(values[i]) > long.MaxValue / 2) return i;
                    destination[i] = (long)values[i];
                }
                break;
        }
        return -1;
    }

    private static void Widen<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination, Func<TFrom, TTo> convert)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = convert(source[i]);
    }
}
