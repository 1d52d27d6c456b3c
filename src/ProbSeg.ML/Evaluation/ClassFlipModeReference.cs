using ProbSeg.ML.Data.Protocols;

namespace ProbSeg.ML.Evaluation;

/// <summary>Mode reference of a <see cref="ClassFlipDataset"/>: one group, the 2^k flip combinations as categories.</summary>
internal sealed class ClassFlipModeReference : ModeReference
{
    private readonly ClassFlipDataset _data;
    private readonly ModeGroup[] _groups;
    private readonly SwitchableClass[] _switchable;

    public ClassFlipModeReference(ClassFlipDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _groups = [new ModeGroup("class-flip", Enumerable.Range(0, data.CombinationCount).Select(data.CombinationName).ToArray())];
        _switchable = data.Flips
            .Select((flip, j) => new SwitchableClass(flip.DisplayName, flip.ClassId, data.FlippedClassId(j), flip.Probability))
            .ToArray();
    }

    public override IReadOnlyList<ModeGroup> Groups => _groups;

    public override int ImageCount => _data.Source.Count;

    public override IReadOnlyList<SwitchableClass> SwitchableClasses => _switchable;

    public override ImageModes Modes(int imageIndex)
    {
        RequireImage(imageIndex);
        var distribution = _data.TrueDistribution(imageIndex);
        // Mode s·2^k + m is source annotation s with combination m (ClassFlipDataset.TrueDistribution).
        var categories = Enumerable.Range(0, distribution.Count).Select(id => id % _data.CombinationCount).ToArray();
        return new ImageModes(0, distribution, categories);
    }

    public override int ExactModeOf(int imageIndex, ReadOnlySpan<byte> mask)
    {
        RequireImage(imageIndex);
        return _data.ModeOf(imageIndex, mask);
    }

    public override IReadOnlyList<ReadOnlyMemory<byte>> SwitchSources(int imageIndex)
    {
        RequireImage(imageIndex);
        var source = _data.Source;
        int pixels = source.PixelCount;
        return source.PresentAnnotators(imageIndex)
            .Select(a => (ReadOnlyMemory<byte>)source.Labels.AsMemory((imageIndex * source.Annotators + a) * pixels, pixels))
            .ToArray();
    }
}
