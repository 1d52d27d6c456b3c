namespace ProbSeg.ML.Metrics;

/// <summary>Accumulates <see cref="ModeFrequencyCalibration"/> image by image (MONAI-style; shards merge).</summary>
public sealed class ModeFrequencyCalibrationMetric
{
    private readonly double[] _predictedSum, _predictedSquares, _trueSum;
    private readonly ScalarSeries _unassigned = new();

    /// <summary>Creates the accumulator for <paramref name="modes"/> modes.</summary>
    public ModeFrequencyCalibrationMetric(int modes)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), $"Mode count must be at least 1, got {modes}.");
        Modes = modes;
        _predictedSum = new double[modes];
        _predictedSquares = new double[modes];
        _trueSum = new double[modes];
    }

    /// <summary>Number of modes.</summary>
    public int Modes { get; }

    /// <summary>Adds one image: each sample's mode id (−1 = none) and the true mode probabilities.</summary>
    public ModeFrequencyResult Accumulate(ReadOnlySpan<int> assignedModes, ReadOnlySpan<double> trueProbabilities)
    {
        if (trueProbabilities.Length != Modes)
            throw new ArgumentException($"{trueProbabilities.Length} mode probabilities given; this metric has {Modes} modes.", nameof(trueProbabilities));
        var result = ModeFrequencyCalibration.Compute(assignedModes, trueProbabilities);
        for (int mode = 0; mode < Modes; mode++)
        {
            double f = result.PredictedFrequency[mode];
            _predictedSum[mode] += f;
            _predictedSquares[mode] += f * f;
            _trueSum[mode] += result.TrueProbability[mode];
        }
        _unassigned.Add(result.UnassignedFraction);
        return result;
    }

    /// <summary>Bisector-plot points and summaries of everything accumulated so far (NaN points when empty).</summary>
    public ModeFrequencySummary Aggregate()
    {
        int n = _unassigned.Count;
        var points = new ModeCalibrationPoint[Modes];
        double error = 0;
        for (int mode = 0; mode < Modes; mode++)
        {
            double mean = _predictedSum[mode] / n;
            double std = Math.Sqrt(Math.Max(0, _predictedSquares[mode] / n - mean * mean));
            points[mode] = new ModeCalibrationPoint(mode, _trueSum[mode] / n, mean, n == 0 ? double.NaN : std);
            error += Math.Abs(points[mode].PredictedFrequency - points[mode].TrueProbability);
        }
        return new ModeFrequencySummary(points, error / Modes, _unassigned.Summary());
    }

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        Array.Clear(_predictedSum);
        Array.Clear(_predictedSquares);
        Array.Clear(_trueSum);
        _unassigned.Clear();
    }

    /// <summary>Adds the images of <paramref name="other"/> (same mode count).</summary>
    public void Merge(ModeFrequencyCalibrationMetric other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge an accumulator into itself.", nameof(other));
        if (other.Modes != Modes) throw new ArgumentException($"Cannot merge a {other.Modes}-mode accumulator into a {Modes}-mode one.", nameof(other));
        for (int mode = 0; mode < Modes; mode++)
        {
            _predictedSum[mode] += other._predictedSum[mode];
            _predictedSquares[mode] += other._predictedSquares[mode];
            _trueSum[mode] += other._trueSum[mode];
        }
        _unassigned.AddRange(other._unassigned);
    }
}
