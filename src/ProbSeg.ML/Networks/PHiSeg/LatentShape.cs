namespace ProbSeg.ML.Networks.PHiSeg;

/// <summary>Shape of one PHiSeg latent level for one image: <c>[Channels, Height, Width]</c>.</summary>
/// <param name="Channels">Latent channels (zdim0).</param>
/// <param name="Height">Height.</param>
/// <param name="Width">Width.</param>
public readonly record struct LatentShape(int Channels, int Height, int Width);
