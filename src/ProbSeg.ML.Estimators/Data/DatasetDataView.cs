using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>Presents an <see cref="AmbiguousDataset"/> as an <see cref="IDataView"/> (lazily: rows are copied as they are read).</summary>
internal static class DatasetDataView
{
    /// <summary>One row: the shapes are set on the schema, per dataset.</summary>
    private sealed class Row
    {
        public float[] Image = [];
        public byte[] Label = [];
        public string Id = "";
        public string Group = "";
    }

    public static IDataView Create(MLContext context, AmbiguousDataset dataset, string imageColumn, string labelColumn,
        string idColumn, string groupColumn)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Image)].ColumnName = imageColumn;
        schema[nameof(Row.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dataset.Channels, dataset.Height, dataset.Width);
        schema[nameof(Row.Label)].ColumnName = labelColumn;
        schema[nameof(Row.Label)].ColumnType = new VectorDataViewType(NumberDataViewType.Byte, dataset.Annotators, dataset.Height, dataset.Width);
        schema[nameof(Row.Id)].ColumnName = idColumn;
        schema[nameof(Row.Group)].ColumnName = groupColumn;
        return context.Data.LoadFromEnumerable(Rows(dataset), schema);
    }

    private static IEnumerable<Row> Rows(AmbiguousDataset dataset)
    {
        for (int i = 0; i < dataset.Count; i++)
            yield return new Row
            {
                Image = dataset.Image(i).ToArray(),
                Label = dataset.Annotations(i).ToArray(),
                Id = dataset.Ids[i],
                Group = dataset.Groups[i],
            };
    }
}
