namespace ProbSeg.ML.Metrics;

/// <summary>Pixel uncertainties split by condition on consensus pixels and by annotator agreement; adds up across images.</summary>
public sealed class UncertaintyBreakdown
{
    private readonly UncertaintyHistogram[] _conditions;
    private readonly UncertaintyHistogram[] _agreement;

    /// <summary>Empty histograms of <paramref name="bins"/> bins over [0, <paramref name="maximum"/>].</summary>
    public UncertaintyBreakdown(int bins, double maximum)
    {
        _conditions = Enumerable.Range(0, 4).Select(_ => new UncertaintyHistogram(bins, maximum)).ToArray();
        _agreement = Enumerable.Range(0, 3).Select(_ => new UncertaintyHistogram(bins, maximum)).ToArray();
    }

    /// <summary>Uncertainty of the consensus pixels with outcome <paramref name="condition"/>.</summary>
    public UncertaintyHistogram ByCondition(PixelCondition condition) => _conditions[(int)condition];

    /// <summary>Uncertainty of all pixels whose annotators vote as <paramref name="agreement"/>.</summary>
    public UncertaintyHistogram ByAgreement(AnnotatorAgreement agreement) => _agreement[(int)agreement];

    internal void Add(UncertaintyBreakdown other)
    {
        for (int i = 0; i < _conditions.Length; i++) _conditions[i].Add(other._conditions[i]);
        for (int i = 0; i < _agreement.Length; i++) _agreement[i].Add(other._agreement[i]);
    }

    internal UncertaintyBreakdown Copy()
    {
        var copy = new UncertaintyBreakdown(_conditions[0].BinCount, _conditions[0].Maximum);
        copy.Add(this);
        return copy;
    }
}
