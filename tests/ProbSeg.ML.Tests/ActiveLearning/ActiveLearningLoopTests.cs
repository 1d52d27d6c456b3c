using ProbSeg.ML.ActiveLearning;
using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Tests.Support;
using ProbSeg.ML.Training;
using TorchSharp;

namespace ProbSeg.ML.Tests.ActiveLearning;

[TestClass]
public sealed class ActiveLearningLoopTests
{
    private static readonly AmbiguousDataset Pool = TinyData.Squares(12, annotators: 2, seed: 1);
    private static readonly AmbiguousDataset Test = TinyData.Squares(4, annotators: 2, seed: 2);

    private static McDropoutUNet NewModel() => new(new McDropoutUNetConfig(1, 2, UNetConfig.Small));

    /// <summary>4 labelled + 4 per round for 2 rounds = the whole pool of 12; two steps per round.</summary>
    private static ActiveLearningOptions Options(IQueryStrategy strategy, int seed = 5, Func<SegmentationModel>? factory = null) => new()
    {
        ModelFactory = factory ?? NewModel,
        Training = new TrainingOptions { MaxSteps = 2, BatchSize = 4, Seed = 1 },
        Strategy = strategy,
        InitialCount = 4,
        AddPerRound = 4,
        Rounds = 2,
        Seed = seed,
        UncertaintySamples = 2,
        EvaluationSamples = 2,
    };

