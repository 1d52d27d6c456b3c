using ProbSeg.ML.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Distributions;

[TestClass]
public sealed class LowRankLogitDistributionTests
{
    // One 6-dimensional event laid out class-major as [K = 2, 3 pixels], rank 2.
    private static readonly double[] Mu = [0.5, -1, 2, 0, 1, -0.5];
    private static readonly double[,] Factor = { { 0.8, 0.1 }, { 0.3, -0.6 }, { -0.5, 0.4 }, { 0.2, 0.9 }, { 0.7, -0.2 }, { -0.4, -0.3 } };
    private static readonly double[] Diag = [0.3, 0.5, 0.2, 0.4, 0.6, 0.25];

    private static LowRankLogitDistribution Tiny(ScalarType dtype = ScalarType.Float64)
    {
        Tensor loc = tensor(Mu, dtype: dtype).reshape(1, 6);
        Tensor factor = tensor(Factor.Cast<double>().ToArray(), dtype: dtype).reshape(1, 6, 2);
        Tensor diag = tensor(Diag, dtype: dtype).reshape(1, 6);
        return LowRankLogitDistribution.Create(loc, factor, diag, [2, 3]);
    }

    [TestMethod]
    public void EmpiricalMeanAndCovarianceMatchMuAndPPtPlusD()
    {
        using var scope = NewDisposeScope();
        var distribution = Tiny();
        using var generator = new Generator(42);
        const int draws = 20_000;
        Tensor samples = distribution.RSample(draws, generator).squeeze(1);                  // [S, 6]
        Tensor mean = samples.mean([0]);
        Tensor centred = samples.sub(mean);
        Tensor covariance = centred.t().mm(centred).div(draws - 1);
        double[] m = mean.data<double>().ToArray();
        double[] c = covariance.contiguous().data<double>().ToArray();
        double[] expected = distribution.Covariance().squeeze(0).contiguous().data<double>().ToArray();
        // Largest variance is 1.25: the mean's standard error is √(1.25/20000) ≈ 0.008, so 0.04 is 5σ.
        for (int i = 0; i < 6; i++) Assert.AreEqual(Mu[i], m[i], 0.04, $"mean[{i}]");
        // A covariance entry's standard error is √((σii·σjj + σij²)/n) ≤ √(2·1.25²/20000) ≈ 0.0125, so 0.06 is ~5σ.
        for (int i = 0; i < 36; i++) Assert.AreEqual(expected[i], c[i], 0.06, $"cov[{i / 6},{i % 6}]");
        // The dense covariance itself is P Pᵀ + D.
        Assert.AreEqual(0.8 * 0.8 + 0.1 * 0.1 + 0.3, expected[0], 1e-12);
        Assert.AreEqual(0.8 * 0.3 + 0.1 * -0.6, expected[1], 1e-12);
    }

    [TestMethod]
    public void LogProbEqualsDenseMultivariateNormalDensity()
    {
        using var scope = NewDisposeScope();
        var distribution = Tiny();
        double[][] values = [[0.1, 0.2, -0.3, 1.5, 0.4, -2.0], [0.5, -1, 2, 0, 1, -0.5], [3, -3, 1, 2, -1, 0.7]];
        Tensor x = tensor(values.SelectMany(v => v).ToArray(), dtype: ScalarType.Float64).reshape(3, 1, 6);
        double[] logProb = distribution.LogProb(x).contiguous().data<double>().ToArray();
        double[,] sigma = DenseSigma();
        for (int s = 0; s < values.Length; s++)
            Assert.AreEqual(DenseLogDensity(values[s], Mu, sigma), logProb[s], 1e-9, $"value {s}");
        // A single value [B, N] gives [B].
        Assert.AreEqual(1L, distribution.LogProb(x[0]).shape[0]);
    }

    [TestMethod]
    public void AntitheticSamplesAreMirrorImagesAroundTheMean()
    {
        using var scope = NewDisposeScope();
        var distribution = Tiny();
        torch.random.manual_seed(7);
        Tensor samples = distribution.RSampleAntithetic(8);                                     // [8, 1, 6]
        Tensor sums = samples.narrow(0, 0, 4).add(samples.narrow(0, 4, 4));
        Tensor twiceMean = distribution.Loc.mul(2).unsqueeze(0).expand(4, -1, -1);
        Assert.IsTrue(sums.allclose(twiceMean, rtol: 0, atol: 1e-12), "s_i + s_{i+M/2} must equal 2μ");
        Assert.IsTrue(samples.narrow(0, 0, 4).sub(distribution.Loc).abs().max().item<double>() > 0.1, "the draws must not all sit at the mean");
        Assert.ThrowsExactly<ArgumentException>(() => distribution.RSampleAntithetic(5));
    }

