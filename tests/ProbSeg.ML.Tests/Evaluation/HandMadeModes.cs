using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Evaluation;

namespace ProbSeg.ML.Tests.Evaluation;

/// <summary>
/// A mode reference written out by hand: every image has 4 pixels and two modes, "A" = 1100 with probability 0.75 and
/// "B" = 1110 with 0.25, so the true foreground marginal per pixel is (1, 1, 0.25, 0).
/// </summary>
internal sealed class HandMadeModes(int images) : ModeReference
{
    public static readonly byte[] A = [1, 1, 0, 0], B = [1, 1, 1, 0];

    public override IReadOnlyList<ModeGroup> Groups { get; } = [new ModeGroup("hand", ["A", "B"])];

    public override int ImageCount => images;

    public override ImageModes Modes(int imageIndex)
    {
        RequireImage(imageIndex);
        return new ImageModes(0, new ModeDistribution([new SegmentationMode("A", A, 0.75), new SegmentationMode("B", B, 0.25)]), [0, 1]);
    }

    /// <summary>Sample label maps: the given masks one after the other.</summary>
    public static byte[] Samples(params byte[][] masks) => masks.SelectMany(m => m).ToArray();
}
