using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// The output columns of a <see cref="SegmentationTransformer"/> and their getters. The four getters of one row share a
/// cache, so the model runs once per row however many outputs are read.
/// </summary>
internal static class SegmentationRowGetters
{
    public const int OutputCount = 4;
    private const int Score = 0, PredictedLabel = 1, Samples = 2, Uncertainty = 3;

    /// <summary>Checks the input schema and returns the index of the image column.</summary>
    public static int BindInput(DataViewSchema schema, SegmentationTransformerSettings settings)
    {
        ImageColumnReader.Bind(schema, settings.ImageColumnName, settings.ImageShape, "inputSchema", "the model's input shape");
        return schema[settings.ImageColumnName].Index;
    }

    /// <summary>Score <c>[K, H, W]</c>, PredictedLabel <c>[H, W]</c>, Samples <c>[N, H, W]</c>, Uncertainty <c>[H, W]</c>.</summary>
    public static (string Name, DataViewType Type)[] OutputColumns(SegmentationTransformerSettings s, int classes)
    {
        int h = s.ImageShape.Height, w = s.ImageShape.Width;
        return
        [
            (s.ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, classes, h, w)),
            (s.PredictedLabelColumnName, new VectorDataViewType(NumberDataViewType.Byte, h, w)),
            (s.SamplesColumnName, new VectorDataViewType(NumberDataViewType.Byte, s.NumberOfSamples, h, w)),
            (s.UncertaintyColumnName, new VectorDataViewType(NumberDataViewType.Single, h, w)),
        ];
    }

    public static Delegate[] Create(SegmentationTransformer parent, DataViewRow input, Func<int, bool> activeOutput)
    {
        var getters = new Delegate[OutputCount];
        if (!Enumerable.Range(0, OutputCount).Any(activeOutput)) return getters;
        var cache = new RowCache(parent, input);
        if (activeOutput(Score))
            getters[Score] = (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) => Fill(ref dst, cache.Current().ScoreOf(0)));
        if (activeOutput(PredictedLabel))
            getters[PredictedLabel] = (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> dst) => Fill(ref dst, cache.Current().PredictedLabelOf(0)));
        if (activeOutput(Samples))
            getters[Samples] = (ValueGetter<VBuffer<byte>>)((ref VBuffer<byte> dst) => Fill(ref dst, cache.Current().SamplesOf(0)));
        if (activeOutput(Uncertainty))
            getters[Uncertainty] = (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) => Fill(ref dst, cache.Current().UncertaintyOf(0)));
        return getters;
    }

    private static void Fill<T>(ref VBuffer<T> destination, ReadOnlySpan<T> values)
    {
        var editor = VBufferEditor.Create(ref destination, values.Length);
        values.CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>The prediction for the input row's current position (computed on first use per row).</summary>
    private sealed class RowCache(SegmentationTransformer parent, DataViewRow input)
    {
        private readonly ImageColumnReader _reader = ImageColumnReader.Create(
            input, input.Schema[parent.Settings.ImageColumnName], parent.Settings.ImageShape);
        private readonly float[] _image = new float[parent.Settings.ImageShape.Size];
        private long _position = -1;
        private SegmentationPrediction? _prediction;

        public SegmentationPrediction Current()
        {
            if (_prediction is null || input.Position != _position)
            {
                _prediction = null;
                _reader.Read(_image, input.Position);
                _prediction = parent.PredictRow(_image);
                _position = input.Position;
            }
            return _prediction;
        }
    }
}