    [TestMethod]
    public void MismatchedShapesAreRejectedBeforeAnyNativeCall()
    {
        using var scope = NewDisposeScope();
        Tensor loc = zeros(2, 6, dtype: ScalarType.Float64);
        Tensor diag = ones(2, 6, dtype: ScalarType.Float64);
        var error = Assert.ThrowsExactly<ArgumentException>(() => LowRankLogitDistribution.Create(loc, ones(2, 5, 3, dtype: ScalarType.Float64), diag));
        StringAssert.Contains(error.Message, "[2, 5, 3]");
        Assert.ThrowsExactly<ArgumentException>(() => LowRankLogitDistribution.Create(loc, ones(2, 6, 3), diag));          // float32 factor
        Assert.ThrowsExactly<ArgumentException>(() => LowRankLogitDistribution.Create(loc, null, ones(2, 7, dtype: ScalarType.Float64)));
        Assert.ThrowsExactly<ArgumentException>(() => LowRankLogitDistribution.Create(loc, null, diag, [4, 2]));            // 8 ≠ 6
        var distribution = LowRankLogitDistribution.Create(loc, ones(2, 6, 3, dtype: ScalarType.Float64), diag);
        Assert.ThrowsExactly<ArgumentException>(() => distribution.LogProb(zeros(2, 5, dtype: ScalarType.Float64)));
        Assert.ThrowsExactly<ArgumentException>(() => distribution.Reparameterise(zeros(1, 2, 4, dtype: ScalarType.Float64), zeros(1, 2, 6, dtype: ScalarType.Float64)));
    }

    [TestMethod]
    public void BrokenCovarianceFallsBackToIndependentNormals()
    {
        using var scope = NewDisposeScope();
        Tensor loc = zeros(1, 4);
        Tensor diag = full(1, 4, 0.5f);
        Tensor nanFactor = tensor(new[] { float.NaN, 1, float.NaN, 1, float.NaN, 1, float.NaN, 1 }).reshape(1, 4, 2);
        var nan = LowRankLogitDistribution.Create(loc, nanFactor, diag);
        Assert.IsTrue(nan.IsFallback);
        Assert.AreEqual(0, nan.Rank);
        StringAssert.Contains(nan.FallbackReason!, "non-finite");
        Assert.IsTrue(nan.RSample(3).isfinite().all().item<bool>());

        // Identical huge columns: in float32 the capacitance I + PᵀD⁻¹P rounds to a singular matrix.
        Tensor huge = full(1, 4, 2, 1e6f);
        var singular = LowRankLogitDistribution.Create(loc, huge, full(1, 4, 1e-5f));
        Assert.IsTrue(singular.IsFallback, "a singular capacitance must fall back");
        StringAssert.Contains(singular.FallbackReason!, "Cholesky");

        // After a fallback the log-density is that of independent normals N(μ, D).
        Tensor value = tensor(new float[] { 0.5f, -1, 0, 2 }).reshape(1, 4);
        double expected = new[] { 0.5, -1, 0, 2 }.Sum(v => -0.5 * (Math.Log(2 * Math.PI * 0.5) + v * v / 0.5));
        Assert.AreEqual(expected, nan.LogProb(value).item<float>(), 1e-4);
    }

    [TestMethod]
    public void FactorWalkMovesTheSampleByExactlyWeightTimesTheColumn()
    {
        using var scope = NewDisposeScope();
        var distribution = Tiny();
        Tensor epsW = tensor(new double[] { 0.3, -1.2 }).reshape(1, 2);
        Tensor epsD = tensor(new double[] { 0.1, -0.4, 1.1, 0.0, -0.9, 0.6 }).reshape(1, 6);
        double[] weights = [-3, -1, 0, 2.5];
        Tensor outputs = distribution.Manipulate(SampleManipulation.AlongFactor(1, weights), epsW, epsD);   // [4, 1, 6]
        Tensor baseline = distribution.Reparameterise(epsW.unsqueeze(0), epsD.unsqueeze(0)).squeeze(0);
        Assert.IsTrue(outputs[2].allclose(baseline, rtol: 0, atol: 1e-12), "weight 0 is the plain sample");
        for (int i = 0; i < weights.Length; i++)
        {
            double[] difference = outputs[i].sub(baseline).squeeze(0).data<double>().ToArray();
            for (int n = 0; n < 6; n++) Assert.AreEqual(weights[i] * Factor[n, 1], difference[n], 1e-12, $"w={weights[i]} n={n}");
        }
        Assert.ThrowsExactly<ArgumentException>(() => distribution.Manipulate(SampleManipulation.AlongFactor(2, 1.0), epsW, epsD));
    }

