using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Estimators;

/// <summary>Reads scored rows (labels, samples, predicted label) and averages the per-image metrics.</summary>
internal static class SegmentationEvaluator
{
    public static SegmentationMetrics Evaluate(IDataView data, string labelColumn, string samplesColumn, string predictedColumn,
        string scoreColumn, int classes, GedOptions? gedOptions)
    {
        var schema = data.Schema;
        var samplesType = ColumnChecks.RequireKnownSizeVector(ColumnChecks.Require(schema, samplesColumn, "samples", nameof(data)),
            "samples", nameof(data), NumberDataViewType.Byte);
        var predictedType = ColumnChecks.RequireKnownSizeVector(ColumnChecks.Require(schema, predictedColumn, "predicted label", nameof(data)),
            "predicted label", nameof(data), NumberDataViewType.Byte);
        if (samplesType.Dimensions.Length != 3)
            throw ColumnChecks.Mismatch(nameof(data), "samples", samplesColumn, "a vector with dimensions [N, H, W]", $"{samplesType.Dimensions.Length} dimension(s)");
        int n = samplesType.Dimensions[0], height = samplesType.Dimensions[1], width = samplesType.Dimensions[2], px = height * width;
        if (predictedType.Size != px)
            throw ColumnChecks.Mismatch(nameof(data), "predicted label", predictedColumn, $"{px} values ([{height}, {width}], as the samples)", $"{predictedType.Size} values");
        int k = classes > 0 ? classes : ClassesFromScore(schema, scoreColumn);
        if (k is < 2 or >= 255) throw new ArgumentOutOfRangeException(nameof(classes), k, "The class count must be in [2, 254].");
        int annotators = LabelColumnReader.Bind(schema, labelColumn, height, width, nameof(data));
        GedOptions options = ImageMetrics.ForClasses(gedOptions, k);

        var samples = new byte[n * px];
        var labels = new byte[annotators * px];
        var predicted = new byte[px];
        List<double> ged = [], sampleDiversity = [], annotatorDiversity = [], hmIoU = [], dice = [];
        long row = 0;
        using (var cursor = data.GetRowCursor([schema[labelColumn], schema[samplesColumn], schema[predictedColumn]]))
        {
            var labelReader = LabelColumnReader.Create(cursor, labelColumn, annotators, height, width);
            var samplesGetter = cursor.GetGetter<VBuffer<byte>>(schema[samplesColumn]);
            var predictedGetter = cursor.GetGetter<VBuffer<byte>>(schema[predictedColumn]);
            VBuffer<byte> buffer = default;
            for (; cursor.MoveNext(); row++)
            {
                if (labelReader.Read(labels, row, k, $"{k} classes") < 0) continue; // no annotator for this image
                samplesGetter(ref buffer);
                buffer.CopyTo(samples);
                RequireClasses(samples, k, samplesColumn, row);
                predictedGetter(ref buffer);
                buffer.CopyTo(predicted);
                RequireClasses(predicted, k, predictedColumn, row);

                var scores = ImageMetrics.Compute(samples, n, labels, annotators, predicted, px, options);
                ged.Add(scores.Ged.Ged);
                sampleDiversity.Add(scores.Ged.SampleDiversity);
                annotatorDiversity.Add(scores.Ged.AnnotatorDiversity);
                hmIoU.Add(scores.HungarianIoU);
                dice.Add(scores.DiceOfMean);
            }
        }
        if (row == 0) throw new InvalidOperationException($"Cannot evaluate: the data is empty (no rows in columns '{labelColumn}', '{samplesColumn}').");
        if (ged.Count == 0) throw new InvalidOperationException($"Cannot evaluate: none of the {row} rows has an annotation in label column '{labelColumn}'.");
        return new SegmentationMetrics(MeanOfDefined(ged), MeanOfDefined(sampleDiversity), MeanOfDefined(annotatorDiversity),
            MeanOfDefined(hmIoU), MeanOfDefined(dice), ged.Count, ged.ToArray());
    }

    // Under EmptyPairConvention.Exclude a score can be undefined (NaN) for an image; such images are left out of its mean.
    private static double MeanOfDefined(List<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }

    private static int ClassesFromScore(DataViewSchema schema, string scoreColumn)
    {
        var column = schema.GetColumnOrNull(scoreColumn);
        if (column is null)
            throw new ArgumentOutOfRangeException("classes", $"Score column '{scoreColumn}' not found, so the class count is unknown: pass classes.");
        if (column.Value.Type is not VectorDataViewType { Dimensions.Length: 3 } vector)
            throw ColumnChecks.Mismatch("data", "score", scoreColumn, "a vector with dimensions [K, H, W]", column.Value.Type.ToString() ?? "?");
        return vector.Dimensions[0];
    }

    private static void RequireClasses(ReadOnlySpan<byte> values, int classes, string column, long row)
    {
        int bad = values.IndexOfAnyInRange((byte)classes, byte.MaxValue);
        if (bad >= 0)
            throw new InvalidOperationException($"Column '{column}' row {row} holds class {values[bad]} at index {bad}; the data has {classes} classes.");
    }
}
