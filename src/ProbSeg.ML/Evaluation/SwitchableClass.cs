namespace ProbSeg.ML.Evaluation;

/// <summary>A class of the class-flip protocol that flips to a new copy with a known probability (Kohl et al.).</summary>
/// <param name="Name">Readable name, e.g. <c>sidewalk</c>.</param>
/// <param name="ClassId">The original class id.</param>
/// <param name="FlippedClassId">The id of its copy.</param>
/// <param name="Probability">The true flip probability.</param>
public sealed record SwitchableClass(string Name, int ClassId, int FlippedClassId, double Probability);
