using ProbSeg.ML.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Models;

[TestClass]
public sealed class DiagonalGaussianTests
{
    private static DiagonalGaussian Gaussian(float[] mean, float[] sigma) =>
        new(tensor(mean).view(1, -1), tensor(sigma).log().view(1, -1));

    [TestMethod]
    public void KlIsZeroWhenPosteriorEqualsPrior()
    {
        torch.random.manual_seed(3);
        var g = new DiagonalGaussian(randn(4, 6), randn(4, 6));
        var copy = new DiagonalGaussian(g.Mean.clone(), g.LogSigma.clone());
        float[] kl = DiagonalGaussian.KlDivergence(g, copy).data<float>().ToArray();
        Assert.AreEqual(4, kl.Length);
        foreach (float v in kl) Assert.AreEqual(0, v, 1e-5);
    }

    [TestMethod]
    public void KlMatchesHandComputedValueInTheQToPDirection()
    {
        var q = Gaussian([1, 0], [0.5f, 2]);
        var p = Gaussian([0, 1], [1, 1]);
        // Σ log σp − log σq + (σq² + Δμ²)/(2σp²) − ½ = (ln 2 + 0.625 − 0.5) + (−ln 2 + 2.5 − 0.5) = 2.125.
        Assert.AreEqual(2.125, DiagonalGaussian.KlDivergence(q, p).item<float>(), 1e-5);
        // The reversed KL(p‖q) (Czolbe's bug) is (−ln 2 + 4 − 0.5) + (ln 2 + 0.25 − 0.5) = 3.25.
        Assert.AreEqual(3.25, DiagonalGaussian.KlDivergence(p, q).item<float>(), 1e-5);
    }

    [TestMethod]
    public void SamplesHaveTheGaussiansMeanAndSigma()
    {
        torch.random.manual_seed(5);
        var g = Gaussian([1, -2], [0.5f, 2]);
        Tensor z = g.Sample(20000);
        CollectionAssert.AreEqual(new long[] { 20000, 1, 2 }, z.shape);
        float[] mean = z.mean([0]).data<float>().ToArray();
        float[] std = z.std(0).data<float>().ToArray();
        // Standard errors with 20 000 draws are ≤ 2/√20000 ≈ 0.014 (mean) and ≈ 0.01 (std); 0.06 is > 4 SE.
        Assert.AreEqual(1, mean[0], 0.06);
        Assert.AreEqual(-2, mean[1], 0.06);
        Assert.AreEqual(0.5, std[0], 0.06);
        Assert.AreEqual(2, std[1], 0.06);
    }

    [TestMethod]
    public void MismatchedShapesThrowClearly()
    {
        var a = new DiagonalGaussian(zeros(2, 3), zeros(2, 3));
        var b = new DiagonalGaussian(zeros(2, 4), zeros(2, 4));
        var error = Assert.ThrowsExactly<ArgumentException>(() => DiagonalGaussian.KlDivergence(a, b));
        StringAssert.Contains(error.Message, "[2, 3]");
        Assert.ThrowsExactly<ArgumentException>(() => new DiagonalGaussian(zeros(2, 3), zeros(3, 2)));
    }
}
