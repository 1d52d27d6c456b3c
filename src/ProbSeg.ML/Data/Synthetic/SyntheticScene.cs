namespace ProbSeg.ML.Data.Synthetic;

/// <summary>One rendered synthetic image: its pixels <c>[H, W]</c>, its kind and its exact mode distribution.</summary>
internal sealed record SyntheticScene(AmbiguityKind Kind, float[] Pixels, ModeDistribution Truth);
