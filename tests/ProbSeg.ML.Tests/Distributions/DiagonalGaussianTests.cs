using ProbSeg.ML.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Distributions;

[TestClass]
public sealed class DiagonalGaussianTests
{
    [TestMethod]
    public void KLMatchesTheClosedFormAndVanishesForEqualGaussians()
    {
        using var scope = NewDisposeScope();
        Tensor muQ = tensor(new[] { 1f, 0f }), sigmaQ = tensor(new[] { 0.5f, 2f });
        Tensor muP = tensor(new[] { 0f, 1f }), sigmaP = tensor(new[] { 1f, 1f });
        float[] kl = DiagonalGaussian.KLDivergence(muQ, sigmaQ, muP, sigmaP).data<float>().ToArray();
        // KL(N(μq,σq²)‖N(μp,σp²)) = log(σp/σq) + (σq² + (μq−μp)²)/(2σp²) − ½
        Assert.AreEqual(Math.Log(1 / 0.5) + (0.25 + 1) / 2 - 0.5, kl[0], 1e-6);
        Assert.AreEqual(Math.Log(1 / 2.0) + (4 + 1) / 2.0 - 0.5, kl[1], 1e-6);
        Assert.AreEqual(0, DiagonalGaussian.KLDivergence(muQ, sigmaQ, muQ, sigmaQ).abs().max().item<float>(), 1e-6);

        Tensor perItem = DiagonalGaussian.KLDivergencePerItem(muQ.reshape(1, 2, 1, 1), sigmaQ.reshape(1, 2, 1, 1), muP.reshape(1, 2, 1, 1), sigmaP.reshape(1, 2, 1, 1));
        Assert.AreEqual(kl[0] + kl[1], perItem.item<float>(), 1e-6);
        Assert.ThrowsExactly<ArgumentException>(() => DiagonalGaussian.KLDivergence(muQ, sigmaQ, muP, ones(3)));
    }
}
