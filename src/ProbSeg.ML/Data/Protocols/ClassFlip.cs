namespace ProbSeg.ML.Data.Protocols;

/// <summary>One switchable class of the class-flip protocol: with probability <see cref="Probability"/>, independently per
/// annotation, every pixel of class <see cref="ClassId"/> is relabelled to the class's new copy.</summary>
/// <param name="ClassId">The class that may flip, in [0, K).</param>
/// <param name="Probability">Probability of flipping, in [0, 1].</param>
/// <param name="Name">A readable name for mode names and reports (defaults to <c>class-&lt;id&gt;</c>).</param>
public sealed record ClassFlip(int ClassId, double Probability, string? Name = null)
{
    /// <summary><see cref="Name"/>, or <c>class-&lt;id&gt;</c> when none was given.</summary>
    public string DisplayName => string.IsNullOrEmpty(Name) ? FormattableString.Invariant($"class-{ClassId}") : Name;
}
