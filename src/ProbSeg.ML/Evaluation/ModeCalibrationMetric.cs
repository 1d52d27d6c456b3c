using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Evaluation;

/// <summary>
/// Accumulates mode-frequency calibration image by image against a <see cref="ModeReference"/> (MONAI-style: accumulate,
/// aggregate, reset; shards merge): the bisector data of Kohl et al. per group of images, a per-(image, mode) scatter,
/// pixel-wise marginal calibration and, for class-flip sets, Kohl's per-switchable-class pixel frequencies.
/// </summary>
/// <remarks>
/// Per image, each sample is assigned to a true mode (<see cref="ModeAssignment"/>); the group's
/// <see cref="ModeFrequencyCalibrationMetric"/> then compares each category's share of the samples with its true
/// probability (<see cref="ModeFrequencyCalibration"/>).
/// </remarks>
public sealed class ModeCalibrationMetric
{
    private ModeFrequencyCalibrationMetric[] _groups = [];
    private int[] _imagesPerGroup = [];
    private readonly List<ModeFrequencyPoint> _points = [];
    private readonly List<double> _unassigned = [];
    private ReliabilityDiagram _marginals;
    private long[] _switchCounts = [];

    /// <summary>Creates the accumulator.</summary>
    /// <param name="reference">The true modes of the images.</param>
    /// <param name="classes">Number of classes K of the samples (for a class-flip set, source classes plus flipped copies).</param>
    /// <param name="assignment">How samples are assigned to modes (default nearest, as Kohl).</param>
    /// <param name="marginalBins">Bins of the pixel-wise marginal calibration (default 10, as the ECE).</param>
    public ModeCalibrationMetric(ModeReference reference, int classes, ModeAssignment assignment = ModeAssignment.NearestMode,
        int marginalBins = CalibrationError.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (classes < 2 || classes > 255) throw new ArgumentOutOfRangeException(nameof(classes), $"Class count must be in [2, 255], got {classes}.");
        if (!Enum.IsDefined(assignment)) throw new ArgumentException($"Unknown ModeAssignment {assignment}.", nameof(assignment));
        if (reference.Groups.Count == 0) throw new ArgumentException("The mode reference has no groups.", nameof(reference));
        foreach (var sw in reference.SwitchableClasses)
            if (sw.ClassId >= classes || sw.FlippedClassId >= classes)
                throw new ArgumentException($"Switchable class '{sw.Name}' ({sw.ClassId} → {sw.FlippedClassId}) is outside the {classes} classes.", nameof(classes));
        Reference = reference;
        Classes = classes;
        Assignment = assignment;
        MarginalBins = marginalBins;
        _marginals = new ReliabilityDiagram(classes, marginalBins);
        Reset();
    }

    /// <summary>The true modes.</summary>
    public ModeReference Reference { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>How samples are assigned to modes.</summary>
    public ModeAssignment Assignment { get; }

    /// <summary>Bins of the pixel-wise marginal calibration.</summary>
    public int MarginalBins { get; }

    /// <summary>Adds image <paramref name="imageIndex"/> (an index of <see cref="Reference"/>) with its sample label maps <c>[N, H·W]</c>.</summary>
    /// <exception cref="ArgumentException">The samples' size differs from the modes', or a class id is ≥ K.</exception>
    public ModeCalibrationResult Accumulate(int imageIndex, LabelMaps samples)
    {
        if (samples.Count < 1) throw new ArgumentException("At least one sample is needed.", nameof(samples));
        var modes = Reference.Modes(imageIndex);
        var truth = modes.Distribution;
        if (truth.PixelCount != samples.PixelCount)
            throw new ArgumentException($"Samples have {samples.PixelCount} pixels; the modes of image {imageIndex} have {truth.PixelCount}.", nameof(samples));
        if (modes.Categories.Count != truth.Count)
            throw new InvalidOperationException($"The mode reference gives {modes.Categories.Count} categories for {truth.Count} modes of image {imageIndex}.");
        for (int i = 0; i < samples.Count; i++) PackedMasks.ThrowIfOutOfRange(samples[i], Classes, "sample", i);
        var group = Reference.Groups[modes.Group];

        var assigned = Assign(imageIndex, truth, samples);
        var categoryOfSample = assigned.Select(m => m < 0 ? -1 : modes.Categories[m]).ToArray();
        var trueByCategory = new double[group.ModeNames.Count];
        var present = new bool[group.ModeNames.Count];
        for (int m = 0; m < truth.Count; m++)
        {
            trueByCategory[modes.Categories[m]] += truth.Probabilities[m];
            present[modes.Categories[m]] = true;
        }
        var frequencies = _groups[modes.Group].Accumulate(categoryOfSample, trueByCategory);
        _imagesPerGroup[modes.Group]++;
        _unassigned.Add(frequencies.UnassignedFraction);
        for (int c = 0; c < present.Length; c++)
            if (present[c])
                _points.Add(new ModeFrequencyPoint(imageIndex, modes.Group, c, trueByCategory[c], frequencies.PredictedFrequency[c]));

        AddMarginals(truth, samples);
        AddSwitchCounts(imageIndex, samples);
        return new ModeCalibrationResult(modes.Group, assigned, frequencies);
    }

    /// <summary>Everything accumulated so far.</summary>
    public ModeCalibrationReport Aggregate()
    {
        var groups = Reference.Groups.Select((g, i) => new ModeGroupCalibration(g, _imagesPerGroup[i], _groups[i].Aggregate())).ToArray();
        var marginals = new ReliabilityDiagram(Classes, MarginalBins);
        marginals.Add(_marginals);
        var switchable = Reference.SwitchableClasses.Select((sw, j) =>
        {
            long total = _switchCounts[3 * j];
            return new SwitchableClassFrequency(sw, total,
                total == 0 ? double.NaN : (double)_switchCounts[3 * j + 1] / total,
                total == 0 ? double.NaN : (double)_switchCounts[3 * j + 2] / total);
        }).ToArray();
        return new ModeCalibrationReport(Assignment, groups, _points.ToArray(), MetricSummary.FromValues(_unassigned.ToArray()), marginals, switchable);
    }

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        _groups = Reference.Groups.Select(g => new ModeFrequencyCalibrationMetric(g.ModeNames.Count)).ToArray();
        _imagesPerGroup = new int[Reference.Groups.Count];
        _points.Clear();
        _unassigned.Clear();
        _marginals = new ReliabilityDiagram(Classes, MarginalBins);
        _switchCounts = new long[3 * Reference.SwitchableClasses.Count];
    }

