using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Evaluation;

/// <summary>The true modes of one image and where each belongs in its <see cref="ModeGroup"/>.</summary>
/// <param name="Group">Index of the image's group in <see cref="ModeReference.Groups"/>.</param>
/// <param name="Distribution">The exact distribution of the image's annotations (masks and probabilities).</param>
/// <param name="Categories">For each mode of <paramref name="Distribution"/>, its index in the group's
/// <see cref="ModeGroup.ModeNames"/>; several modes may share a category (their probabilities add up).</param>
public sealed record ImageModes(int Group, ModeDistribution Distribution, IReadOnlyList<int> Categories);
