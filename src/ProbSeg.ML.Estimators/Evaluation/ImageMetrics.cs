using ProbSeg.ML.Data;
using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Estimators;

/// <summary>The per-image metrics of <c>Evaluate</c> and of validation during training, from the engine's metric library.</summary>
internal static class ImageMetrics
{
    /// <summary>One image's scores.</summary>
    public readonly record struct Scores(GedResult Ged, double HungarianIoU, double DiceOfMean);

    /// <summary>GED <paramref name="options"/> with the class count set to <paramref name="classes"/>.</summary>
    public static GedOptions ForClasses(GedOptions? options, int classes)
    {
        options ??= GedOptions.Default;
        return options with { Overlap = options.Overlap with { Classes = classes } };
    }

    /// <summary>GED (and its terms), HM-IoU and the Dice of the prediction against the majority vote, pairwise IoUs computed once.</summary>
    public static Scores Compute(ReadOnlySpan<byte> samples, int sampleCount, ReadOnlySpan<byte> annotations, int annotatorSlots,
        ReadOnlySpan<byte> predicted, int pixelCount, GedOptions options)
    {
        var maps = new LabelMaps(annotations, annotatorSlots, pixelCount);
        var pairwise = PairwiseIoU.Compute(new LabelMaps(samples, sampleCount, pixelCount), maps, options.Overlap);
        GedResult ged = GeneralizedEnergyDistance.FromPairwise(pairwise, options.GroundTruth);
        double hm = HungarianMatchedIoU.FromPairwise(pairwise).Value;
        double dice = Dice.Compute(predicted, MajorityVote(maps, options.Overlap.Classes), options.Overlap);
        return new Scores(ged, hm, dice);
    }

    /// <summary>The GED of one image's samples against its present annotations.</summary>
    public static double Ged(ReadOnlySpan<byte> samples, int sampleCount, ReadOnlySpan<byte> annotations, int annotatorSlots, int pixelCount, int classes) =>
        GeneralizedEnergyDistance.Compute(new LabelMaps(samples, sampleCount, pixelCount), new LabelMaps(annotations, annotatorSlots, pixelCount),
            ForClasses(null, classes)).Ged;

    /// <summary>
    /// The strict majority vote of the present annotators: a pixel takes a class when more than half of them chose it,
    /// else background (0).
    /// </summary>
    public static byte[] MajorityVote(LabelMaps annotations, int classes)
    {
        int[] present = annotations.PresentIndices();
        var majority = new byte[annotations.PixelCount];
        Span<int> votes = stackalloc int[classes];
        for (int p = 0; p < majority.Length; p++)
        {
            votes.Clear();
            foreach (int a in present) votes[annotations.Data[a * annotations.PixelCount + p]]++;
            for (int c = 1; c < classes; c++)
                if (2 * votes[c] > present.Length) majority[p] = (byte)c;
        }
        return majority;
    }
}
