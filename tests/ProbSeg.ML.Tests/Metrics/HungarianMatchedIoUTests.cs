using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class HungarianMatchedIoUTests
{
    private const double Tol = 1e-12; // exact rational values; only floating-point rounding

    [TestMethod]
    public void FindsTheOptimalMatchingWhereGreedyFails()
    {
        // IoU(s0,y0) = 3/5, IoU(s0,y1) = 2/4, IoU(s1,y0) = 2/5, IoU(s1,y1) = 0.
        // Greedy takes the largest first (s0–y0, then s1–y1): (0.6 + 0)/2 = 0.3. Optimal: s0–y1, s1–y0: (0.5 + 0.4)/2 = 0.45.
        var samples = MetricTestData.Maps("00010111", "10001010");
        var annotations = MetricTestData.Maps("00011110", "00010001");
        var r = HungarianMatchedIoU.Compute(new LabelMaps(samples, 2, 8), new LabelMaps(annotations, 2, 8));
        Assert.AreEqual(0.45, r.Value, Tol);
        CollectionAssert.AreEqual(new[] { (0, 1), (1, 0) }, r.Matches.ToArray());
    }

    [TestMethod]
    public void RepeatsAnnotatorsToTheSampleCount()
    {
        // 4 samples, 2 annotators ⇒ each annotator is matched twice: two samples equal Y1, two equal Y2 ⇒ HM-IoU 1.
        var samples = MetricTestData.Maps("1100", "0011", "0011", "1100");
        var annotations = MetricTestData.Maps("1100", "xxxx", "0011");
        var r = HungarianMatchedIoU.Compute(new LabelMaps(samples, 4, 4), new LabelMaps(annotations, 3, 4));
        Assert.AreEqual(1.0, r.Value, Tol);
        Assert.AreEqual(2, r.Matches.Count(m => m.Annotator == 0));
    }

    [TestMethod]
    public void NonDivisibleCountsUseUniformTransport()
    {
        // 2 samples, 3 annotators ⇒ L = 6: each sample carries mass 1/2, each annotator 1/3. Sample 0 equals Y0 and
        // sample 1 equals Y1, Y2 = Y1 ⇒ a perfect plan exists except that Y0 needs only 1/3 of sample 0's 1/2:
        // the remaining 1/6 of sample 0 goes to Y1/Y2 with IoU(s0, Y1) = 0 ⇒ HM-IoU = 5/6.
        var samples = MetricTestData.Maps("1100", "0011");
        var annotations = MetricTestData.Maps("1100", "0011", "0011");
        var r = HungarianMatchedIoU.Compute(new LabelMaps(samples, 2, 4), new LabelMaps(annotations, 3, 4));
        Assert.AreEqual(6, r.Matches.Count);
        Assert.AreEqual(5.0 / 6, r.Value, Tol);
    }

    [TestMethod]
    public void AssignmentEqualsBruteForceOnRandomMatrices()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 30; trial++)
        {
            int n = 1 + trial % 7;
            var cost = Enumerable.Range(0, n * n).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
            var assignment = LinearAssignment.Solve(cost, n);
            CollectionAssert.AreEquivalent(Enumerable.Range(0, n).ToArray(), assignment, "a permutation");
            double total = Enumerable.Range(0, n).Sum(i => cost[i * n + assignment[i]]);
            Assert.AreEqual(BruteForce(cost, n), total, 1e-9);
        }
    }

    [TestMethod]
    public void RejectsNonFiniteCosts()
    {
        Assert.ThrowsExactly<ArgumentException>(() => LinearAssignment.Solve([0, double.NaN, 1, 2], 2));
        Assert.ThrowsExactly<ArgumentException>(() => LinearAssignment.Solve([0, 1, 2], 2));
    }

    private static double BruteForce(double[] cost, int n)
    {
        double best = double.PositiveInfinity;
        void Recurse(int row, bool[] used, double sum)
        {
            if (row == n) { best = Math.Min(best, sum); return; }
            for (int c = 0; c < n; c++)
            {
                if (used[c]) continue;
                used[c] = true;
                Recurse(row + 1, used, sum + cost[row * n + c]);
                used[c] = false;
            }
        }
        Recurse(0, new bool[n], 0);
        return best;
    }
}
