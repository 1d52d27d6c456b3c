using ProbSeg.ML.Runtime;

[assembly: Parallelize(Workers = 1, Scope = ExecutionScope.ClassLevel)]

namespace ProbSeg.ML.Tests;

[TestClass]
public static class AssemblySetup
{
    // Some tests call TorchSharp directly before touching a ProbSeg type; the native setup must precede the first op.
    [AssemblyInitialize]
    public static void Initialize(TestContext _)
    {
        NativeRuntimeSetup.EnsureApplied();
        LibTorchSettings.EnsureApplied();
    }
}
