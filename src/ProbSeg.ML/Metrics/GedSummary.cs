namespace ProbSeg.ML.Metrics;

/// <summary>GED and its terms over a data set (see <see cref="GedResult"/> for each term's meaning).</summary>
/// <param name="Ged">D²_GED per image and its mean (the number papers tabulate as "GED").</param>
/// <param name="CrossDistance">E d(S,Y) per image and its mean.</param>
/// <param name="SampleDiversity">E d(S,S') per image and its mean ("diversity").</param>
/// <param name="AnnotatorDiversity">E d(Y,Y') per image and its mean ("expert diversity").</param>
/// <param name="PerImage">The full result of each image, in order.</param>
public sealed record GedSummary(MetricSummary Ged, MetricSummary CrossDistance, MetricSummary SampleDiversity,
    MetricSummary AnnotatorDiversity, IReadOnlyList<GedResult> PerImage);
