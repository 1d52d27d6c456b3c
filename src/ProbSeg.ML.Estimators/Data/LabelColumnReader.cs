using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Reads a label column (known-size vector <c>[A, H, W]</c> of class ids) into the engine's byte layout.
/// </summary>
/// <remarks>
/// Accepted item types: Byte, SByte, Int16, UInt16, Int32, UInt32, Int64, Single, Double (floats must hold whole
/// numbers). Dimensions <c>[A, H, W]</c>, <c>[H, W]</c> (one annotator) or flat with a multiple of H·W values.
/// <para>Missing annotator: a slot whose values are all <see cref="AmbiguousDataset.MissingAnnotation"/> (255), or all
/// -1 for signed and floating-point types, is an absent annotator. A slot that starts with the marker must carry it in
/// every pixel, and a present slot must not contain it. An all-zero slot is a real "nothing there" vote.</para>
/// </remarks>
internal abstract class LabelColumnReader
{
    private static readonly DataViewType[] ItemTypes =
    [
        NumberDataViewType.Byte, NumberDataViewType.SByte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64, NumberDataViewType.Single,
        NumberDataViewType.Double,
    ];

    protected LabelColumnReader(string column, int annotators, int height, int width)
    {
        Column = column;
        Annotators = annotators;
        Height = height;
        Width = width;
    }

    public string Column { get; }
    public int Annotators { get; }
    public int Height { get; }
    public int Width { get; }
    public int Size => Annotators * Height * Width;

    /// <summary>Checks the column's type against the image plane and returns the number of annotator slots A.</summary>
    public static int Bind(DataViewSchema schema, string column, int height, int width, string paramName = "inputSchema")
    {
        var col = ColumnChecks.Require(schema, column, "label", paramName);
        var type = ColumnChecks.RequireKnownSizeVector(col, "label", paramName, ItemTypes);
        var dims = type.Dimensions;
        int px = height * width;
        string expected = $"a vector with dimensions [A, {height}, {width}] (annotators × image plane)";
        switch (dims.Length)
        {
            case 3 when dims[1] == height && dims[2] == width: return dims[0];
            case 2 when dims[0] == height && dims[1] == width: return 1;
            case 1 when type.Size % px == 0: return type.Size / px;
            default:
                throw ColumnChecks.Mismatch(paramName, "label", column, expected,
                    dims.Length > 1 ? $"dimensions [{string.Join(", ", dims.ToArray())}]" : $"a flat vector of {type.Size} values");
        }
    }

    public static LabelColumnReader Create(DataViewRow row, string column, int annotators, int height, int width)
    {
        var col = row.Schema[column];
        var raw = ((VectorDataViewType)col.Type).ItemType.RawType;
        return raw switch
        {
            _ when raw == typeof(byte) => new Typed<byte>(row, col, annotators, height, width, signed: false),
            _ when raw == typeof(sbyte) => new Typed<sbyte>(row, col, annotators, height, width, signed: true),
            _ when raw == typeof(short) => new Typed<short>(row, col, annotators, height, width, signed: true),
            _ when raw == typeof(ushort) => new Typed<ushort>(row, col, annotators, height, width, signed: false),
            _ when raw == typeof(int) => new Typed<int>(row, col, annotators, height, width, signed: true),
            _ when raw == typeof(uint) => new Typed<uint>(row, col, annotators, height, width, signed: false),
            _ when raw == typeof(long) => new Typed<long>(row, col, annotators, height, width, signed: true),
            _ when raw == typeof(float) => new Typed<float>(row, col, annotators, height, width, signed: true),
            _ when raw == typeof(double) => new Typed<double>(row, col, annotators, height, width, signed: true),
            _ => throw new InvalidOperationException($"Label column '{column}' has unsupported item type {raw.Name}."),
        };
    }

