using Microsoft.ML;
using Microsoft.ML.Runtime;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Tests.Models;
using ProbSeg.ML.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>The SSN trainer tells the user, through <c>MLContext.Log</c>, when the covariance broke down.</summary>
[TestClass]
public sealed class SsnFallbackLogTests
{
    [TestMethod]
    public void EachFallbackAndTheirCountReachTheMLContextLog()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) messages.Add(e.Message); };
        torch.random.manual_seed(1);
        using var model = new StochasticSegmentationNetwork(new StochasticSegmentationNetworkConfig(1, 2, UNetConfig.Small, Rank: 2, MonteCarloSamples: 2));
        using (no_grad())
            model.named_parameters().Single(p => p.name == "_heads._factor.weight").parameter.fill_(float.NaN);

        using (IChannel channel = ((IChannelProvider)ml).Start("ssn-test"))
        using (new StochasticSegmentationNetworkTrainer.FallbackLog(model, channel, "SSN"))
        {
            using var scope = NewDisposeScope();
            model.train();
            model.ComputeLoss(ModelBatches.First(TinyData.Squares(2), 2));
        }

        var fallbacks = messages.Where(m => m.Contains("SSN:")).ToArray();
        Assert.HasCount(2, fallbacks, string.Join(" | ", messages));
        StringAssert.Contains(fallbacks[0], "independent normals for this batch");
        StringAssert.Contains(fallbacks[1], "in 1 batches");
    }
}