    private static void AssertDrawnWithoutRepeats(ActiveLearningReport report)
    {
        Assert.HasCount(3, report.Rounds);
        CollectionAssert.AreEqual(new[] { 4, 8, 12 }, report.Rounds.Select(r => r.LabelledCount).ToArray());
        // The pool is used up exactly: any repeated draw or re-queried labelled image would leave an image out.
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 12).ToArray(), report.LabelledIndices.ToArray());
    }

    [TestMethod]
    public void RandomStrategyNeverChoosesAnIndexTwice() =>
        AssertDrawnWithoutRepeats(new ActiveLearningLoop(Options(new RandomQuery())).Run(Pool, Test));

    [TestMethod]
    public void UncertaintyStrategyNeverQueriesALabelledImageAgain()
    {
        var seen = new List<(IReadOnlyList<int> Labelled, IReadOnlyList<int> Unlabelled)>();
        var spy = new SpyQuery(new OutputUncertaintyQuery(), seen);
        var report = new ActiveLearningLoop(Options(spy)).Run(Pool, Test);
        AssertDrawnWithoutRepeats(report);
        Assert.HasCount(2, seen);
        for (int round = 0; round < 2; round++)
        {
            var labelledSoFar = report.Rounds.Take(round + 1).SelectMany(r => r.Chosen).Order().ToArray();
            CollectionAssert.AreEqual(labelledSoFar, seen[round].Labelled.ToArray(), $"round {round}");
            Assert.IsFalse(seen[round].Unlabelled.Intersect(labelledSoFar).Any(), $"round {round} offered a labelled image");
            Assert.IsFalse(report.Rounds[round + 1].Chosen.Intersect(labelledSoFar).Any(), $"round {round} re-queried a labelled image");
        }
    }

    [TestMethod]
    public void StrategyThatRequeriesOrRepeatsIsStopped()
    {
        var requery = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new ActiveLearningLoop(Options(new RogueQuery(c => [c.Labelled[0], .. c.Unlabelled.Take(3)]))).Run(Pool, Test));
        StringAssert.Contains(requery.Message, "already labelled");
        var repeat = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new ActiveLearningLoop(Options(new RogueQuery(c => [c.Unlabelled[0], c.Unlabelled[0], c.Unlabelled[1], c.Unlabelled[2]]))).Run(Pool, Test));
        StringAssert.Contains(repeat.Message, "twice");
    }

    [TestMethod]
    public void ModelIsReinitialisedFromTheSeedEveryRound()
    {
        const int seed = 5;
        var initial = new List<float[]>();
        var trained = new List<float[]>();
        SegmentationModel Factory()
        {
            var model = NewModel();
            initial.Add(Weights(model));
            return model;
        }
        var options = Options(new RandomQuery(), seed, Factory);
        options.RoundCompleted = (_, model) => trained.Add(Weights(model));
        var report = new ActiveLearningLoop(options).Run(Pool, Test);

        torch.random.manual_seed(seed);
        using var fresh = NewModel();
        float[] freshWeights = Weights(fresh);
        Assert.HasCount(3, initial, "one new model per round");
        for (int round = 0; round < 3; round++)
        {
            CollectionAssert.AreEqual(freshWeights, initial[round], $"round {round} did not start from a fresh init");
            Assert.AreEqual(2, report.Rounds[round].Training.Steps, "fixed steps per round");
            Assert.IsTrue(trained[round].Zip(freshWeights).Any(p => p.First != p.Second), $"round {round} did not train");
        }
    }

    [TestMethod]
    public void SameSeedGivesTheSameRunAndAnotherSeedAnotherStart()
    {
        var first = new ActiveLearningLoop(Options(new OutputUncertaintyQuery(), seed: 5)).Run(Pool, Test);
        var second = new ActiveLearningLoop(Options(new OutputUncertaintyQuery(), seed: 5)).Run(Pool, Test);
        for (int round = 0; round < 3; round++)
        {
            CollectionAssert.AreEqual(first.Rounds[round].Chosen.ToArray(), second.Rounds[round].Chosen.ToArray(), $"round {round}");
            Assert.AreEqual(first.Rounds[round].TestCrossEntropy, second.Rounds[round].TestCrossEntropy, 1e-9, $"round {round}");
            Assert.AreEqual(first.Rounds[round].TestGed, second.Rounds[round].TestGed, 1e-9, $"round {round}");
            Assert.IsTrue(double.IsFinite(first.Rounds[round].TestCrossEntropy) && first.Rounds[round].TestCrossEntropy > 0);
            Assert.IsTrue(double.IsFinite(first.Rounds[round].TestGed));
        }
        var other = new ActiveLearningLoop(Options(new OutputUncertaintyQuery(), seed: 6)).Run(Pool, Test);
        CollectionAssert.AreNotEquivalent(first.Rounds[0].Chosen.ToArray(), other.Rounds[0].Chosen.ToArray());
    }

    [TestMethod]
    public void BudgetBeyondThePoolIsRejectedWithTheNumbers()
    {
        var options = Options(new RandomQuery());
        options.Rounds = 3;
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ActiveLearningLoop(options).Run(Pool, Test));
        StringAssert.Contains(error.Message, "= 16");
        StringAssert.Contains(error.Message, "12 images");
    }

    [TestMethod]
    public void FactoryReturningTheSameModelIsRejected()
    {
        var shared = NewModel();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new ActiveLearningLoop(Options(new RandomQuery(), factory: () => shared)).Run(Pool, Test));
        StringAssert.Contains(error.Message, "new one each round");
    }

    private static float[] Weights(SegmentationModel model) =>
        model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    /// <summary>Records what each query saw, then delegates.</summary>
    private sealed class SpyQuery(IQueryStrategy inner, List<(IReadOnlyList<int>, IReadOnlyList<int>)> seen) : IQueryStrategy
    {
        public string Name => inner.Name;
        public IReadOnlyList<int> Select(QueryContext context, int count)
        {
            seen.Add((context.Labelled.ToArray(), context.Unlabelled.ToArray()));
            return inner.Select(context, count);
        }
    }

    /// <summary>A strategy that breaks the contract on purpose.</summary>
    private sealed class RogueQuery(Func<QueryContext, int[]> pick) : IQueryStrategy
    {
        public string Name => "rogue";
        public IReadOnlyList<int> Select(QueryContext context, int count) => pick(context);
    }
}
