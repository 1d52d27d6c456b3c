using System.Diagnostics;
using System.Globalization;
using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Training;
using TorchSharp;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>
/// Pool-based active learning as in Czolbe et al., "Is segmentation uncertainty useful?" (IPMI 2021,
/// <c>src/active_learning.py</c>): label a random start set, then each round re-initialise the model, train it from
/// scratch on the labelled images, score it on the test set, and let a <see cref="IQueryStrategy"/> pick the next images
/// from the unlabelled pool.
/// </summary>
/// <remarks>
/// Unlike the reference, every draw is without replacement and a labelled image is never queried again (anchors §0.3);
/// the loop checks each strategy's answer and throws when it breaks either rule. Annotations of a queried image are
/// all of its annotators, already present in the pool (the simulated oracle).
/// <example><code>
/// var loop = new ActiveLearningLoop(new ActiveLearningOptions
/// {
///     ModelFactory = () => new McDropoutUNet(new McDropoutUNetConfig(1, 2, UNetConfig.Small)),
///     Training = new TrainingOptions { Epochs = 20, BatchSize = 12 },
///     Strategy = new OutputUncertaintyQuery(),
///     InitialCount = 20, AddPerRound = 20, Rounds = 4, Seed = 1,
/// });
/// ActiveLearningReport report = loop.Run(pool, test);
/// </code></example>
/// </remarks>
public sealed class ActiveLearningLoop
{
    /// <summary>Creates the loop.</summary>
    public ActiveLearningLoop(ActiveLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public ActiveLearningOptions Options { get; }

    /// <summary>Runs every round on <paramref name="pool"/> (the images that may be labelled) and scores on <paramref name="test"/>.</summary>
    /// <exception cref="ArgumentException">The options do not fit the pool, or the test set does not fit the pool.</exception>
    /// <exception cref="InvalidOperationException">The factory reused a model, or the strategy returned a labelled,
    /// repeated, out-of-range or wrong number of indices.</exception>
    public ActiveLearningReport Run(AmbiguousDataset pool, AmbiguousDataset test)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(test);
        var options = Options;
        options.Validate(pool.Count);
        if (test.Count == 0) throw new ArgumentException("The test set is empty.", nameof(test));
        if (test.Channels != pool.Channels)
            throw new ArgumentException($"Test images have {test.Channels} channels, pool images {pool.Channels}.", nameof(test));

        var random = new Random(options.Seed);
        var isLabelled = new bool[pool.Count];
        var labelled = new List<int>(checked((int)options.FinalCount));
        int[] chosen = RandomQuery.Draw(Enumerable.Range(0, pool.Count).ToArray(), options.InitialCount, random);
        var rounds = new List<ActiveLearningRound>(options.Rounds + 1);
        SegmentationModel? previous = null;

        for (int round = 0; round <= options.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (int i in chosen) { isLabelled[i] = true; labelled.Add(i); }
            using SegmentationModel model = NewModel(previous);
            previous = model;

            TrainingReport training = SegmentationTrainer.Train(model, pool.Subset(labelled), options.Training);
            var (crossEntropy, ged) = TestSetEvaluation.Evaluate(model, test, options);
            var result = new ActiveLearningRound(round, labelled.Count, chosen, crossEntropy, ged, training, watch.Elapsed);
            options.RoundCompleted?.Invoke(result, model);

            if (round < options.Rounds)
            {
                var context = new QueryContext(model, pool, labelled, round, random, options.UncertaintySamples,
                    unchecked(options.Seed + 7919 * (round + 1)), options.Training.Device, options.PredictionBatchSize);
                chosen = CheckedQuery(options.Strategy, context, options.AddPerRound, isLabelled);
                result = result with { Elapsed = watch.Elapsed };
            }
            rounds.Add(result);
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{options.Strategy.Name} round {round}: {labelled.Count} labelled, test CE {crossEntropy:F4}, GED {ged:F4} ({result.Elapsed.TotalSeconds:F0} s)"));
        }
        return new ActiveLearningReport(options.Strategy.Name, options.Seed, rounds);
    }

    private SegmentationModel NewModel(SegmentationModel? previous)
    {
        // Re-initialised from scratch each round (Czolbe: `model = model_cls(args)` before every fit), from the same
        // seed, so the rounds differ only by their labelled images.
        torch.random.manual_seed(Options.Seed);
        SegmentationModel model = Options.ModelFactory!()
            ?? throw new InvalidOperationException("ActiveLearningOptions.ModelFactory returned null.");
        if (ReferenceEquals(model, previous))
            throw new InvalidOperationException("ActiveLearningOptions.ModelFactory returned the previous round's model; it must build a new one each round.");
        return model;
    }

    /// <summary>Asks the strategy and enforces its contract: exactly <paramref name="count"/> distinct, unlabelled pool indices.</summary>
    private static int[] CheckedQuery(IQueryStrategy strategy, QueryContext context, int count, bool[] isLabelled)
    {
        IReadOnlyList<int> answer = strategy.Select(context, count)
            ?? throw new InvalidOperationException($"Query strategy '{strategy.Name}' returned null.");
        if (answer.Count != count)
            throw new InvalidOperationException($"Query strategy '{strategy.Name}' returned {answer.Count} indices; {count} were asked for.");
        var seen = new HashSet<int>();
        foreach (int i in answer)
        {
            if ((uint)i >= (uint)isLabelled.Length)
                throw new InvalidOperationException($"Query strategy '{strategy.Name}' returned index {i}, outside the pool [0, {isLabelled.Length}).");
            if (isLabelled[i])
                throw new InvalidOperationException($"Query strategy '{strategy.Name}' returned index {i}, which is already labelled.");
            if (!seen.Add(i))
                throw new InvalidOperationException($"Query strategy '{strategy.Name}' returned index {i} twice.");
        }
        return answer.ToArray();
    }
}
