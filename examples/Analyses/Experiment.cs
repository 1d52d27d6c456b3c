using System.Diagnostics;
using ProbSeg.ML.Data;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Plots;
using ProbSeg.ML.Sampling;
using ProbSeg.ML.Training;

namespace ProbSeg.ML.Examples.Analyses;

/// <summary>One trained model evaluated with the whole suite: its data, numbers and figures.</summary>
internal sealed record ExperimentResult(string Name, string Description, int TrainImages, int TestImages, TrainingReport Training,
    EvaluationReport Report, IReadOnlyDictionary<string, string> Figures, TimeSpan EvaluationTime);

/// <summary>Train → predict with samples → evaluate → figures, for one data set with known modes.</summary>
internal static class Experiment
{
    public static ExperimentResult Run(string name, string description, AmbiguousDataset train, AmbiguousDataset validation,
        AmbiguousDataset test, ModeReference modes, int steps, RunOptions options, string figureFolder)
    {
        Console.WriteLine($"[{name}] training {steps} steps on {train.Count} images ({train.Height}×{train.Width}, K = {train.Classes})");
        var (model, training, curve) = ModelTraining.Train(train, validation, steps, options.Seed);
        Console.WriteLine($"[{name}] trained in {training.Elapsed.TotalSeconds:F0} s; best validation GED {training.BestValidationScore:F4} at step {training.BestStep}");

        var watch = Stopwatch.StartNew();
        var prediction = new SegmentationPredictor(model).Predict(test.Images, test.Count, test.Height, test.Width, options.Samples,
            options.Seed + 100, keepSampleProbabilities: true);
        var suite = new EvaluationSuite(test.Classes, modes: modes);
        suite.Accumulate(prediction, test);
        var report = suite.Aggregate();
        watch.Stop();

        Directory.CreateDirectory(figureFolder);
        var figures = new Dictionary<string, string>(EvaluationFigures.SaveAll(report, figureFolder))
        {
            ["learning-curve"] = LearningCurveFigure.Save(curve, Path.Combine(figureFolder, "learning-curve.png")),
        };
        model.Dispose();
        Console.WriteLine($"[{name}] evaluated {test.Count} images × {options.Samples} samples in {watch.Elapsed.TotalSeconds:F1} s; {figures.Count} figures in {figureFolder}");
        return new ExperimentResult(name, description, train.Count, test.Count, training, report, figures, watch.Elapsed);
    }
}
