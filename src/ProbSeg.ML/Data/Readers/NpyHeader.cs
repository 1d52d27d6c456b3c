using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// The header of a <c>.npy</c> array (format versions 1.0, 2.0 and 3.0): element type, shape and where the data starts.
/// Only C-order, little-endian numeric arrays are accepted; anything else fails here with a message naming the file.
/// </summary>
public sealed partial class NpyHeader
{
    private NpyHeader(string source, NpyDType dtype, string descr, long[] shape, int headerBytes)
    {
        Source = source;
        DType = dtype;
        Descr = descr;
        Shape = shape;
        HeaderBytes = headerBytes;
        ElementSize = SizeOf(dtype);
        ElementCount = shape.Aggregate(1L, (a, b) => checked(a * b));
    }

    /// <summary>The file (and zip member) the header came from, for messages.</summary>
    public string Source { get; }
    /// <summary>The element type.</summary>
    public NpyDType DType { get; }
    /// <summary>The numpy type string, e.g. <c>|u1</c> or <c>&lt;f4</c>.</summary>
    public string Descr { get; }
    /// <summary>Dimensions, outermost first (empty for a scalar).</summary>
    public IReadOnlyList<long> Shape { get; }
    /// <summary>Bytes before the data (magic, version, length, header text).</summary>
    public int HeaderBytes { get; }
    /// <summary>Bytes per element.</summary>
    public int ElementSize { get; }
    /// <summary>Total number of elements.</summary>
    public long ElementCount { get; }
    /// <summary>Total data bytes.</summary>
    public long DataBytes => ElementCount * ElementSize;
    /// <summary>Rows along the first dimension (1 for a scalar).</summary>
    public long RowCount => Shape.Count == 0 ? 1 : Shape[0];
    /// <summary>Elements in one row (the product of all dimensions but the first).</summary>
    public long RowElements => Shape.Skip(1).Aggregate(1L, (a, b) => checked(a * b));
    /// <summary>Bytes in one row.</summary>
    public long RowBytes => RowElements * ElementSize;

    /// <summary>The shape as text, numpy style: <c>(9899, 128, 128)</c>.</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>Bytes per element of <paramref name="dtype"/>.</summary>
    public static int SizeOf(NpyDType dtype) => dtype switch
    {
        NpyDType.Bool or NpyDType.Int8 or NpyDType.UInt8 => 1,
        NpyDType.Int16 or NpyDType.UInt16 => 2,
        NpyDType.Int32 or NpyDType.UInt32 or NpyDType.Float32 => 4,
        _ => 8,
    };

    /// <summary>Reads a header from the start of <paramref name="stream"/>, leaving it at the first data byte.</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="source">The file (and member) name, used in error messages.</param>
    /// <exception cref="InvalidDataException">Not a .npy, truncated, or an unsupported layout or dtype.</exception>
    public static NpyHeader Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[12];
        ReadExactly(stream, prefix[..10], source, "the .npy preamble");
        if (prefix[0] != 0x93 || !prefix.Slice(1, 5).SequenceEqual("NUMPY"u8))
            throw Fail(source, "not a .npy array (missing the \\x93NUMPY magic string)");
        int major = prefix[6];
        int headerLength, preamble;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
                preamble = 10;
                break;
            case 2 or 3:
                ReadExactly(stream, prefix[10..12], source, "the .npy preamble");
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
                if (length > 1 << 24) throw Fail(source, $"header length {length} is implausible (corrupt file)");
                headerLength = (int)length;
                preamble = 12;
                break;
            default:
                throw Fail(source, $".npy format version {major}.{prefix[7]} is not supported (1.0, 2.0, 3.0 are)");
        }
        var text = new byte[headerLength];
        ReadExactly(stream, text, source, "the .npy header");
        // Versions 1 and 2 store the header in latin-1, version 3 in UTF-8 (numpy's format.py).
        string header = major == 3 ? Encoding.UTF8.GetString(text) : Encoding.Latin1.GetString(text);
        return Parse(header, source, preamble + headerLength);
    }

    private static NpyHeader Parse(string header, string source, int headerBytes)
    {
        if (DescrListPattern().IsMatch(header))
            throw Fail(source, "structured (record) dtypes are not supported; save plain numeric arrays");
        var descrMatch = DescrPattern().Match(header);
        var fortranMatch = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descrMatch.Success || !fortranMatch.Success || !shapeMatch.Success)
            throw Fail(source, $"unreadable .npy header '{header.Trim()}'");
        string descr = descrMatch.Groups[1].Value;
        var dtype = ParseDescr(descr, source);
        if (fortranMatch.Groups[1].Value == "True")
            throw Fail(source, $"array (dtype '{descr}') is stored in Fortran order; save it in C order (numpy.ascontiguousarray)");
        var shape = new List<long>();
        foreach (string part in shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out long dim))
                throw Fail(source, $"unreadable shape '({shapeMatch.Groups[1].Value})'");
            shape.Add(dim);
        }
        try
        {
            return new NpyHeader(source, dtype, descr, shape.ToArray(), headerBytes);
        }
        catch (OverflowException)
        {
            throw Fail(source, $"shape ({shapeMatch.Groups[1].Value}) is too large");
        }
    }

    private static NpyDType ParseDescr(string descr, string source)
    {
        if (descr.Length < 2) throw Fail(source, $"unreadable dtype '{descr}'");
        char order = descr[0];
        string kind = descr[1..];
        if (kind is "O" or "O8" or "O4")
            throw Fail(source, $"dtype '{descr}' holds pickled Python objects, which cannot be read; save a numeric array");
        NpyDType? dtype = kind switch
        {
            "b1" => NpyDType.Bool,
            "i1" => NpyDType.Int8,
            "u1" => NpyDType.UInt8,
            "i2" => NpyDType.Int16,
            "u2" => NpyDType.UInt16,
            "i4" => NpyDType.Int32,
            "u4" => NpyDType.UInt32,
            "i8" => NpyDType.Int64,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => null,
        };
        if (dtype is null)
            throw Fail(source, $"dtype '{descr}' is not supported (supported: bool, int8, uint8, int16, uint16, int32, uint32, int64, float32, float64)");
        if (order == '>' && SizeOf(dtype.Value) > 1)
            throw Fail(source, $"dtype '{descr}' is big-endian; save it little-endian (array.astype('<{kind}'))");
        if (order is not ('<' or '|' or '=' or '>'))
            throw Fail(source, $"unreadable dtype '{descr}'");
        return dtype.Value;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string source, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw Fail(source, $"truncated in {what}");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: corrupt data in {what} ({e.Message})", e);
        }
    }

    internal static InvalidDataException Fail(string source, string problem) => new($"{source}: {problem}.");

    [GeneratedRegex(@"['""]descr['""]\s*:\s*\[")]
    private static partial Regex DescrListPattern();
    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrPattern();
    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();
    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
