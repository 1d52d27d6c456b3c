using ProbSeg.ML.ActiveLearning;
using ProbSeg.ML.Data;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Tests.ActiveLearning;

[TestClass]
public sealed class QueryStrategyTests
{
    /// <summary>Constant images of the given intensities, 8×8, one annotator.</summary>
    private static AmbiguousDataset ConstantImages(params float[] intensities)
    {
        const int px = 64;
        var images = new float[intensities.Length * px];
        for (int i = 0; i < intensities.Length; i++) images.AsSpan(i * px, px).Fill(intensities[i]);
        return new AmbiguousDataset(images, new byte[intensities.Length * px], intensities.Length, 1, 8, 8, 1, 2);
    }

    private static QueryContext Context(AmbiguousDataset pool, int[] labelled, int seed = 3) =>
        new(new IntensityLogitModel(), pool, labelled, round: 0, new Random(seed), samples: 2, seed: seed);

    /// <summary>Scores each unlabelled candidate by a fixed table indexed by pool index: the answer is known.</summary>
    private sealed class TableScores(double[] table) : ScoredQuery
    {
        public override string Name => "table";
        public override double[] Score(QueryContext context) => context.Unlabelled.Select(i => table[i]).ToArray();
    }

    [TestMethod]
    public void ContextOffersOnlyTheUnlabelledImages()
    {
        var context = Context(ConstantImages(new float[6]), [4, 1]);
        CollectionAssert.AreEqual(new[] { 0, 2, 3, 5 }, context.Unlabelled.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 4 }, context.Labelled.ToArray());
        Assert.ThrowsExactly<ArgumentException>(() => Context(ConstantImages(new float[6]), [1, 1]));
        Assert.ThrowsExactly<ArgumentException>(() => Context(ConstantImages(new float[6]), [6]));
    }

    [TestMethod]
    public void RandomQueryDrawsWithoutReplacementFromTheUnlabelledOnly()
    {
        var pool = ConstantImages(new float[20]);
        int[] labelled = [0, 3, 7, 8, 19];
        for (int seed = 0; seed < 50; seed++)
        {
            // Asking for every unlabelled image must return each exactly once: a with-replacement draw repeats some.
            var all = new RandomQuery().Select(Context(pool, labelled, seed), 15);
            CollectionAssert.AreEquivalent(Context(pool, labelled).Unlabelled.ToArray(), all.ToArray(), $"seed {seed}");

            var some = new RandomQuery().Select(Context(pool, labelled, seed), 6);
            Assert.AreEqual(6, some.Distinct().Count(), $"seed {seed}: a repeated index");
            Assert.IsFalse(some.Intersect(labelled).Any(), $"seed {seed}: a labelled image was drawn");
        }
    }

    [TestMethod]
    public void RandomQueryReachesEveryUnlabelledImage()
    {
        // Uniformity, coarsely: over 200 seeded draws of 3 from 10 every candidate turns up (each has p = 0.3 per draw).
        var pool = ConstantImages(new float[12]);
        var hits = new int[12];
        for (int seed = 0; seed < 200; seed++)
            foreach (int i in new RandomQuery().Select(Context(pool, [2, 5], seed), 3)) hits[i]++;
        Assert.AreEqual(0, hits[2] + hits[5]);
        Assert.IsTrue(hits.Where((_, i) => i is not 2 and not 5).All(h => h > 30), string.Join(", ", hits)); // mean 60, sd ≈ 6.5
    }

    [TestMethod]
    public void ScoredQueryTakesTheTopScoresAmongTheUnlabelledOnly()
    {
        var pool = ConstantImages(new float[10]);
        double[] scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        // The three highest-scoring images are labelled; Czolbe's query would pick them again.
        var picked = new TableScores(scores).Select(Context(pool, [9, 8, 5]), 3);
        CollectionAssert.AreEqual(new[] { 7, 6, 4 }, picked.ToArray());
    }

    [TestMethod]
    public void ScoredQueryBreaksTiesByPoolIndexAndRejectsNaN()
    {
        var pool = ConstantImages(new float[5]);
        CollectionAssert.AreEqual(new[] { 1, 3 }, new TableScores([0, 2, 1, 2, 2]).Select(Context(pool, [4]), 2).ToArray());
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new TableScores([0, double.NaN, 1, 2, 3]).Select(Context(pool, []), 2));
        StringAssert.Contains(error.Message, "pool image 1");
    }

    [TestMethod]
    public void ImageUncertaintyIsTheSumOfPixelEntropiesInBits()
    {
        var pool = ConstantImages(0f, 2f);
        var prediction = new SegmentationPredictor(new IntensityLogitModel()).Predict(pool.Images, 2, 8, 8, samples: 2, seed: 0);
        double[] totals = OutputUncertaintyQuery.ImageUncertainty(prediction);
        double p = 1 / (1 + Math.Exp(-2));                                   // softmax([0, 2]) of class 1
        double bits = -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));
        Assert.AreEqual(64.0, totals[0], 1e-3);                               // 1 bit × 64 pixels
        Assert.AreEqual(64 * bits, totals[1], 1e-3);                          // float32 entropies summed over 64 pixels
    }

    [TestMethod]
    public void OutputUncertaintyPicksTheMostUncertainUnlabelledImages()
    {
        // Entropy falls with |intensity|: the order of uncertainty is 3 (0.0) > 1 (0.1) > 5 (−0.5) > 7 (1) > 4 (2) > ...
        var pool = ConstantImages(5f, 0.1f, 3f, 0f, 2f, -0.5f, 4f, 1f);
        var picked = new OutputUncertaintyQuery().Select(Context(pool, []), 3);
        CollectionAssert.AreEqual(new[] { 3, 1, 5 }, picked.ToArray());

        // Once the two most uncertain are labelled, they are not queried again.
        picked = new OutputUncertaintyQuery().Select(Context(pool, [3, 1]), 3);
        CollectionAssert.AreEqual(new[] { 5, 7, 4 }, picked.ToArray());
    }
}
