using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Tests;

[TestClass]
public sealed class TorchSharpSmokeTests
{
    [TestMethod]
    public void NativeLibraryLoadsAndComputes()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var b = a.matmul(a);
        CollectionAssert.AreEqual(new float[] { 7, 10, 15, 22 }, b.data<float>().ToArray());
    }

    [TestMethod]
    public void NativeSetupIsInForce()
    {
        ProbSeg.ML.Runtime.NativeRuntimeSetup.EnsureApplied();
        Assert.IsTrue(ProbSeg.ML.Runtime.NativeRuntimeSetup.MallocTuned, "glibc malloc thresholds were not raised");
        Assert.AreEqual("SSE41", ProbSeg.ML.Runtime.NativeRuntimeSetup.OneDnnIsaCap);
        Assert.IsTrue(ProbSeg.ML.Runtime.LibTorchSettings.IsNnpackDisabled, "NNPACK could not be turned off");
    }
}
