namespace ProbSeg.ML.Data.Synthetic;

/// <summary>One segmentation that annotators of an image produce, with the exact probability of producing it.</summary>
public sealed class SegmentationMode
{
    /// <summary>Creates a mode.</summary>
    /// <param name="name">A short description, e.g. <c>"absent"</c>, <c>"level-0.50"</c>, <c>"flip:sidewalk+car"</c>.</param>
    /// <param name="mask">Class ids <c>[H, W]</c>; kept, not copied.</param>
    /// <param name="probability">Probability in [0, 1] that one annotation equals this mask.</param>
    public SegmentationMode(string name, byte[] mask, double probability)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(mask);
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), $"Mode '{name}' has probability {probability}; it must lie in [0, 1].");
        Name = name;
        MaskArray = mask;
        Probability = probability;
    }

    /// <summary>A short description of the mode.</summary>
    public string Name { get; }

    /// <summary>Class ids <c>[H, W]</c> of the mode's segmentation.</summary>
    public ReadOnlyMemory<byte> Mask => MaskArray;

    /// <summary>Probability that one annotation equals <see cref="Mask"/>.</summary>
    public double Probability { get; }

    internal byte[] MaskArray { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (p = {Probability:0.####})";
}
