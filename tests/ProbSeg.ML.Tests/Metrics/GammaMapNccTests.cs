using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Tests.Metrics;

[TestClass]
public sealed class GammaMapNccTests
{
    private const double Ln2 = 0.69314718055994531;

    [TestMethod]
    public void HandCaseGammaMapAndNcc()
    {
        // Two samples, binary, three pixels; sample softmax (p0, p1) per pixel:
        //   pixel 0: (.5,.5) and (.5,.5); pixel 1: (0,1) and (0,1); pixel 2: (1,0) and (0,1).
        // E_ss = −Σ_k mean_k · mean_i log(p_ik + ε): pixel 0 ln 2; pixel 1 ≈ 0; pixel 2 −ln ε / 2 = 9.2103.
        // Annotator y = (1,1,1): E_sy = −mean_i log(p_i1 + ε) = (ln 2, 0, −ln ε / 2) = E_ss ⇒ NCC = 1.
        // Annotator y = (1,0,1) decorrelates; PHiSeg's variance_ncc_dist on this input gives S_NCC = 0.45496582.
        var samples = Probabilities(2, 2, 3, new float[] { .5f, 0, 1, .5f, 1, 0 }, new float[] { .5f, 0, 0, .5f, 1, 1 });
        var annotations = MetricTestData.Maps("111", "101");
        var r = GammaMapNcc.Compute(samples, new LabelMaps(annotations, 2, 3));
        Assert.AreEqual(Ln2, r.GammaMap[0], 1e-6);         // float32 logs
        Assert.AreEqual(0.0, r.GammaMap[1], 1e-6);
        Assert.AreEqual(-Math.Log(1e-8) / 2, r.GammaMap[2], 1e-4);
        Assert.AreEqual(1.0, r.NccPerAnnotator[0], 1e-6);
        Assert.AreEqual(0.45496582, r.Ncc, 1e-5);           // float32 inputs, float64 reference
        Assert.AreEqual(0, r.UndefinedCount);
    }

    [TestMethod]
    public void MultiClassMatchesPHiSegReference()
    {
        // N = 3 samples, K = 3, 2×3 pixels, p ∝ ((7i + 3k + 5x) mod 11) + 1; two annotators. Reference value from
        // PHiSeg's utils.variance_ncc_dist run on the same float32 input: 0.0699619545.
        int n = 3, k = 3, p = 6;
        var data = new float[n * k * p];
        for (int i = 0; i < n; i++)
            for (int x = 0; x < p; x++)
            {
                float total = 0;
                for (int c = 0; c < k; c++) total += (7 * i + 3 * c + 5 * x) % 11 + 1;
                for (int c = 0; c < k; c++) data[(i * k + c) * p + x] = ((7 * i + 3 * c + 5 * x) % 11 + 1) / total;
            }
        var annotations = MetricTestData.Maps("012210", "221001");
        var r = GammaMapNcc.Compute(new ProbabilityMaps(data, n, k, p), new LabelMaps(annotations, 2, p));
        Assert.AreEqual(0.0699619545, r.Ncc, 1e-5); // float32 inputs, float64 reference
    }

    [TestMethod]
    public void ConstantMapsMakeNccUndefinedAndAreCounted()
    {
        // Both samples uniform: E_ss is ln 2 everywhere ⇒ every NCC undefined ⇒ S_NCC NaN, counted, never averaged in.
        var uniform = Probabilities(2, 2, 3, Enumerable.Repeat(.5f, 6).ToArray(), Enumerable.Repeat(.5f, 6).ToArray());
        var annotations = new LabelMaps(MetricTestData.Maps("101", "011"), 2, 3);
        var flat = GammaMapNcc.Compute(uniform, annotations);
        Assert.IsTrue(double.IsNaN(flat.Ncc));
        Assert.AreEqual(2, flat.UndefinedCount);

        // Pixel 0: both (.5,.5); pixel 1: (0,1) and (.75,.25). For y = 1 everywhere, E_sy = (ln 2, −ln(.25)/2 = ln 2):
        // constant ⇒ undefined; for y = 0, E_sy = (ln 2, 9.35) varies with E_ss = (ln 2, 3.94) ⇒ NCC 1 (two pixels).
        var mixed = Probabilities(2, 2, 2, new float[] { .5f, 0, .5f, 1 }, new float[] { .5f, .75f, .5f, .25f });
        var r = GammaMapNcc.Compute(mixed, new LabelMaps(MetricTestData.Maps("11", "00"), 2, 2));
        Assert.IsTrue(double.IsNaN(r.NccPerAnnotator[0]));
        Assert.AreEqual(1.0, r.NccPerAnnotator[1], 1e-6);
        Assert.AreEqual(1.0, r.Ncc, 1e-6);
        Assert.AreEqual(1, r.UndefinedCount);

        var metric = new GammaMapNccMetric();
        metric.Accumulate(uniform, annotations);
        metric.Accumulate(mixed, new LabelMaps(MetricTestData.Maps("11", "00"), 2, 2));
        var summary = metric.Aggregate();
        Assert.AreEqual(1, summary.Ncc.UndefinedCount);
        Assert.AreEqual(3, summary.UndefinedAnnotatorCount);
        Assert.AreEqual(1.0, summary.Ncc.Mean, 1e-6);
    }

    [TestMethod]
    public void InvalidProbabilitiesAreRejected()
    {
        var bad = new float[] { .5f, float.NaN, .5f, .5f };
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            GammaMapNcc.Compute(new ProbabilityMaps(bad, 1, 2, 2), new LabelMaps(MetricTestData.Maps("01"), 1, 2)));
        StringAssert.Contains(ex.Message, "flat index 1");
    }

    [TestMethod]
    public void OutOfRangeProbabilityDeepInALargeMapIsFound()
    {
        // Past the first vector blocks, so the vectorised check has to catch it.
        var data = Enumerable.Repeat(.5f, 2 * 100).ToArray();
        data[77] = 1.5f;
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            GammaMapNcc.Compute(new ProbabilityMaps(data, 1, 2, 100), new LabelMaps(new byte[100], 1, 100)));
        StringAssert.Contains(ex.Message, "flat index 77");
    }

    /// <summary>Samples given as [K, P] planes each (class-major), stacked to [N, K, P].</summary>
    private static ProbabilityMaps Probabilities(int n, int k, int p, params float[][] samples) =>
        new(samples.SelectMany(s => s).ToArray(), n, k, p);
}
