using Microsoft.ML;
using ProbSeg.ML.Data;

namespace ProbSeg.ML.Estimators;

/// <summary>Reads an <see cref="IDataView"/> with an image and a label column into the engine's <see cref="AmbiguousDataset"/>.</summary>
internal static class DataViewDatasetReader
{
    /// <summary>Reads every row.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="imageColumn">Float vector <c>[C, H, W]</c>.</param>
    /// <param name="labelColumn">Class ids <c>[A, H, W]</c> (see <see cref="LabelColumnReader"/> for types and the missing rule).</param>
    /// <param name="declaredShape">Image shape for flat image vectors; null infers it (<see cref="ColumnChecks.ImageShapeOf"/>).</param>
    /// <param name="classes">Number of classes, or 0 to infer it as the largest id + 1 (at least 2).</param>
    /// <param name="what">Names the data in messages ("training", "validation").</param>
    /// <param name="paramName">The argument that carries <paramref name="data"/>.</param>
    /// <param name="shapeAndClassesFrom">Where a given shape and class count come from, for messages.</param>
    public static AmbiguousDataset Read(IDataView data, string imageColumn, string labelColumn, ImageShape? declaredShape,
        int classes, string what, string paramName = "input", string? shapeAndClassesFrom = null)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        var shape = ImageColumnReader.Bind(data.Schema, imageColumn, declaredShape, paramName, shapeAndClassesFrom ?? "ImageShape option");
        int annotators = LabelColumnReader.Bind(data.Schema, labelColumn, shape.Height, shape.Width, paramName);
        int imageSize = shape.Size, labelSize = annotators * shape.PixelCount;
        int classLimit = classes > 0 ? classes : AmbiguousDataset.MissingAnnotation;
        string limitReason = classes <= 0 ? "255 marks an absent annotator"
            : shapeAndClassesFrom is null ? $"Classes = {classes}" : $"{shapeAndClassesFrom}: {classes} classes";

        long expectedRows = Math.Min(data.GetRowCount() ?? 16, Array.MaxLength / Math.Max(imageSize, labelSize));
        var images = new GrowableArray<float>(expectedRows * imageSize);
        var labels = new GrowableArray<byte>(expectedRows * labelSize);
        int largest = -1;
        long count = 0;
        var columns = new[] { data.Schema[imageColumn], data.Schema[labelColumn] };
        using (var cursor = data.GetRowCursor(columns))
        {
            var imageReader = ImageColumnReader.Create(cursor, cursor.Schema[imageColumn], shape);
            var labelReader = LabelColumnReader.Create(cursor, labelColumn, annotators, shape.Height, shape.Width);
            while (cursor.MoveNext())
            {
                if ((count + 1) * Math.Max(imageSize, labelSize) > Array.MaxLength)
                    throw new InvalidOperationException($"The {what} data is too large to hold in memory as one array ({count + 1} rows of {shape}).");
                imageReader.Read(images.Append(imageSize), count);
                int rowLargest = labelReader.Read(labels.Append(labelSize), count, classLimit, limitReason);
                if (rowLargest < 0)
                    throw new InvalidOperationException($"Label column '{labelColumn}' row {count} has no annotation: every annotator slot is marked missing.");
                largest = Math.Max(largest, rowLargest);
                count++;
            }
        }
        if (count == 0)
            throw new InvalidOperationException($"The {what} data is empty: it has no rows to read from columns '{imageColumn}' and '{labelColumn}'.");
        int k = classes > 0 ? classes : Math.Max(2, largest + 1);
        return new AmbiguousDataset(images.ToArray(), labels.ToArray(), (int)count, shape.Channels, shape.Height, shape.Width, annotators, k);
    }

    /// <summary>An array that doubles as rows arrive; sized exactly up front when the row count is known, so no copy.</summary>
    private sealed class GrowableArray<T>(long capacity)
    {
        private T[] _items = new T[capacity];
        private int _count;

        public Span<T> Append(int size)
        {
            if (_count + size > _items.Length)
                Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, Math.Max((long)_items.Length * 2, (long)_count + size)));
            var span = _items.AsSpan(_count, size);
            _count += size;
            return span;
        }

        public T[] ToArray()
        {
            if (_items.Length != _count) Array.Resize(ref _items, _count);
            return _items;
        }
    }
}
