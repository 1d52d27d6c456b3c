namespace ProbSeg.ML.Training;

/// <summary>
/// How <see cref="SegmentationTrainer"/> optimises a model. Defaults follow PHiSeg/SSN (Adam, lr 1e-3 constant,
/// batch 12; anchors §1–2) except the number of epochs, which suits a CPU.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training set (ignored when <see cref="MaxSteps"/> ends training first).</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Stop after this many optimisation steps; 0 means no limit.</summary>
    public int MaxSteps { get; set; }

    /// <summary>Images per step (12 in PHiSeg and SSN's LIDC configs).</summary>
    public int BatchSize { get; set; } = 12;

    /// <summary>Adam learning rate (1e-3 constant in PHiSeg/SSN; Kohl used 1e-4).</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Adam weight decay (L2); 0 disables it. Kohl adds 1e-5·ΣW².</summary>
    public double WeightDecay { get; set; }

    /// <summary>Clip the global gradient norm to this value; null disables clipping.</summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>Seed for weight init, batch order, annotator draws and augmentation.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// Train on this annotator slot only; null (default) draws one present annotator per image per step, the papers'
    /// protocol (PHiSeg <c>annotator_range=range(4)</c>).
    /// </summary>
    public int? AnnotatorIndex { get; set; }

    /// <summary>
    /// Optional per-sample augmentation applied in place to one image <c>[C,H,W]</c> and its annotations <c>[A,H,W]</c>
    /// (the same geometric transform for both) with the trainer's seeded random source.
    /// </summary>
    public Action<Span<float>, Span<byte>, Random>? Augment { get; set; }

    /// <summary>Validate every this many steps; 0 validates at the end of each epoch.</summary>
    public int ValidationEvery { get; set; }

    /// <summary>Samples per image when validating (16 in PHiSeg's validation).</summary>
    public int ValidationSamples { get; set; } = 16;

    /// <summary>Validation images used (100 in PHiSeg); 0 uses all.</summary>
    public int ValidationMaxImages { get; set; } = 100;

    /// <summary>Keep the weights with the best validation score (PHiSeg selects by best GED).</summary>
    public bool SelectBestCheckpoint { get; set; } = true;

    /// <summary>Torch device, e.g. <c>"cpu"</c> or <c>"cuda:0"</c>.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Receives log lines (the ML.NET face routes them to <c>MLContext.Log</c>).</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Receives progress after every step and every validation.</summary>
    public Action<TrainingProgress>? Progress { get; set; }

    /// <summary>Write a log line every this many steps.</summary>
    public int LogEvery { get; set; } = 50;

    internal void Validate()
    {
        if (Epochs < 1 && MaxSteps < 1) throw new ArgumentException("Set Epochs or MaxSteps to at least 1.");
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1, got {BatchSize}.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"LearningRate must be positive, got {LearningRate}.");
        if (WeightDecay < 0) throw new ArgumentException($"WeightDecay must be ≥ 0, got {WeightDecay}.");
        if (GradientClipNorm is <= 0) throw new ArgumentException($"GradientClipNorm must be positive, got {GradientClipNorm}.");
        if (ValidationSamples < 1) throw new ArgumentException($"ValidationSamples must be at least 1, got {ValidationSamples}.");
    }
}
