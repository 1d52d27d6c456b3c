using Microsoft.ML;
using ProbSeg.ML.Data;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Options every segmentation trainer shares: columns, sampling, the optimisation loop, validation and device. Each
/// model's options class adds its architecture and loss settings.
/// </summary>
/// <remarks>
/// Optimisation defaults follow PHiSeg/SSN's LIDC configurations (Adam, learning rate 1e-3 constant, batch 12; see the
/// engine's <see cref="TrainingOptions"/>), except the number of epochs, which suits a CPU.
/// </remarks>
public abstract class SegmentationTrainerOptions
{
    /// <summary>Input: the image, a known-size float vector <c>[C, H, W]</c>.</summary>
    public string ImageColumnName { get; set; } = "Image";

    /// <summary>
    /// Input for training: the annotations, a known-size vector <c>[A, H, W]</c> of class ids (Byte, integer or
    /// whole-number floating types). An annotator slot filled with 255 (or -1 for signed and floating types) is an
    /// absent annotator; an all-zero slot is a real "nothing there" vote.
    /// </summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Output: mean class probabilities <c>[K, H, W]</c>.</summary>
    public string ScoreColumnName { get; set; } = "Score";

    /// <summary>Output: predicted class ids <c>[H, W]</c> (Byte).</summary>
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>Output: sampled class ids <c>[N, H, W]</c> (Byte).</summary>
    public string SamplesColumnName { get; set; } = "Samples";

    /// <summary>Output: predictive entropy in bits <c>[H, W]</c>.</summary>
    public string UncertaintyColumnName { get; set; } = "Uncertainty";

    /// <summary>
    /// The image shape when the image column is a flat vector (no <c>[C, H, W]</c> dimensions); null reads it from the
    /// column's dimensions, or takes a flat vector of S·S values as a square single-channel image.
    /// </summary>
    public ImageShape? ImageShape { get; set; }

    /// <summary>Samples N drawn per image by the trained transformer (16 as in the HM-IoU₁₆/GED₁₆ protocol).</summary>
    public int NumberOfSamples { get; set; } = 16;

    /// <summary>Number of classes K (2 for binary, background + foreground); 0 infers it from the training labels as the largest id + 1.</summary>
    public int Classes { get; set; }

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Stop after this many optimisation steps; 0 means no limit.</summary>
    public int MaxSteps { get; set; }

    /// <summary>Images per step (12 in PHiSeg's and SSN's LIDC configurations).</summary>
    public int BatchSize { get; set; } = 12;

    /// <summary>Adam learning rate (1e-3 constant in PHiSeg/SSN).</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Adam weight decay (L2); 0 disables it.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Clip the global gradient norm to this value; null disables clipping.</summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>
    /// Seed for weight initialisation, batch order and annotator draws; null derives one from the
    /// <see cref="MLContext"/>'s random source (as ML.NET trainers do), so <c>new MLContext(seed: 1)</c> makes training reproducible.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>Seed of the transformer's samples; null uses the training seed.</summary>
    public int? SamplingSeed { get; set; }

    /// <summary>
    /// Train on this annotator slot only; null (default) draws one present annotator per image per step, the papers'
    /// protocol (PHiSeg <c>annotator_range=range(4)</c>).
    /// </summary>
    public int? AnnotatorIndex { get; set; }

    /// <summary>
    /// Torch device, e.g. <c>"cpu"</c> or <c>"cuda:0"</c>; null follows <see cref="MLContext.GpuDeviceId"/> and
    /// <see cref="MLContext.FallbackToCpu"/> like ML.NET's TorchSharp trainers (CPU when no GPU id is set).
    /// </summary>
    public string? Device { get; set; }

    /// <summary>
    /// Optional validation data (same columns as the training data). Scored by the mean GED over
    /// <see cref="ValidationMaxImages"/> images with <see cref="ValidationSamples"/> samples each; with
    /// <see cref="SelectBestCheckpoint"/> the weights with the lowest GED are kept.
    /// </summary>
    public IDataView? ValidationSet { get; set; }

