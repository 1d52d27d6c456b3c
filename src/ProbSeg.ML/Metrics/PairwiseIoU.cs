namespace ProbSeg.ML.Metrics;

/// <summary>
/// Every IoU among one image's N samples and its present annotators, computed in one pass from masks packed once:
/// the shared input of <see cref="GeneralizedEnergyDistance"/> (and so of sample/annotator diversity) and
/// <see cref="HungarianMatchedIoU"/>.
/// </summary>
/// <remarks>
/// Absent annotator slots (first pixel 255) are dropped; <see cref="AnnotatorSlots"/> maps the annotator index used
/// here back to the slot. Undefined IoUs (both masks empty under <see cref="EmptyPairConvention.Exclude"/>) are NaN.
/// Cost: packing is one vectorised pass per map and class; each pair is a popcount over the words where both masks
/// have pixels.
/// </remarks>
public sealed class PairwiseIoU
{
    private readonly double[] _ss, _sa, _aa;

    private PairwiseIoU(OverlapOptions options, int samples, int[] slots, double[] ss, double[] sa, double[] aa)
    {
        Options = options;
        SampleCount = samples;
        AnnotatorSlots = slots;
        _ss = ss;
        _sa = sa;
        _aa = aa;
    }

    /// <summary>The conventions the IoUs were computed with.</summary>
    public OverlapOptions Options { get; }

    /// <summary>Number of samples N.</summary>
    public int SampleCount { get; }

    /// <summary>Number of present annotators M.</summary>
    public int AnnotatorCount => AnnotatorSlots.Count;

    /// <summary>The annotator slot of each present annotator, in order.</summary>
    public IReadOnlyList<int> AnnotatorSlots { get; }

    /// <summary>IoU of samples <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double SampleSample(int i, int j) => _ss[Index(i, SampleCount, j, SampleCount)];

    /// <summary>IoU of sample <paramref name="i"/> and present annotator <paramref name="j"/>.</summary>
    public double SampleAnnotator(int i, int j) => _sa[Index(i, SampleCount, j, AnnotatorCount)];

    /// <summary>IoU of present annotators <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double AnnotatorAnnotator(int i, int j) => _aa[Index(i, AnnotatorCount, j, AnnotatorCount)];

    /// <summary>Computes all N² + N·M + M² IoUs of one image.</summary>
    /// <param name="samples">Model samples <c>[N, H·W]</c> (N ≥ 1, none may be marked missing).</param>
    /// <param name="annotations">Annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="options">Overlap conventions (default: PHiSeg).</param>
    /// <exception cref="ArgumentException">Shapes disagree, no samples, or a class id is out of range.</exception>
    public static PairwiseIoU Compute(LabelMaps samples, LabelMaps annotations, OverlapOptions? options = null)
    {
        options ??= OverlapOptions.Default;
        options.Validate();
        if (samples.Count < 1) throw new ArgumentException("At least one sample is needed.", nameof(samples));
        if (samples.PixelCount != annotations.PixelCount)
            throw new ArgumentException($"Samples have {samples.PixelCount} pixels, annotations {annotations.PixelCount}.", nameof(annotations));

        int n = samples.Count;
        var slots = annotations.PresentIndices();
        int m = slots.Length;
        var all = Enumerable.Range(0, n).ToArray();
        var s = PackedMasks.Pack(samples, all, options, "sample");
        var a = PackedMasks.Pack(annotations, slots, options, "annotation");

        var ss = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                ss[i * n + j] = ss[j * n + i] = OverlapScore.Average(s, i, s, j, options, dice: false);
        var sa = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                sa[i * m + j] = OverlapScore.Average(s, i, a, j, options, dice: false);
        var aa = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = i; j < m; j++)
                aa[i * m + j] = aa[j * m + i] = OverlapScore.Average(a, i, a, j, options, dice: false);
        return new PairwiseIoU(options, n, slots, ss, sa, aa);
    }

    /// <summary>Hash of the sample–annotator and annotator–annotator IoUs: identifies the image for seeded draws.</summary>
    internal ulong ContentHash => StableHash.Of(_aa, StableHash.Of(_sa, (ulong)SampleCount));

    private static int Index(int i, int rows, int j, int columns)
    {
        if ((uint)i >= (uint)rows) throw new ArgumentOutOfRangeException(nameof(i), $"Index {i} is outside [0, {rows}).");
        if ((uint)j >= (uint)columns) throw new ArgumentOutOfRangeException(nameof(j), $"Index {j} is outside [0, {columns}).");
        return i * columns + j;
    }
}
