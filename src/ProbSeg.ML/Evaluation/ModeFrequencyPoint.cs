namespace ProbSeg.ML.Evaluation;

/// <summary>One image's mode: its true probability and how often the model sampled it (a point of the bisector scatter).</summary>
/// <param name="ImageIndex">The image's index as passed to the suite.</param>
/// <param name="Group">Index of the image's <see cref="ModeGroup"/>.</param>
/// <param name="Category">Mode category within the group.</param>
/// <param name="TrueProbability">The mode's true probability in this image.</param>
/// <param name="PredictedFrequency">Share of the image's samples assigned to the mode.</param>
public readonly record struct ModeFrequencyPoint(int ImageIndex, int Group, int Category, double TrueProbability, double PredictedFrequency);
