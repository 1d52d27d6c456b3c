using BenchmarkDotNet.Attributes;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Benchmarks;

/// <summary>One image's probability-based analyses: N = 100 sample softmaxes, K = 2, 128×128, 4 annotators.</summary>
[MemoryDiagnoser]
public class ProbabilityAnalysesBenchmark
{
    private const int Size = 128, Samples = 100, Classes = 2, Annotators = 4, Pixels = Size * Size;
    private float[] _probabilities = [];
    private float[] _mean = [];
    private byte[] _samples = [];
    private byte[] _annotations = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _probabilities = new float[Samples * Classes * Pixels];
        for (int i = 0; i < Samples; i++)
        {
            double cx = Size / 2.0 + rng.NextDouble() * 16 - 8, radius = 6 + rng.NextDouble() * 14;
            for (int x = 0; x < Pixels; x++)
            {
                double dx = x % Size - cx, dy = x / Size - Size / 2.0;
                float p1 = (float)(1 / (1 + Math.Exp((Math.Sqrt(dx * dx + dy * dy) - radius) / 2)));
                _probabilities[(i * Classes + 1) * Pixels + x] = p1;
                _probabilities[i * Classes * Pixels + x] = 1 - p1;
            }
        }
        var maps = new ProbabilityMaps(_probabilities, Samples, Classes, Pixels);
        _mean = maps.Mean();
        _samples = maps.Argmax();
        _annotations = _samples.AsSpan(0, Annotators * Pixels).ToArray();
    }

    /// <summary>PHiSeg γ-map and S_NCC.</summary>
    [Benchmark]
    public double GammaMapNccOf100Samples() =>
        GammaMapNcc.Compute(new ProbabilityMaps(_probabilities, Samples, Classes, Pixels), new LabelMaps(_annotations, Annotators, Pixels)).Ncc;

    /// <summary>Class-wise ECE (10 bins) of the mean.</summary>
    [Benchmark]
    public double CalibrationErrorOfMean() =>
        CalibrationError.Compute(_mean, Classes, new LabelMaps(_annotations, Annotators, Pixels)).Ece;

    /// <summary>Czolbe uncertainty analysis (16 error draws).</summary>
    [Benchmark]
    public double UncertaintyAnalysisOfMean() =>
        UncertaintyAnalysis.Compute(_mean, new LabelMaps(_samples, Samples, Pixels), new LabelMaps(_annotations, Annotators, Pixels)).ErrorCorrelation;
}
