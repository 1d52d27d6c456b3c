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
}
