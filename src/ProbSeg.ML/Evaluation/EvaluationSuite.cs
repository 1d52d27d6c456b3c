using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Evaluation;

/// <summary>
/// Runs every analysis of the seed papers over a model's predictions, image by image, and aggregates them into one
/// <see cref="EvaluationReport"/> (MONAI-style: accumulate per batch or shard, aggregate, reset; shards merge).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Distribution: GED, sample/annotator diversity (PHiSeg) and HM-IoU (CAR, MoSE), from one pass of pairwise IoUs.</description></item>
/// <item><description>PHiSeg γ-maps and S_NCC (<see cref="GammaMapNcc"/>), when the samples' softmax is given.</description></item>
/// <item><description>SSN: samples versus the mean prediction (arg-max of the mean probabilities; <see cref="SampleVersusMeanDice"/>).</description></item>
/// <item><description>Class-wise ECE, 10 bins, and the reliability diagram of the mean prediction (<see cref="CalibrationError"/>).</description></item>
/// <item><description>Czolbe et al.: uncertainty by condition and agreement, r(uncertainty, error) (<see cref="UncertaintyAnalysis"/>),
/// and the pooled uncertainty-versus-error curve (<see cref="UncertaintyErrorCurve"/>).</description></item>
/// <item><description>Kohl et al.: mode-frequency calibration against a <see cref="ModeReference"/> (<see cref="ModeCalibrationMetric"/>).</description></item>
/// </list>
/// Not thread-safe: use one suite per thread or shard and <see cref="Merge"/> them.
/// <example><code>
/// var prediction = new SegmentationPredictor(model).Predict(test.Images, test.Count, 32, 32, samples: 16, seed: 1, keepSampleProbabilities: true);
/// var suite = new EvaluationSuite(classes: 2, modes: ModeReference.FromSynthetic(testSet));
/// suite.Accumulate(prediction, test);
/// EvaluationReport report = suite.Aggregate();
/// </code></example>
/// </remarks>
public sealed class EvaluationSuite
{
    private readonly GeneralizedEnergyDistanceMetric? _ged;
    private readonly HungarianMatchedIoUMetric? _hmIoU;
    private readonly GammaMapNccMetric? _gamma;
    private readonly SampleVersusMeanDiceMetric? _sampleVersusMean;
    private readonly CalibrationErrorMetric? _calibration;
    private readonly UncertaintyAnalysisMetric? _uncertainty;
    private UncertaintyErrorCurve? _uncertaintyError;
    private readonly ModeCalibrationMetric? _modes;
    private readonly List<EvaluationExample> _examples = [];
    private int _gammaSkipped, _gammaImages;

    /// <summary>Creates a suite for predictions with <paramref name="classes"/> classes.</summary>
    /// <param name="classes">Number of classes K (2 for binary lesion masks).</param>
    /// <param name="options">Settings (default: the papers' choices, see <see cref="EvaluationOptions"/>).</param>
    /// <param name="modes">The true modes, for mode-frequency calibration; without it that analysis is skipped.</param>
    public EvaluationSuite(int classes, EvaluationOptions? options = null, ModeReference? modes = null)
    {
        if (classes < 2 || classes > 255) throw new ArgumentOutOfRangeException(nameof(classes), $"Class count must be in [2, 255], got {classes}.");
        Options = options ?? EvaluationOptions.Default;
        Options.Validate();
        Classes = classes;
        var o = Options;
        if (o.Runs(EvaluationAnalyses.Distribution))
        {
            _ged = new GeneralizedEnergyDistanceMetric(o.Ged with { Overlap = o.Ged.Overlap with { Classes = classes } });
            _hmIoU = new HungarianMatchedIoUMetric(o.HungarianMatching with { Classes = classes });
        }
        if (o.Runs(EvaluationAnalyses.GammaMaps)) _gamma = new GammaMapNccMetric();
        if (o.Runs(EvaluationAnalyses.SampleVersusMean)) _sampleVersusMean = new SampleVersusMeanDiceMetric(classes, o.SampleVersusMeanEmptyPairs);
        if (o.Runs(EvaluationAnalyses.Calibration)) _calibration = new CalibrationErrorMetric(classes, o.CalibrationBins);
        if (o.Runs(EvaluationAnalyses.Uncertainty))
        {
            _uncertainty = new UncertaintyAnalysisMetric(o.Uncertainty with { Classes = classes });
            _uncertaintyError = NewErrorCurve();
        }
        if (o.Runs(EvaluationAnalyses.ModeCalibration) && modes is not null)
            _modes = new ModeCalibrationMetric(modes, classes, o.ModeAssignment, o.MarginalBins);
        Modes = modes;
    }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>The settings in use.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>The true modes, when given.</summary>
    public ModeReference? Modes { get; }

