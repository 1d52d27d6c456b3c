using ProbSeg.ML.Metrics;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// Settings of <see cref="ActiveLearningLoop"/>. Defaults follow Czolbe et al. 2021 (<c>scripts/run_active.sh</c>:
/// start with 50, add 25, 10 iterations → 300 labelled images; anchors §5).
/// </summary>
public sealed class ActiveLearningOptions
{
    /// <summary>Builds a fresh, untrained model. Called once per round after the loop seeds TorchSharp's generator with
    /// <see cref="Seed"/>, so every round starts from the same initial weights; it must return a new instance each time
    /// (the loop owns and disposes it).</summary>
    public Func<SegmentationModel>? ModelFactory { get; set; }

    /// <summary>How each round trains, from scratch, on the labelled images (no validation, as Czolbe's
    /// <c>--limit_val_batches 0</c>). Fix <see cref="TrainingOptions.Epochs"/> or <see cref="TrainingOptions.MaxSteps"/>;
    /// its <see cref="TrainingOptions.Seed"/> orders batches and draws annotators.</summary>
    public TrainingOptions Training { get; set; } = new();

    /// <summary>How the next images are chosen. Default <see cref="OutputUncertaintyQuery"/>; <see cref="RandomQuery"/> is the baseline.</summary>
    public IQueryStrategy Strategy { get; set; } = new OutputUncertaintyQuery();

    /// <summary>Images labelled before the first round, drawn uniformly without replacement (50: Czolbe <c>--start_with</c>).</summary>
    public int InitialCount { get; set; } = 50;

    /// <summary>Images added per acquisition round (25: Czolbe <c>--add</c>).</summary>
    public int AddPerRound { get; set; } = 25;

    /// <summary>Acquisition rounds (10: Czolbe <c>--num_iters</c>). The model is trained Rounds + 1 times, on
    /// <see cref="InitialCount"/>, then +<see cref="AddPerRound"/> each round.</summary>
    public int Rounds { get; set; } = 10;

    /// <summary>Seeds the initial draw, random queries, weight init and the model's samples.</summary>
    public int Seed { get; set; }

    /// <summary>Samples per image for the uncertainty a strategy ranks by (16: Czolbe <c>pixel_wise_uncertainty(sample_cnt=16)</c>).</summary>
    public int UncertaintySamples { get; set; } = 16;

    /// <summary>Samples per test image for the mean prediction and GED (16: Czolbe's GED at 16 samples).</summary>
    public int EvaluationSamples { get; set; } = 16;

    /// <summary>Also compute GED on the test set each round (costs N·A IoUs per image).</summary>
    public bool EvaluateGed { get; set; } = true;

    /// <summary>GED conventions; null uses the PHiSeg defaults with the model's class count.</summary>
    public GedOptions? Ged { get; set; }

    /// <summary>Images per forward pass when predicting.</summary>
    public int PredictionBatchSize { get; set; } = 8;

    /// <summary>Receives one log line per round.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Called after each round is trained and evaluated, before its model is queried and disposed (save the
    /// model here to keep it).</summary>
    public Action<ActiveLearningRound, SegmentationModel>? RoundCompleted { get; set; }

    /// <summary>Images labelled after the last round.</summary>
    public long FinalCount => InitialCount + (long)Rounds * AddPerRound;

    internal void Validate(int poolCount)
    {
        if (ModelFactory is null) throw new ArgumentException("ActiveLearningOptions.ModelFactory is required.");
        if (Training is null) throw new ArgumentException("ActiveLearningOptions.Training is required.");
        if (Strategy is null) throw new ArgumentException("ActiveLearningOptions.Strategy is required.");
        if (InitialCount < 1) throw new ArgumentException($"ActiveLearningOptions.InitialCount must be at least 1, got {InitialCount}.");
        if (Rounds < 0) throw new ArgumentException($"ActiveLearningOptions.Rounds must be at least 0, got {Rounds}.");
        if (Rounds > 0 && AddPerRound < 1) throw new ArgumentException($"ActiveLearningOptions.AddPerRound must be at least 1, got {AddPerRound}.");
        if (FinalCount > poolCount)
            throw new ArgumentException($"The pool holds {poolCount} images, but InitialCount {InitialCount} + Rounds {Rounds} × AddPerRound {AddPerRound} = {FinalCount} would be labelled.");
        if (UncertaintySamples < 1) throw new ArgumentException($"ActiveLearningOptions.UncertaintySamples must be at least 1, got {UncertaintySamples}.");
        if (EvaluationSamples < 1) throw new ArgumentException($"ActiveLearningOptions.EvaluationSamples must be at least 1, got {EvaluationSamples}.");
        if (PredictionBatchSize < 1) throw new ArgumentException($"ActiveLearningOptions.PredictionBatchSize must be at least 1, got {PredictionBatchSize}.");
    }
}
