using ProbSeg.ML.Data.Protocols;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Evaluation;
using ProbSeg.ML.Examples.Analyses;

// Trains a Probabilistic U-Net briefly on the synthetic ambiguous set (true mode probabilities known) and on a
// class-flip version of an unambiguous synthetic set (Kohl et al.'s protocol), runs every analysis of the evaluation
// suite on held-out images, and writes the figures and docs/results/analyses.md.
var options = RunOptions.Parse(args);
TorchSharp.torch.set_num_threads(options.Threads);
string figures = Path.Combine(options.Output, "figures", "analyses");
var results = new List<ExperimentResult>();

// Separate seeds give disjoint train / validation / test images with the same generator settings.
SyntheticAmbiguousData Synthetic(int count, int seedOffset, SyntheticOptions? template = null)
{
    var o = template?.Clone() ?? new SyntheticOptions();
    o.Count = count;
    o.ImageSize = 32;
    o.Seed = options.Seed * 1000 + seedOffset;
    return SyntheticAmbiguousData.Generate(o);
}

var test = Synthetic(96, 3);
results.Add(Experiment.Run("synthetic",
    "Synthetic ambiguous set: presence, border and two-part ambiguity with known mode probabilities; 4 annotators per image.",
    Synthetic(600, 1).Dataset, Synthetic(32, 2).Dataset, test.Dataset, ModeReference.FromSynthetic(test),
    options.Steps, options, figures));

if (options.FlipSteps > 0)
{
    // Kohl et al.'s protocol on an unambiguous two-class source: the disc (class 1) flips to class 3 with probability
    // 8/17 and the square (class 2) to class 4 with 4/17 (Kohl's sidewalk and road probabilities): 4 modes per image.
    ClassFlip[] flips = [new(1, 8.0 / 17, "disc"), new(2, 4.0 / 17, "square")];
    ClassFlipDataset Flipped(int count, int seedOffset) => ClassFlipProtocol.Apply(
        TwoPartSource.Create(Synthetic(count, seedOffset, TwoPartSource.Options)), flips, annotationsPerImage: 8, seed: options.Seed * 1000 + seedOffset + 50);
    var flipTest = Flipped(96, 13);
    results.Add(Experiment.Run("class-flip",
        "Class-flip protocol (Kohl et al. 2018) on unambiguous two-part synthetic scenes (disc = class 1, square = class 2, one certain annotation): the disc flips to class 3 with p = 8/17, the square to class 4 with p = 4/17, independently; 8 flipped annotations stored per image.",
        Flipped(600, 11).Dataset, Flipped(32, 12).Dataset, flipTest.Dataset, ModeReference.FromClassFlip(flipTest),
        options.FlipSteps, options, Path.Combine(figures, "class-flip")));
}

string markdown = ResultsMarkdown.Write(results, options, args, Path.Combine(options.Output, "analyses.md"));
Console.WriteLine($"Wrote {markdown}");