    /// <summary>Images accumulated so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one image.</summary>
    /// <param name="prediction">The model's prediction for the image.</param>
    /// <param name="annotations">The image's annotator slots <c>[A, H·W]</c>; absent slots are skipped.</param>
    /// <param name="imageIndex">The image's index: into <see cref="Modes"/> for mode calibration, and the id of kept examples.</param>
    /// <param name="image">The input image <c>[C, H·W]</c> (optional; its first channel is kept for example figures).</param>
    /// <returns>Every analysis of this image.</returns>
    /// <exception cref="ArgumentException">The prediction's classes or size disagree with the suite or the annotations, or a value is invalid.</exception>
    public ImageEvaluation Accumulate(ImagePrediction prediction, LabelMaps annotations, int imageIndex, ReadOnlySpan<float> image = default)
    {
        if (prediction.Classes != Classes)
            throw new ArgumentException($"The prediction has {prediction.Classes} classes; this suite evaluates {Classes}.", nameof(prediction));
        if (prediction.PixelCount != annotations.PixelCount)
            throw new ArgumentException($"The prediction has {prediction.PixelCount} pixels ({prediction.Height}×{prediction.Width}), the annotations {annotations.PixelCount}.", nameof(annotations));
        if (!image.IsEmpty && image.Length % prediction.PixelCount != 0)
            throw new ArgumentException($"The image holds {image.Length} values, not a multiple of {prediction.PixelCount} pixels.", nameof(image));
        var samples = prediction.SampleMaps;
        var mean = prediction.MeanProbabilities;

        GedResult? ged = null;
        HungarianMatchedIoUResult? hmIoU = null;
        if (_ged is not null && _hmIoU is not null)
        {
            var pairwise = PairwiseIoU.Compute(samples, annotations, _ged.Options.Overlap);
            ged = _ged.Accumulate(pairwise);
            hmIoU = _hmIoU.Options == pairwise.Options
                ? _hmIoU.Accumulate(pairwise)
                : _hmIoU.Accumulate(samples, annotations);
        }

        GammaMapResult? gamma = null;
        if (_gamma is not null)
        {
            if (prediction.HasSampleProbabilities)
            {
                gamma = _gamma.Accumulate(new ProbabilityMaps(prediction.SampleProbabilities, prediction.SampleCount, Classes, prediction.PixelCount), annotations);
                _gammaImages++;
            }
            else _gammaSkipped++;
        }

        SampleVersusMeanDiceResult? versusMean = null;
        if (_sampleVersusMean is not null)
        {
            var meanPrediction = new byte[prediction.PixelCount];
            ProbabilityMaps.ArgmaxInto(mean, Classes, prediction.PixelCount, meanPrediction);
            versusMean = _sampleVersusMean.Accumulate(samples, meanPrediction, annotations);
        }

        var calibration = _calibration?.Accumulate(mean, annotations);

        UncertaintyAnalysisResult? uncertainty = null;
        if (_uncertainty is not null)
        {
            uncertainty = _uncertainty.Accumulate(mean, samples, annotations);
            var error = PixelError.Expected(samples, annotations, Classes);
            if (error is not null) _uncertaintyError!.Add(uncertainty.UncertaintyMap, error);
        }

        var modes = _modes?.Accumulate(imageIndex, samples);

        if (_examples.Count < Options.ExampleCount)
            _examples.Add(Example(prediction, annotations, imageIndex, image, gamma, uncertainty?.UncertaintyMap));
        Count++;
        return new ImageEvaluation(imageIndex, ged, hmIoU, gamma, versusMean, calibration, uncertainty, modes);
    }

