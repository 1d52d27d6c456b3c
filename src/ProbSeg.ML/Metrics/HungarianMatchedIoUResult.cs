namespace ProbSeg.ML.Metrics;

/// <summary>Hungarian-matched IoU of one image.</summary>
/// <param name="Value">Mean IoU over the matched (sample, annotator) pairs; NaN when no pair is defined.</param>
/// <param name="Matches">The matched pairs (sample index, present-annotator index); each sample appears L/N times and each annotator L/M times, L = lcm(N, M).</param>
public sealed record HungarianMatchedIoUResult(double Value, IReadOnlyList<(int Sample, int Annotator)> Matches);
