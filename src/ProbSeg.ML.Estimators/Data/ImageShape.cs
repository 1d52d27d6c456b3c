namespace ProbSeg.ML.Estimators;

/// <summary>The shape <c>[C, H, W]</c> of the images in a column.</summary>
/// <param name="Channels">Channels C.</param>
/// <param name="Height">Height H.</param>
/// <param name="Width">Width W.</param>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Pixels per plane, H·W.</summary>
    public int PixelCount => Height * Width;

    /// <summary>Values per image, C·H·W.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc/>
    public override string ToString() => $"[{Channels}, {Height}, {Width}]";

    internal void Validate(string paramName)
    {
        if (Channels < 1 || Height < 1 || Width < 1)
            throw new ArgumentOutOfRangeException(paramName, $"Image shape {this} must have positive dimensions.");
    }
}
