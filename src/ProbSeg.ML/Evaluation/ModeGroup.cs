namespace ProbSeg.ML.Evaluation;

/// <summary>
/// A family of images that share the same named modes (e.g. the synthetic "presence" images with modes
/// <c>present</c>/<c>absent</c>, or all images of a class-flip set with its 2^k flip combinations): mode frequencies are
/// averaged over the images of a group.
/// </summary>
/// <param name="Name">The group's name, e.g. <c>Presence</c> or <c>class-flip</c>.</param>
/// <param name="ModeNames">The names of the group's modes, in category order.</param>
public sealed record ModeGroup(string Name, IReadOnlyList<string> ModeNames)
{
    /// <summary>Whether <paramref name="other"/> has the same name and mode names.</summary>
    public bool SameAs(ModeGroup other) =>
        other is not null && other.Name == Name && other.ModeNames.SequenceEqual(ModeNames);
}
