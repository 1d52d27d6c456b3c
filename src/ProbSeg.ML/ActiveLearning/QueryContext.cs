using ProbSeg.ML.Data;
using ProbSeg.ML.Models;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// What a <see cref="IQueryStrategy"/> sees when it chooses images: this round's trained model, the pool, the labelled
/// indices and their complement, the unlabelled indices it must choose from.
/// </summary>
public sealed class QueryContext
{
    /// <summary>Creates a context; <see cref="Unlabelled"/> is computed as the complement of <paramref name="labelled"/>.</summary>
    /// <param name="model">The model trained on the labelled images this round (evaluation mode).</param>
    /// <param name="pool">Every image that may be labelled: the labelled and the unlabelled ones.</param>
    /// <param name="labelled">Pool indices already labelled (distinct).</param>
    /// <param name="round">Zero-based round whose model this is.</param>
    /// <param name="random">Seeded random source for strategies that draw.</param>
    /// <param name="samples">Samples per image for uncertainty estimates (N ≥ 1).</param>
    /// <param name="seed">Seed for the model's samples.</param>
    /// <param name="device">Torch device for predictions.</param>
    /// <param name="predictionBatchSize">Images per forward pass when predicting.</param>
    /// <exception cref="ArgumentException">A labelled index is outside the pool or listed twice.</exception>
    public QueryContext(SegmentationModel model, AmbiguousDataset pool, IReadOnlyCollection<int> labelled, int round, Random random,
        int samples, int seed, string device = "cpu", int predictionBatchSize = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(random);
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "Draw at least one sample per image.");
        if (predictionBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(predictionBatchSize), predictionBatchSize, "Batch size must be at least 1.");
        var isLabelled = new bool[pool.Count];
        foreach (int i in labelled)
        {
            if ((uint)i >= (uint)pool.Count) throw new ArgumentException($"Labelled index {i} is outside the pool [0, {pool.Count}).", nameof(labelled));
            if (isLabelled[i]) throw new ArgumentException($"Labelled index {i} is listed twice.", nameof(labelled));
            isLabelled[i] = true;
        }
        var unlabelled = new List<int>(pool.Count - labelled.Count);
        for (int i = 0; i < pool.Count; i++)
            if (!isLabelled[i]) unlabelled.Add(i);

        Model = model;
        Pool = pool;
        Labelled = labelled.Order().ToArray();
        Unlabelled = unlabelled;
        Round = round;
        Random = random;
        Samples = samples;
        Seed = seed;
        Device = device;
        PredictionBatchSize = predictionBatchSize;
    }

    /// <summary>The model trained on the labelled images this round.</summary>
    public SegmentationModel Model { get; }
    /// <summary>The whole pool.</summary>
    public AmbiguousDataset Pool { get; }
    /// <summary>Labelled pool indices, ascending.</summary>
    public IReadOnlyList<int> Labelled { get; }
    /// <summary>Unlabelled pool indices, ascending: the only candidates a strategy may return.</summary>
    public IReadOnlyList<int> Unlabelled { get; }
    /// <summary>Zero-based round whose model this is.</summary>
    public int Round { get; }
    /// <summary>Seeded random source (shared with the loop's initial draw, so one seed fixes every draw).</summary>
    public Random Random { get; }
    /// <summary>Samples per image for uncertainty estimates.</summary>
    public int Samples { get; }
    /// <summary>Seed for the model's samples.</summary>
    public int Seed { get; }
    /// <summary>Torch device name for predictions.</summary>
    public string Device { get; }
    /// <summary>Images per forward pass when predicting.</summary>
    public int PredictionBatchSize { get; }
}
