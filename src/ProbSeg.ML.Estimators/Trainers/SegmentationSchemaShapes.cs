using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators.Internal;

namespace ProbSeg.ML.Estimators;

/// <summary>Schema-shape propagation for the trainers (<see cref="IEstimator{TTransformer}.GetOutputSchema"/>).</summary>
internal static class SegmentationSchemaShapes
{
    private static readonly DataViewType[] LabelItemTypes =
    [
        NumberDataViewType.Byte, NumberDataViewType.SByte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64, NumberDataViewType.Single,
        NumberDataViewType.Double,
    ];

    public static SchemaShape TrainerOutput(SchemaShape input, SegmentationTrainerOptions o)
    {
        RequireVector(input, o.ImageColumnName, "image", [NumberDataViewType.Single]);
        RequireVector(input, o.LabelColumnName, "label", LabelItemTypes);
        var columns = input.ToDictionary(c => c.Name, StringComparer.Ordinal);
        columns[o.ScoreColumnName] = MlNetInternals.VectorColumn(o.ScoreColumnName, NumberDataViewType.Single);
        columns[o.PredictedLabelColumnName] = MlNetInternals.VectorColumn(o.PredictedLabelColumnName, NumberDataViewType.Byte);
        columns[o.SamplesColumnName] = MlNetInternals.VectorColumn(o.SamplesColumnName, NumberDataViewType.Byte);
        columns[o.UncertaintyColumnName] = MlNetInternals.VectorColumn(o.UncertaintyColumnName, NumberDataViewType.Single);
        return new SchemaShape(columns.Values);
    }

    private static void RequireVector(SchemaShape input, string name, string role, DataViewType[] itemTypes)
    {
        string expected = "a known-size vector of " + string.Join(" or ", itemTypes.Select(t => t.ToString()));
        SchemaShape.Column? found = null;
        foreach (var column in input)
            if (column.Name == name) found = column;
        if (found is not SchemaShape.Column c) throw ColumnChecks.NotFound("inputSchema", role, name);
        if (c.Kind != SchemaShape.Column.VectorKind.Vector || c.IsKey || !itemTypes.Contains(c.ItemType))
        {
            string actual = (c.IsKey ? "key " : "") + c.Kind switch
            {
                SchemaShape.Column.VectorKind.Vector => $"vector of {c.ItemType}",
                SchemaShape.Column.VectorKind.VariableVector => $"variable-size vector of {c.ItemType}",
                _ => $"scalar {c.ItemType}",
            };
            throw ColumnChecks.Mismatch("inputSchema", role, name, expected, actual);
        }
    }
}
