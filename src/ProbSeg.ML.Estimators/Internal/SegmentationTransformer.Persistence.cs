using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Estimators.Internal;
using ProbSeg.ML.Models;

[assembly: LoadableClass(typeof(SegmentationTransformer), null, typeof(SignatureLoadModel),
    "Probabilistic segmentation transformer", SegmentationTransformer.LoaderSignature)]

namespace ProbSeg.ML.Estimators;

// The ML.NET side of SegmentationTransformer: its base class, model save/load and the row mapper. These use ML.NET's
// internal persistence API, made reachable by build/PublicizeMlNet.targets and IgnoresAccessChecksTo.cs.
public sealed partial class SegmentationTransformer : RowToRowTransformerBase
{
    /// <summary>Names this transformer's loader in saved models (≤ 24 characters, unique across ML.NET components).</summary>
    internal const string LoaderSignature = "ProbSegSegmentationXf";
    private const string ModelEntry = "Model.bin";

    // Format 0x00010001: column names, N, seed, image shape, classes; then Model.bin (length-prefixed ModelArchive bytes).
    private static VersionInfo GetVersionInfo() => new(
        modelSignature: "PSEGXFRM",
        verWrittenCur: 0x00010001,
        verReadableCur: 0x00010001,
        verWeCanReadBack: 0x00010001,
        loaderSignature: LoaderSignature,
        // The simple name, so models load across versions of this assembly (notes/mlnet-persistence.md).
        loaderAssemblyName: typeof(SegmentationTransformer).Assembly.GetName().Name);

    internal SegmentationTransformer(IHostEnvironment env, SegmentationModel model, SegmentationTransformerSettings settings, string device)
        : base(Register(env))
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(model);
        Model = model;
        Settings = settings;
        Device = device;
        _predictor = new Sampling.SegmentationPredictor(model, device, batchSize: 1);
    }

    private static IHost Register(IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return env.Register(nameof(SegmentationTransformer));
    }

    /// <summary>Writes the settings and the model (weights included) into ML.NET's model file.</summary>
    protected override void SaveModel(ModelSaveContext ctx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        var s = Settings;
        foreach (string column in new[] { s.ImageColumnName, s.ScoreColumnName, s.PredictedLabelColumnName, s.SamplesColumnName, s.UncertaintyColumnName })
            ctx.SaveNonEmptyString(column);
        ctx.Writer.Write(s.NumberOfSamples);
        ctx.Writer.Write(s.SamplingSeed);
        ctx.Writer.Write(s.ImageShape.Channels);
        ctx.Writer.Write(s.ImageShape.Height);
        ctx.Writer.Write(s.ImageShape.Width);
        ctx.Writer.Write(Model.Classes);
        byte[] bytes = ModelArchive.ToBytes(Model);
        ctx.SaveBinaryStream(ModelEntry, w =>
        {
            w.Write(bytes.Length);
            w.Write(bytes);
        });
    }

    // Found by ML.NET's component catalog through [LoadableClass] when a saved model is loaded.
    private static SegmentationTransformer Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.CheckAtModel(GetVersionInfo());
        string image = ctx.LoadNonEmptyString(), score = ctx.LoadNonEmptyString(), predicted = ctx.LoadNonEmptyString(),
            samples = ctx.LoadNonEmptyString(), uncertainty = ctx.LoadNonEmptyString();
        int n = ctx.Reader.ReadInt32(), seed = ctx.Reader.ReadInt32();
        var shape = new ImageShape(ctx.Reader.ReadInt32(), ctx.Reader.ReadInt32(), ctx.Reader.ReadInt32());
        int classes = ctx.Reader.ReadInt32();
        byte[]? bytes = null;
        if (!ctx.TryLoadBinaryStream(ModelEntry, r => bytes = r.ReadBytes(r.ReadInt32())))
            throw new InvalidDataException($"The saved segmentation transformer has no '{ModelEntry}' entry (its weights); the model file is incomplete.");
        SegmentationModel model = ModelArchive.FromBytes(bytes!);
        if (model.Classes != classes || model.InputChannels != shape.Channels)
            throw new InvalidDataException($"The saved segmentation model has {model.InputChannels} channels and {model.Classes} classes; " +
                $"the transformer expects {shape.Channels} channels and {classes} classes.");
        var settings = new SegmentationTransformerSettings(image, score, predicted, samples, uncertainty, n, seed, shape);
        var (gpu, fallback) = MlNetInternals.GpuSettings(env);
        return new SegmentationTransformer(env, model, settings, DeviceChoice.Resolve(null, gpu, fallback, warn: null));
    }

    /// <summary>Binds the transformer to an input schema.</summary>
    protected override IRowMapper MakeRowMapper(DataViewSchema schema) => new Mapper(this, schema);

    private sealed class Mapper : MapperBase
    {
        private readonly SegmentationTransformer _parent;
        private readonly int _imageIndex;

        public Mapper(SegmentationTransformer parent, DataViewSchema inputSchema)
            : base(parent.Host.Register(nameof(Mapper)), inputSchema, parent)
        {
            _parent = parent;
            _imageIndex = SegmentationRowGetters.BindInput(inputSchema, parent.Settings);
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumnsCore() =>
            SegmentationRowGetters.OutputColumns(_parent.Settings, _parent.Model.Classes)
                .Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type)).ToArray();

        // All four outputs of a row share one model run, so the getters are made together around one row cache.
        public override Delegate[] CreateGetters(DataViewRow input, Func<int, bool> activeOutput, out Action? disposer)
        {
            disposer = null;
            return SegmentationRowGetters.Create(_parent, input, activeOutput);
        }

        protected override Delegate MakeGetter(DataViewRow input, int iinfo, Func<int, bool> activeOutput, out Action? disposer)
        {
            disposer = null;
            return SegmentationRowGetters.Create(_parent, input, i => i == iinfo)[iinfo];
        }

        protected override Func<int, bool> GetDependenciesCore(Func<int, bool> activeOutput)
        {
            bool any = Enumerable.Range(0, SegmentationRowGetters.OutputCount).Any(activeOutput);
            return col => any && col == _imageIndex;
        }

        protected override void SaveModel(ModelSaveContext ctx) => _parent.SaveModel(ctx);
    }
}