    /// <summary>Validate every this many steps; 0 validates at the end of each epoch.</summary>
    public int ValidationEvery { get; set; }

    /// <summary>Samples per image when validating (16, as PHiSeg's validation).</summary>
    public int ValidationSamples { get; set; } = 16;

    /// <summary>Validation images used (100 in PHiSeg); 0 uses all.</summary>
    public int ValidationMaxImages { get; set; } = 100;

    /// <summary>Keep the weights with the best validation GED (PHiSeg selects by best GED).</summary>
    public bool SelectBestCheckpoint { get; set; } = true;

    /// <summary>Optional per-sample augmentation of one image <c>[C, H, W]</c> and its annotations <c>[A, H, W]</c>, in place, with the trainer's seeded random source.</summary>
    public Action<Span<float>, Span<byte>, Random>? Augment { get; set; }

    /// <summary>Receives progress after every step (epoch, step, loss and its terms) and after every validation (with its GED).</summary>
    public Action<TrainingProgress>? Progress { get; set; }

    /// <summary>Write a log line to <c>MLContext.Log</c> every this many steps.</summary>
    public int LogEvery { get; set; } = 50;

    /// <summary>Checks the options; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public virtual void Validate()
    {
        RequireName(ImageColumnName, nameof(ImageColumnName));
        RequireName(LabelColumnName, nameof(LabelColumnName));
        RequireName(ScoreColumnName, nameof(ScoreColumnName));
        RequireName(PredictedLabelColumnName, nameof(PredictedLabelColumnName));
        RequireName(SamplesColumnName, nameof(SamplesColumnName));
        RequireName(UncertaintyColumnName, nameof(UncertaintyColumnName));
        ImageShape?.Validate(nameof(ImageShape));
        Require(NumberOfSamples >= 1, NumberOfSamples, nameof(NumberOfSamples), "Draw at least one sample per image.");
        Require(Classes == 0 || (Classes >= 2 && Classes < AmbiguousDataset.MissingAnnotation), Classes, nameof(Classes),
            "Use 0 to infer the class count, or 2 to 254 classes (255 marks an absent annotator).");
        Require(Epochs >= 1 || MaxSteps >= 1, Epochs, nameof(Epochs), "Set Epochs or MaxSteps to at least 1.");
        Require(MaxSteps >= 0, MaxSteps, nameof(MaxSteps), "MaxSteps must be 0 (no limit) or positive.");
        Require(BatchSize >= 1, BatchSize, nameof(BatchSize), "BatchSize must be at least 1.");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), LearningRate, nameof(LearningRate), "LearningRate must be positive.");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), WeightDecay, nameof(WeightDecay), "WeightDecay must be ≥ 0.");
        Require(GradientClipNorm is null or > 0, GradientClipNorm, nameof(GradientClipNorm), "GradientClipNorm must be positive (or null).");
        Require(AnnotatorIndex is null or >= 0, AnnotatorIndex, nameof(AnnotatorIndex), "AnnotatorIndex must be a slot index ≥ 0 (or null).");
        Require(ValidationEvery >= 0, ValidationEvery, nameof(ValidationEvery), "ValidationEvery must be ≥ 0.");
        Require(ValidationSamples >= 1, ValidationSamples, nameof(ValidationSamples), "Validate with at least one sample per image.");
        Require(ValidationMaxImages >= 0, ValidationMaxImages, nameof(ValidationMaxImages), "ValidationMaxImages must be ≥ 0 (0 uses all).");
        Require(LogEvery >= 0, LogEvery, nameof(LogEvery), "LogEvery must be ≥ 0.");
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for option <paramref name="name"/> unless <paramref name="ok"/>.</summary>
    protected static void Require(bool ok, object? value, string name, string message)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, message);
    }

    private static void RequireName(string? column, string name)
    {
        if (string.IsNullOrWhiteSpace(column)) throw new ArgumentOutOfRangeException(name, column, "A column name must not be empty.");
    }
}
