using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>Reads an image column (known-size float vector <c>[C, H, W]</c>) row by row, rejecting NaN and ±∞.</summary>
internal sealed class ImageColumnReader
{
    private readonly ValueGetter<VBuffer<float>> _getter;
    private VBuffer<float> _buffer;

    private ImageColumnReader(DataViewRow row, DataViewSchema.Column column, ImageShape shape)
    {
        _getter = row.GetGetter<VBuffer<float>>(column);
        Column = column.Name;
        Shape = shape;
    }

    public string Column { get; }
    public ImageShape Shape { get; }

    /// <summary>Checks the column's type and returns its image shape (see <see cref="ColumnChecks.ImageShapeOf"/>).</summary>
    public static ImageShape Bind(DataViewSchema schema, string column, ImageShape? declared, string paramName = "inputSchema",
        string declaredBy = "ImageShape option")
    {
        var col = ColumnChecks.Require(schema, column, "image", paramName);
        var type = ColumnChecks.RequireKnownSizeVector(col, "image", paramName, NumberDataViewType.Single);
        return ColumnChecks.ImageShapeOf(type, column, declared, paramName, declaredBy);
    }

    public static ImageColumnReader Create(DataViewRow row, DataViewSchema.Column column, ImageShape shape) => new(row, column, shape);

    /// <summary>Copies the current row's image into <paramref name="destination"/> (length C·H·W).</summary>
    public void Read(Span<float> destination, long row)
    {
        _getter(ref _buffer);
        if (_buffer.Length != destination.Length)
            throw new InvalidOperationException($"Image column '{Column}' row {row} holds {_buffer.Length} values; shape {Shape} needs {destination.Length}.");
        _buffer.CopyTo(destination);
        int bad = IndexOfNonFinite(destination);
        if (bad >= 0)
            throw new InvalidOperationException(
                $"Image column '{Column}' row {row} holds {destination[bad].ToString(System.Globalization.CultureInfo.InvariantCulture)} at {Describe(bad)}; images must be finite (no NaN or infinity).");
    }

    private string Describe(int flat)
    {
        int px = Shape.PixelCount;
        return $"channel {flat / px}, pixel (y={flat % px / Shape.Width}, x={flat % Shape.Width})";
    }

    /// <summary>First index holding NaN or ±∞, or -1 (x − x is 0 exactly for finite x).</summary>
    internal static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(values.Slice(i));
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero)) break;
            }
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }
}
