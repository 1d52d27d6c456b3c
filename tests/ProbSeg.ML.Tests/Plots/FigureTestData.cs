using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Tests.Evaluation;

namespace ProbSeg.ML.Tests.Plots;

/// <summary>One small evaluation report (blob-shaped random predictions on 16-px synthetic images), built once.</summary>
internal static class FigureTestData
{
    private static readonly Lazy<EvaluationReport> Shared = new(Build);

    public static EvaluationReport Report => Shared.Value;

    private static EvaluationReport Build()
    {
        const int images = 6, samples = 4, size = 16;
        var synthetic = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = images, ImageSize = size, Seed = 2 });
        var prediction = SuiteTestData.Prediction(SuiteTestData.RandomProbabilities(new Random(1), images, samples, size), images, samples, 2, size, size);
        var suite = new EvaluationSuite(2, modes: ModeReference.FromSynthetic(synthetic));
        suite.Accumulate(prediction, synthetic.Dataset);
        return suite.Aggregate();
    }
}
