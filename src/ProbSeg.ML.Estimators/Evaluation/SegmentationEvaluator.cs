using Microsoft.ML;
using Microsoft.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>Reads scored rows (labels, samples, predicted label) and averages the per-image metrics.</summary>
internal static class SegmentationEvaluator
{
    public static SegmentationMetrics Evaluate(IDataView data, string labelColumn, string samplesColumn, string predictedColumn,
        string scoreColumn, int classes)
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

        var samples = new byte[n * px];
        var labels = new byte[annotators * px];
        var predicted = new byte[px];
        var ged = new List<double>();
        double sampleDiversity = 0, annotatorDiversity = 0, hmIoU = 0, dice = 0;
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

                var terms = ImageMetrics.GedTerms(samples, n, labels, annotators, px, k);
                ged.Add(terms.Ged);
                sampleDiversity += terms.SampleDiversity;
                annotatorDiversity += terms.AnnotatorDiversity;
                hmIoU += ImageMetrics.HungarianIoU(samples, n, labels, annotators, px, k);
                dice += ImageMetrics.DiceVersusMajority(predicted, labels, annotators, px, k);
            }
        }
        if (row == 0) throw new InvalidOperationException($"Cannot evaluate: the data is empty (no rows in columns '{labelColumn}', '{samplesColumn}').");
        if (ged.Count == 0) throw new InvalidOperationException($"Cannot evaluate: none of the {row} rows has an annotation in label column '{labelColumn}'.");
        int count = ged.Count;
        return new SegmentationMetrics(ged.Average(), sampleDiversity / count, annotatorDiversity / count, hmIoU / count, dice / count, count, ged.ToArray());
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
