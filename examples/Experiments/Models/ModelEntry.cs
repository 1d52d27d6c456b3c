using ProbSeg.ML.Models;

namespace ProbSeg.ML.Experiments.Models;

/// <summary>What a model factory needs to know: image channels, classes and the shared backbone width.</summary>
/// <param name="InputChannels">Image channels C.</param>
/// <param name="Classes">Classes K.</param>
/// <param name="Width">The shared backbone width.</param>
public sealed record ModelShape(int InputChannels, int Classes, BackboneWidth Width);

/// <summary>One model of the comparison.</summary>
/// <param name="Name">Short command-line name (<c>--models</c>).</param>
/// <param name="Label">Name in tables and figures.</param>
/// <param name="Settings">The settings that differ from the paper's defaults or define the variant, for the report.</param>
/// <param name="Create">Builds an untrained model (call after seeding TorchSharp's generator).</param>
public sealed record ModelEntry(string Name, string Label, string Settings, Func<ModelShape, SegmentationModel> Create);
