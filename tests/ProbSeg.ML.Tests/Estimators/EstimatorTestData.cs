using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Data;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Tests.Support;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>Tiny data and fast trainer settings for the ML.NET face's tests.</summary>
internal static class EstimatorTestData
{
    /// <summary>A small U-Net (three levels, 8–32 channels) trained for a few steps: enough to exercise the plumbing.</summary>
    public static DeterministicUNetOptions FastOptions(int? seed = 1) => new()
    {
        UNetChannels = [8, 16, 32],
        ConvolutionsPerLevel = 2,
        Epochs = 2,
        BatchSize = 8,
        LearningRate = 3e-3,
        NumberOfSamples = 4,
        Seed = seed,
        LogEvery = 0,
    };

    /// <summary>16×16 single-channel squares with two annotators (see <see cref="TinyData.Squares"/>).</summary>
    public static AmbiguousDataset Squares(int count = 16, int seed = 0) => TinyData.Squares(count, seed: seed);

    public static IDataView SquaresView(MLContext ml, int count = 16, int seed = 0) =>
        ml.Segmentation().Data.FromDataset(Squares(count, seed));

    /// <summary>Every row's values of a vector column.</summary>
    public static List<T[]> Column<T>(IDataView data, string name)
    {
        var column = data.Schema[name];
        var rows = new List<T[]>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(buffer.DenseValues().ToArray());
        }
        return rows;
    }

    /// <summary>An in-memory view with an image column and a label column of the given types and values.</summary>
    public static IDataView Custom<TImage, TLabel>(MLContext ml, DataViewType imageType, TImage[][] images, DataViewType labelType, TLabel[][] labels)
    {
        var rows = images.Zip(labels, (i, l) => new CustomRow<TImage, TLabel> { Image = i, Label = l }).ToList();
        var schema = SchemaDefinition.Create(typeof(CustomRow<TImage, TLabel>));
        schema["Image"].ColumnType = imageType;
        schema["Label"].ColumnType = labelType;
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public sealed class CustomRow<TImage, TLabel>
    {
        public TImage[] Image = [];
        public TLabel[] Label = [];
    }
}