    /// <summary>
    /// Adds every image of a batch prediction; image b of <paramref name="prediction"/> is image
    /// <paramref name="firstImage"/> + b of <paramref name="data"/> (its annotations, input pixels and mode index).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes or classes disagree, or the batch runs past the end of <paramref name="data"/>.</exception>
    public void Accumulate(SegmentationPrediction prediction, AmbiguousDataset data, int firstImage = 0)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(data);
        if (prediction.Height != data.Height || prediction.Width != data.Width)
            throw new ArgumentException($"Predictions are {prediction.Height}×{prediction.Width}; the data set's images are {data.Height}×{data.Width}.", nameof(prediction));
        if (firstImage < 0 || firstImage + prediction.Count > data.Count)
            throw new ArgumentOutOfRangeException(nameof(firstImage), $"Images [{firstImage}, {firstImage + prediction.Count}) are not all in the data set's [0, {data.Count}).");
        for (int b = 0; b < prediction.Count; b++)
        {
            int i = firstImage + b;
            Accumulate(ImagePrediction.From(prediction, b), new LabelMaps(data.Annotations(i), data.Annotators, data.PixelCount), i, data.Image(i));
        }
    }

    /// <summary>The report of everything accumulated so far.</summary>
    public EvaluationReport Aggregate() => new(
        Count, Classes, Options,
        _ged?.Aggregate(), _hmIoU?.Aggregate(),
        _gamma is not null && _gammaImages > 0 ? _gamma.Aggregate() : null, _gammaSkipped,
        _sampleVersusMean?.Aggregate(), _calibration?.Aggregate(),
        _uncertainty?.Aggregate(), _uncertaintyError?.Copy(),
        _modes?.Aggregate(), _examples.ToArray());

    /// <summary>Forgets everything accumulated.</summary>
    public void Reset()
    {
        _ged?.Reset();
        _hmIoU?.Reset();
        _gamma?.Reset();
        _sampleVersusMean?.Reset();
        _calibration?.Reset();
        _uncertainty?.Reset();
        if (_uncertaintyError is not null) _uncertaintyError = NewErrorCurve();
        _modes?.Reset();
        _examples.Clear();
        _gammaSkipped = _gammaImages = 0;
        Count = 0;
    }

    /// <summary>Adds the images of <paramref name="other"/> (a shard evaluated elsewhere with the same classes and options);
    /// its examples fill any free example slots.</summary>
    public void Merge(EvaluationSuite other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("Cannot merge a suite into itself.", nameof(other));
        if (other.Classes != Classes || other.Options != Options || (other._modes is null) != (_modes is null))
            throw new ArgumentException($"Cannot merge suites with different classes, options or mode references (K={other.Classes} vs K={Classes}).", nameof(other));
        if (_ged is not null) _ged.Merge(other._ged!);
        if (_hmIoU is not null) _hmIoU.Merge(other._hmIoU!);
        if (_gamma is not null) _gamma.Merge(other._gamma!);
        if (_sampleVersusMean is not null) _sampleVersusMean.Merge(other._sampleVersusMean!);
        if (_calibration is not null) _calibration.Merge(other._calibration!);
        if (_uncertainty is not null)
        {
            _uncertainty.Merge(other._uncertainty!);
            _uncertaintyError!.Add(other._uncertaintyError!);
        }
        if (_modes is not null) _modes.Merge(other._modes!);
        foreach (var example in other._examples)
            if (_examples.Count < Options.ExampleCount) _examples.Add(example);
        _gammaSkipped += other._gammaSkipped;
        _gammaImages += other._gammaImages;
        Count += other.Count;
    }

    private UncertaintyErrorCurve NewErrorCurve() => new(Options.UncertaintyErrorBins, Math.Log2(Classes));

    private EvaluationExample Example(ImagePrediction prediction, LabelMaps annotations, int imageIndex, ReadOnlySpan<float> image,
        GammaMapResult? gamma, float[]? uncertainty)
    {
        int p = prediction.PixelCount;
        var slots = annotations.PresentIndices();
        var present = new byte[slots.Length][];
        for (int j = 0; j < slots.Length; j++) present[j] = annotations[slots[j]].ToArray();
        return new EvaluationExample(imageIndex, prediction.Height, prediction.Width, Classes,
            image.IsEmpty ? null : image[..p].ToArray(), prediction.MeanProbabilities.ToArray(), present,
            prediction.Samples.ToArray(), prediction.SampleCount,
            uncertainty ?? PredictiveEntropy.Bits(prediction.MeanProbabilities, Classes), gamma);
    }
}
