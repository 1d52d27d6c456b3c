using Microsoft.ML;
using Microsoft.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Schema checks that name the column and the expected versus actual type, in the words ML.NET's own
/// <c>GetOutputSchema</c> uses ("Schema mismatch for … column …"), thrown as <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
internal static class ColumnChecks
{
    public static ArgumentOutOfRangeException Mismatch(string paramName, string role, string column, string expected, string actual) =>
        new(paramName, $"Schema mismatch for {role} column '{column}': expected {expected}, got {actual}.");

    public static ArgumentOutOfRangeException NotFound(string paramName, string role, string column) =>
        new(paramName, $"Schema mismatch for {role} column '{column}': not found.");

    public static DataViewSchema.Column Require(DataViewSchema schema, string column, string role, string paramName = "inputSchema")
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.GetColumnOrNull(column) ?? throw NotFound(paramName, role, column);
    }

    /// <summary>The column's known-size vector type with one of <paramref name="itemTypes"/> as item type.</summary>
    public static VectorDataViewType RequireKnownSizeVector(DataViewSchema.Column column, string role, string paramName,
        params DataViewType[] itemTypes)
    {
        string expected = "a known-size vector of " + string.Join(" or ", itemTypes.Select(t => t.ToString()));
        if (column.Type is not VectorDataViewType vector || !vector.IsKnownSize || !itemTypes.Contains(vector.ItemType))
            throw Mismatch(paramName, role, column.Name, expected, column.Type.ToString() ?? column.Type.GetType().Name);
        return vector;
    }

    /// <summary>
    /// The image shape of an image column: its dimensions when the vector type carries <c>[C, H, W]</c> (or <c>[H, W]</c>,
    /// read as one channel); for a flat vector, <paramref name="declared"/> when given, else a square single-channel
    /// image when the size is a perfect square.
    /// </summary>
    public static ImageShape ImageShapeOf(VectorDataViewType type, string column, ImageShape? declared, string paramName,
        string declaredBy = "ImageShape option")
    {
        var dims = type.Dimensions;
        ImageShape? fromType = dims.Length switch
        {
            3 => new ImageShape(dims[0], dims[1], dims[2]),
            2 => new ImageShape(1, dims[0], dims[1]),
            _ => null,
        };
        if (fromType is not null)
        {
            if (declared is not null && declared != fromType)
                throw Mismatch(paramName, "image", column, $"shape {declared} ({declaredBy})", $"a vector with dimensions {fromType}");
            return fromType;
        }
        if (declared is not null)
        {
            if (declared.Size != type.Size)
                throw Mismatch(paramName, "image", column, $"{declared.Size} values for shape {declared} ({declaredBy})", $"a vector of {type.Size} values");
            return declared;
        }
        int side = (int)Math.Round(Math.Sqrt(type.Size));
        if (side * side != type.Size)
            throw Mismatch(paramName, "image", column, "a vector with dimensions [C, H, W], or a flat square single-channel image (or set ImageShape)",
                $"a flat vector of {type.Size} values");
        return new ImageShape(1, side, side);
    }
}
