using BenchmarkDotNet.Attributes;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Benchmarks;

/// <summary>
/// One image's distribution metrics at the SSN/PHiSeg evaluation size: N = 100 samples × M = 4 annotators, 128×128,
/// blob-shaped masks. Packed = what the library does; Naive = per-pixel IoU for every pair, for scale.
/// </summary>
[MemoryDiagnoser]
public class DistributionMetricsBenchmark
{
    private const int Size = 128, Samples = 100, Annotators = 4, Pixels = Size * Size;
    private byte[] _samples = [];
    private byte[] _annotations = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _samples = Blobs(rng, Samples);
        _annotations = Blobs(rng, Annotators);
    }

    /// <summary>Pack once, all N² + N·M + M² IoUs, then GED (with both diversities) and HM-IoU from them.</summary>
    [Benchmark(Baseline = true)]
    public double GedDiversityHmIoU()
    {
        var pairwise = PairwiseIoU.Compute(new LabelMaps(_samples, Samples, Pixels), new LabelMaps(_annotations, Annotators, Pixels));
        var ged = GeneralizedEnergyDistance.FromPairwise(pairwise);
        var hm = HungarianMatchedIoU.FromPairwise(pairwise);
        return ged.Ged + ged.SampleDiversity + ged.AnnotatorDiversity + hm.Value;
    }

    /// <summary>The same pairs with a per-pixel loop per pair (what a direct port of the Python references does).</summary>
    [Benchmark]
    public double NaivePairwiseIoU()
    {
        double sum = 0;
        for (int i = 0; i < Samples; i++)
        {
            var a = _samples.AsSpan(i * Pixels, Pixels);
            for (int j = 0; j < Samples; j++) sum += NaiveIoU(a, _samples.AsSpan(j * Pixels, Pixels));
            for (int j = 0; j < Annotators; j++) sum += NaiveIoU(a, _annotations.AsSpan(j * Pixels, Pixels));
        }
        for (int i = 0; i < Annotators; i++)
            for (int j = 0; j < Annotators; j++)
                sum += NaiveIoU(_annotations.AsSpan(i * Pixels, Pixels), _annotations.AsSpan(j * Pixels, Pixels));
        return sum;
    }

    private static double NaiveIoU(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int inter = 0, union = 0;
        for (int x = 0; x < a.Length; x++)
        {
            bool p = a[x] == 1, q = b[x] == 1;
            if (p & q) inter++;
            if (p | q) union++;
        }
        return union == 0 ? 1 : (double)inter / union;
    }

    /// <summary>Lesion-like masks: discs near the centre with varying radius and offset; one in eight empty.</summary>
    private static byte[] Blobs(Random rng, int count)
    {
        var data = new byte[count * Pixels];
        for (int m = 0; m < count; m++)
        {
            if (rng.Next(8) == 0) continue;
            double cx = Size / 2.0 + rng.NextDouble() * 16 - 8, cy = Size / 2.0 + rng.NextDouble() * 16 - 8;
            double radius = 6 + rng.NextDouble() * 14;
            for (int y = 0; y < Size; y++)
                for (int x = 0; x < Size; x++)
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius) data[m * Pixels + y * Size + x] = 1;
        }
        return data;
    }
}