    /// <summary>Adds the images of <paramref name="other"/> (same groups, classes, assignment and bins).</summary>
    public void Merge(ModeCalibrationMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (!Reference.SameGroupsAs(other.Reference) || other.Classes != Classes || other.Assignment != Assignment
            || other.MarginalBins != MarginalBins || other._switchCounts.Length != _switchCounts.Length)
            throw new ArgumentException("Cannot merge mode-calibration accumulators with different groups, classes, assignment or bins.", nameof(other));
        for (int g = 0; g < _groups.Length; g++)
        {
            _groups[g].Merge(other._groups[g]);
            _imagesPerGroup[g] += other._imagesPerGroup[g];
        }
        _points.AddRange(other._points);
        _unassigned.AddRange(other._unassigned);
        _marginals.Add(other._marginals);
        for (int i = 0; i < _switchCounts.Length; i++) _switchCounts[i] += other._switchCounts[i];
    }

    private int[] Assign(int imageIndex, ModeDistribution truth, LabelMaps samples)
    {
        var assigned = new int[samples.Count];
        if (Assignment == ModeAssignment.ExactMatch)
        {
            for (int i = 0; i < samples.Count; i++) assigned[i] = Reference.ExactModeOf(imageIndex, samples[i]);
            return assigned;
        }
        int p = truth.PixelCount;
        var masks = new byte[truth.Count * p];
        for (int m = 0; m < truth.Count; m++) truth.Modes[m].Mask.Span.CopyTo(masks.AsSpan(m * p, p));
        // Both-empty counts as IoU 1, so a sample equal to a mode is always at distance 0 from it.
        var overlap = new OverlapOptions { Classes = Classes, EmptyPairs = EmptyPairConvention.CountAsPerfect };
        var iou = PairwiseIoU.Compute(samples, new LabelMaps(masks, truth.Count, p), overlap);
        for (int i = 0; i < samples.Count; i++)
        {
            int best = 0;
            for (int m = 1; m < truth.Count; m++)
                if (iou.SampleAnnotator(i, m) > iou.SampleAnnotator(i, best)) best = m;
            assigned[i] = best;
        }
        return assigned;
    }

    private void AddMarginals(ModeDistribution truth, LabelMaps samples)
    {
        int p = truth.PixelCount, k = Classes;
        var trueMarginal = new double[k * p];
        for (int m = 0; m < truth.Count; m++)
        {
            var mask = truth.Modes[m].Mask.Span;
            double probability = truth.Probabilities[m];
            for (int x = 0; x < p; x++)
            {
                int c = mask[x];
                if (c >= k) throw new InvalidOperationException($"Mode {m} has class id {c} at pixel {x}, outside the {k} classes.");
                trueMarginal[c * p + x] += probability;
            }
        }
        var counts = new int[k * p];
        for (int i = 0; i < samples.Count; i++)
        {
            var map = samples[i];
            for (int x = 0; x < p; x++) counts[map[x] * p + x]++;
        }
        double perSample = 1.0 / samples.Count;
        for (int c = 0; c < k; c++)
            for (int x = 0; x < p; x++)
            {
                double f = counts[c * p + x] * perSample;
                _marginals.Add(c, _marginals.BinOf(f), f, Math.Min(1.0, trueMarginal[c * p + x]));
            }
    }

    private void AddSwitchCounts(int imageIndex, LabelMaps samples)
    {
        var switchable = Reference.SwitchableClasses;
        if (switchable.Count == 0) return;
        int p = samples.PixelCount;
        foreach (var source in Reference.SwitchSources(imageIndex))
        {
            if (source.Length != p)
                throw new InvalidOperationException($"A switch source of image {imageIndex} has {source.Length} pixels; samples have {p}.");
            var labels = source.Span;
            for (int j = 0; j < switchable.Count; j++)
            {
                byte original = (byte)switchable[j].ClassId, flipped = (byte)switchable[j].FlippedClassId;
                long pixels = 0, kept = 0, switched = 0;
                for (int x = 0; x < p; x++)
                {
                    if (labels[x] != original) continue;
                    pixels++;
                    for (int i = 0; i < samples.Count; i++)
                    {
                        byte s = samples.Data[i * p + x];
                        if (s == original) kept++;
                        else if (s == flipped) switched++;
                    }
                }
                _switchCounts[3 * j] += pixels * samples.Count;
                _switchCounts[3 * j + 1] += kept;
                _switchCounts[3 * j + 2] += switched;
            }
        }
    }
}