    /// <summary>
    /// Reads the current row into <paramref name="destination"/> (A·H·W bytes, <see cref="AmbiguousDataset.MissingAnnotation"/>
    /// for absent slots) and checks every present id is below <paramref name="classLimit"/>; returns the largest id seen
    /// (-1 when every slot is absent).
    /// </summary>
    public int Read(Span<byte> destination, long row, int classLimit, string limitReason)
    {
        ReadRaw(destination, row);
        int px = Height * Width, largest = -1;
        for (int a = 0; a < Annotators; a++)
        {
            Span<byte> slot = destination.Slice(a * px, px);
            if (slot[0] == AmbiguousDataset.MissingAnnotation)
            {
                int other = slot.IndexOfAnyExcept(AmbiguousDataset.MissingAnnotation);
                if (other >= 0)
                    throw new InvalidOperationException($"Label column '{Column}' row {row} annotator slot {a} starts with the missing-annotation " +
                        $"marker but pixel {Pixel(other)} holds {slot[other]}; mark an absent annotator in every pixel of its slot.");
                continue;
            }
            int bad = slot.IndexOfAnyInRange((byte)Math.Min(classLimit, 255), (byte)255);
            if (bad >= 0)
            {
                string value = slot[bad] == AmbiguousDataset.MissingAnnotation ? "the missing-annotation marker" : $"class {slot[bad]}";
                throw new InvalidOperationException($"Label column '{Column}' row {row} annotator slot {a} holds {value} at pixel {Pixel(bad)}; " +
                    $"class ids must be in [0, {classLimit}) ({limitReason}).");
            }
            largest = Math.Max(largest, Max(slot));
        }
        return largest;
    }

    protected abstract void ReadRaw(Span<byte> destination, long row);

    protected string Pixel(int flat) => $"(y={flat / Width}, x={flat % Width})";

    private static int Max(ReadOnlySpan<byte> values)
    {
        var best = Vector<byte>.Zero;
        int i = 0;
        for (; i <= values.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            best = Vector.Max(best, new Vector<byte>(values.Slice(i)));
        int max = 0;
        for (int k = 0; k < Vector<byte>.Count; k++) max = Math.Max(max, best[k]);
        for (; i < values.Length; i++) max = Math.Max(max, values[i]);
        return max;
    }

    private sealed class Typed<T> : LabelColumnReader where T : struct, INumberBase<T>
    {
        private readonly ValueGetter<VBuffer<T>> _getter;
        private readonly bool _signed;
        private VBuffer<T> _buffer;
        private T[] _dense = [];

        public Typed(DataViewRow row, DataViewSchema.Column column, int annotators, int height, int width, bool signed)
            : base(column.Name, annotators, height, width)
        {
            _getter = row.GetGetter<VBuffer<T>>(column);
            _signed = signed;
        }

        protected override void ReadRaw(Span<byte> destination, long row)
        {
            _getter(ref _buffer);
            if (_buffer.Length != destination.Length)
                throw new InvalidOperationException($"Label column '{Column}' row {row} holds {_buffer.Length} values; expected {destination.Length}.");
            if (typeof(T) == typeof(byte))
            {
                _buffer.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(destination));
                return;
            }
            if (_dense.Length != destination.Length) _dense = new T[destination.Length];
            _buffer.CopyTo(_dense);
            int px = Height * Width;
            for (int i = 0; i < _dense.Length; i++)
            {
                double v = double.CreateTruncating(_dense[i]);
                if (v == -1 && _signed) destination[i] = AmbiguousDataset.MissingAnnotation;
                else if (v >= 0 && v <= 255 && v == Math.Floor(v)) destination[i] = (byte)v;
                else
                    throw new InvalidOperationException($"Label column '{Column}' row {row} annotator slot {i / px} holds {Convert.ToString(_dense[i], System.Globalization.CultureInfo.InvariantCulture)} at pixel " +
                        $"{Pixel(i % px)}; labels must be whole class ids in [0, 255), or {AmbiguousDataset.MissingAnnotation}" +
                        (_signed ? " / -1" : "") + " for an absent annotator.");
            }
        }
    }
}
