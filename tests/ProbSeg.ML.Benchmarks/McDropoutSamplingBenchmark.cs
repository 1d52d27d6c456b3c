using BenchmarkDotNet.Attributes;
using ProbSeg.ML.Models;
using ProbSeg.ML.Networks;
using ProbSeg.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Benchmarks;

/// <summary>
/// 100 MC-Dropout samples of 8 LIDC-sized images (64², the experiments' backbone), by how many image copies go through
/// the U-Net in one pass: the knob that trades peak memory against per-pass overhead.
/// </summary>
[MemoryDiagnoser]
public class McDropoutSamplingBenchmark
{
    private McDropoutUNet _model = null!;
    private Tensor _images = null!;

    /// <summary>Image copies × pixels per pass (2^12 = one copy of 64², 2^17 = 32).</summary>
    [Params(1L << 12, 1L << 13, 1L << 14, 1L << 15, 1L << 16, 1L << 17)]
    public long PixelsPerPass { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        LibTorchSettings.EnsureApplied();
        torch.random.manual_seed(1);
        _model = new McDropoutUNet(new McDropoutUNetConfig(1, 2, new UNetConfig([16, 32, 64, 96, 96])));
        _model.eval();
        _model.MaxPixelsPerPass = PixelsPerPass;
        _images = torch.rand(8, 1, 64, 64);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _images.Dispose();
        _model.Dispose();
    }

    [Benchmark]
    public float HundredSamplesOf8Images()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return _model.SampleLogits(_images, 100).sum().item<float>();
    }
}
