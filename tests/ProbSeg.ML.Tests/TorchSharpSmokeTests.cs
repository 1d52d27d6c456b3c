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
        Assert.IsTrue(ProbSeg.ML.Runtime.LibTorchSettings.IsNnpackDisabled, "NNPACK could not be turned off");
        if (Environment.GetEnvironmentVariable("PROBSEG_ONEDNN") != "1")
            Assert.IsTrue(ProbSeg.ML.Runtime.LibTorchSettings.IsOneDnnDisabled, "oneDNN could not be turned off");
        if (!ProbSeg.ML.Runtime.NativeRuntimeSetup.UserChoseThreads) Assert.AreEqual(1, get_num_threads());
    }
}