    [TestMethod]
    public void ClassScalingMovesOnlyTheChosenClass()
    {
        using var scope = NewDisposeScope();
        var distribution = Tiny();
        Tensor epsW = tensor(new double[] { 0.3, -1.2 }).reshape(1, 2);
        Tensor epsD = tensor(new double[] { 0.1, -0.4, 1.1, 0.0, -0.9, 0.6 }).reshape(1, 6);
        Tensor noise = distribution.Reparameterise(epsW.unsqueeze(0), epsD.unsqueeze(0)).squeeze(0).sub(distribution.Loc).squeeze(0);
        double[] e = noise.data<double>().ToArray();
        double[] weights = [-3, 0, 3];
        double[] outputs = distribution.Manipulate(SampleManipulation.ScaleClass(1, weights), epsW, epsD).contiguous().data<double>().ToArray();
        double[] fromMean = distribution.Manipulate(SampleManipulation.ScaleClass(1, weights, fromMean: true), epsW, epsD).contiguous().data<double>().ToArray();
        for (int i = 0; i < weights.Length; i++)
            for (int n = 0; n < 6; n++)
            {
                bool chosen = n >= 3; // class 1 = the second block of 3 in the class-major layout
                Assert.AreEqual(Mu[n] + (chosen ? weights[i] : 1) * e[n], outputs[i * 6 + n], 1e-12, $"w={weights[i]} n={n}");
                Assert.AreEqual(Mu[n] + (chosen ? weights[i] : 0) * e[n], fromMean[i * 6 + n], 1e-12, $"from mean w={weights[i]} n={n}");
            }
    }

    [TestMethod]
    public void DiagonalDistributionIsIndependentNormals()
    {
        using var scope = NewDisposeScope();
        Tensor loc = tensor(Mu).reshape(1, 6);
        Tensor diag = tensor(Diag).reshape(1, 6);
        var distribution = LowRankLogitDistribution.Create(loc, null, diag, [2, 3]);
        Assert.AreEqual(0, distribution.Rank);
        Assert.IsFalse(distribution.IsFallback);
        double[] x = [0.1, 0.2, -0.3, 1.5, 0.4, -2.0];
        double expected = x.Select((v, n) => -0.5 * (Math.Log(2 * Math.PI * Diag[n]) + (v - Mu[n]) * (v - Mu[n]) / Diag[n])).Sum();
        Assert.AreEqual(expected, distribution.LogProb(tensor(x).reshape(1, 6)).item<double>(), 1e-12);
        Assert.ThrowsExactly<InvalidOperationException>(() => distribution.Manipulate(SampleManipulation.AlongFactor(0, 1.0)));
    }

    private static double[,] DenseSigma()
    {
        var sigma = new double[6, 6];
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                sigma[i, j] = Factor[i, 0] * Factor[j, 0] + Factor[i, 1] * Factor[j, 1] + (i == j ? Diag[i] : 0);
        return sigma;
    }

    /// <summary>log N(x; μ, Σ) by Gaussian elimination with partial pivoting, independent of TorchSharp.</summary>
    private static double DenseLogDensity(double[] x, double[] mu, double[,] sigma)
    {
        int n = x.Length;
        var a = new double[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) a[i, j] = sigma[i, j];
            a[i, n] = x[i] - mu[i];
        }
        double logDet = 0;
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (pivot != col)
                for (int j = 0; j <= n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            logDet += Math.Log(Math.Abs(a[col, col]));
            for (int r = col + 1; r < n; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int j = col; j <= n; j++) a[r, j] -= f * a[col, j];
            }
        }
        var solution = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = a[i, n];
            for (int j = i + 1; j < n; j++) s -= a[i, j] * solution[j];
            solution[i] = s / a[i, i];
        }
        double mahalanobis = Enumerable.Range(0, n).Sum(i => (x[i] - mu[i]) * solution[i]);
        return -0.5 * (n * Math.Log(2 * Math.PI) + logDet + mahalanobis);
    }
}
