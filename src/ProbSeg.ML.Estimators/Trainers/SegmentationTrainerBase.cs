using Microsoft.ML;
using Microsoft.ML.Runtime;
using ProbSeg.ML.Data;
using ProbSeg.ML.Estimators.Internal;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;
using TorchSharp;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// The part every segmentation trainer shares: it reads the <see cref="IDataView"/> into the engine's dataset (checking
/// columns, shapes and label values), seeds and builds the engine model, trains it with the shared loop (optionally
/// validating by GED and keeping the best checkpoint), logs to <c>MLContext.Log</c>, and wraps the result in a
/// <see cref="SegmentationTransformer"/>. A model's trainer only says how to build its engine model from its options
/// and the data's shape.
/// </summary>
/// <typeparam name="TOptions">The model's options.</typeparam>
public abstract class SegmentationTrainerBase<TOptions> : IEstimator<SegmentationTransformer>
    where TOptions : SegmentationTrainerOptions
{
    private readonly IHost _host;
    private readonly TOptions _options;

    private protected SegmentationTrainerBase(IHostEnvironment env, TOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _host = env.Register(name);
        _options = options;
        Name = name;
    }

    /// <summary>The trainer's name, used for its log channel.</summary>
    public string Name { get; }

    /// <summary>Builds the untrained engine model; TorchSharp's generator is already seeded.</summary>
    private protected abstract SegmentationModel CreateModel(TOptions options, SegmentationDataShape shape);

    /// <summary>Optionally watches the model while it trains (e.g. logs its events to <paramref name="channel"/>); disposed when training ends.</summary>
    private protected virtual IDisposable? ObserveTraining(SegmentationModel model, IChannel channel) => null;

    /// <summary>Trains on <paramref name="input"/>, validating on <see cref="SegmentationTrainerOptions.ValidationSet"/> when set.</summary>
    public SegmentationTransformer Fit(IDataView input) => Fit(input, _options.ValidationSet);

    /// <summary>Trains on <paramref name="trainData"/> and, when given, validates on <paramref name="validationData"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or shape.</exception>
    /// <exception cref="InvalidOperationException">The data is empty, holds a non-finite pixel or a label outside the classes.</exception>
    public SegmentationTransformer Fit(IDataView trainData, IDataView? validationData)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        var o = _options;
        using IChannel ch = _host.Start("Training");
        AmbiguousDataset train = DataViewDatasetReader.Read(trainData, o.ImageColumnName, o.LabelColumnName, o.ImageShape, o.Classes,
            "training", nameof(trainData));
        var shape = new SegmentationDataShape(new ImageShape(train.Channels, train.Height, train.Width), train.Classes, train.Annotators);
        AmbiguousDataset? validation = validationData is null ? null : DataViewDatasetReader.Read(validationData, o.ImageColumnName,
            o.LabelColumnName, shape.Image, train.Classes, "validation", nameof(validationData), "as the training data");
        if (o.AnnotatorIndex is int slot && slot >= train.Annotators)
            throw new ArgumentOutOfRangeException(nameof(o.AnnotatorIndex), slot, $"AnnotatorIndex {slot} is outside the label column's {train.Annotators} annotator slots.");

        int seed = o.Seed ?? _host.Rand.Next();
        var (gpu, fallback) = MlNetInternals.GpuSettings(_host);
        string device = DeviceChoice.Resolve(o.Device, gpu, fallback, message => ch.Warning(MessageSensitivity.None, message));
        ch.Info(MessageSensitivity.None, $"{Name}: {train.Count} images {shape.Image}, {train.Annotators} annotator slots, {train.Classes} classes" +
            (validation is null ? "" : $"; {validation.Count} validation images") + $"; seed {seed}, device {device}.");

        torch.random.manual_seed(seed); // weight init draws from TorchSharp's global generator
        SegmentationModel model = CreateModel(o, shape);
        try
        {
            TrainingReport report;
            using (ObserveTraining(model, ch))
            {
                report = SegmentationTrainer.Train(model, train, ToTrainingOptions(o, seed, device, ch), validation,
                    validation is null ? null : (m, data) => ValidationScore.MeanGed(m, data, o.ValidationSamples, o.ValidationMaxImages, seed, device));
            }
            ch.Info(MessageSensitivity.None, $"{Name}: {report.Steps} steps in {report.Elapsed.TotalSeconds:F1} s, final loss {report.FinalLoss:F4}" +
                (report.BestValidationScore is double best ? $", best validation GED {best:F4} at step {report.BestStep}" : "") + ".");
            var settings = new SegmentationTransformerSettings(o.ImageColumnName, o.ScoreColumnName, o.PredictedLabelColumnName,
                o.SamplesColumnName, o.UncertaintyColumnName, o.NumberOfSamples, o.SamplingSeed ?? seed, shape.Image);
            return new SegmentationTransformer(_host, model, settings, device);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The input schema plus the Score, PredictedLabel, Samples and Uncertainty columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image or label column is missing or not a vector of the right item type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return SegmentationSchemaShapes.TrainerOutput(inputSchema, _options);
    }

    private static TrainingOptions ToTrainingOptions(TOptions o, int seed, string device, IChannel ch) => new()
    {
        Epochs = o.Epochs,
        MaxSteps = o.MaxSteps,
        BatchSize = o.BatchSize,
        LearningRate = o.LearningRate,
        WeightDecay = o.WeightDecay,
        GradientClipNorm = o.GradientClipNorm,
        Seed = seed,
        AnnotatorIndex = o.AnnotatorIndex,
        Augment = o.Augment,
        ValidationEvery = o.ValidationEvery,
        ValidationSamples = o.ValidationSamples,
        ValidationMaxImages = o.ValidationMaxImages,
        SelectBestCheckpoint = o.SelectBestCheckpoint,
        Device = device,
        Log = message => ch.Info(MessageSensitivity.None, message),
        Progress = o.Progress,
        LogEvery = o.LogEvery,
    };
}
