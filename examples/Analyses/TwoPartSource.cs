using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Examples.Analyses;

/// <summary>
/// An unambiguous multi-class source for the class-flip protocol, built from the synthetic "mode" scenes: each image
/// has one annotation with its disc as class 1 and its square as class 2 (both always drawn).
/// </summary>
internal static class TwoPartSource
{
    /// <summary>Generator settings: two-part scenes only, one annotation (replaced below).</summary>
    public static SyntheticOptions Options => new() { Kinds = [AmbiguityKind.Mode], AnnotatorsPerImage = 1 };

    public static AmbiguousDataset Create(SyntheticAmbiguousData scenes)
    {
        var data = scenes.Dataset;
        int p = data.PixelCount;
        var labels = new byte[data.Count * p];
        for (int i = 0; i < data.Count; i++)
        {
            var modes = scenes.TrueDistribution(i).Modes;
            var disc = modes.Single(m => m.Name == "part-A").Mask.Span;
            var square = modes.Single(m => m.Name == "part-B").Mask.Span;
            for (int x = 0; x < p; x++) labels[i * p + x] = disc[x] != 0 ? (byte)1 : square[x] != 0 ? (byte)2 : (byte)0;
        }
        return new AmbiguousDataset(data.Images, labels, data.Count, data.Channels, data.Height, data.Width, 1, 3, data.Ids, data.Groups);
    }
}
