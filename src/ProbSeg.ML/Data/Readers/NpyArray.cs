namespace ProbSeg.ML.Data.Readers;

/// <summary>A whole <c>.npy</c> array in memory: its header and its raw little-endian elements in C order.</summary>
public sealed class NpyArray
{
    /// <summary>Wraps a header and its data (not copied).</summary>
    public NpyArray(NpyHeader header, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != header.DataBytes)
            throw new ArgumentException($"{header.Source}: {data.LongLength} data bytes for shape {header.ShapeText} of '{header.Descr}' ({header.DataBytes} expected).", nameof(data));
        Header = header;
        Data = data;
    }

    /// <summary>The header (dtype, shape, source).</summary>
    public NpyHeader Header { get; }
    /// <summary>Raw elements, little-endian, C order.</summary>
    public byte[] Data { get; }
    /// <summary>The element type.</summary>
    public NpyDType DType => Header.DType;
    /// <summary>The dimensions.</summary>
    public IReadOnlyList<long> Shape => Header.Shape;
    /// <summary>The number of elements.</summary>
    public long Length => Header.ElementCount;

    /// <summary>The elements as <see cref="float"/> (64-bit values are rounded).</summary>
    public float[] ToSingle()
    {
        var result = new float[Length];
        NpyConvert.ToSingle(DType, Data, result);
        return result;
    }

    /// <summary>The elements as <see cref="double"/>.</summary>
    public double[] ToDouble()
    {
        var result = new double[Length];
        NpyConvert.ToDouble(DType, Data, result);
        return result;
    }

    /// <summary>The elements as <see cref="long"/>; floats must hold whole numbers.</summary>
    /// <exception cref="InvalidDataException">A float element is not a whole number.</exception>
    public long[] ToInt64()
    {
        var result = new long[Length];
        int bad = NpyConvert.ToInt64(DType, Data, result);
        if (bad >= 0) throw NpyHeader.Fail(Header.Source, $"element {bad} is not a whole number ({ToDouble()[bad]})");
        return result;
    }
}
