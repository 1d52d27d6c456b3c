using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Evaluation;

/// <summary>Mode reference of a <see cref="SyntheticAmbiguousData"/> set: a group per ambiguity kind, categories by mode name.</summary>
internal sealed class SyntheticModeReference : ModeReference
{
    private readonly SyntheticAmbiguousData _data;
    private readonly ModeGroup[] _groups;
    private readonly Dictionary<AmbiguityKind, int> _groupOfKind = [];

    public SyntheticModeReference(SyntheticAmbiguousData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        // Names in first-seen order over the images: merging coincident modes keeps the first name, so every image's
        // names are a subsequence of its kind's full list.
        var names = new Dictionary<AmbiguityKind, List<string>>();
        for (int i = 0; i < data.Count; i++)
        {
            var kind = data.KindOf(i);
            if (!names.TryGetValue(kind, out var list)) names[kind] = list = [];
            foreach (var mode in data.TrueDistribution(i).Modes)
                if (!list.Contains(mode.Name)) list.Add(mode.Name);
        }
        var kinds = names.Keys.Order().ToArray();
        _groups = new ModeGroup[kinds.Length];
        for (int g = 0; g < kinds.Length; g++)
        {
            _groups[g] = new ModeGroup(kinds[g].ToString(), names[kinds[g]].ToArray());
            _groupOfKind[kinds[g]] = g;
        }
    }

    public override IReadOnlyList<ModeGroup> Groups => _groups;

    public override int ImageCount => _data.Count;

    public override ImageModes Modes(int imageIndex)
    {
        RequireImage(imageIndex);
        int group = _groupOfKind[_data.KindOf(imageIndex)];
        var distribution = _data.TrueDistribution(imageIndex);
        var names = _groups[group].ModeNames;
        var categories = distribution.Modes.Select(m => IndexOf(names, m.Name)).ToArray();
        return new ImageModes(group, distribution, categories);
    }

    public override int ExactModeOf(int imageIndex, ReadOnlySpan<byte> mask)
    {
        RequireImage(imageIndex);
        return _data.ModeOf(imageIndex, mask);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        throw new InvalidOperationException($"Mode '{name}' is not among its group's modes.");
    }
}
