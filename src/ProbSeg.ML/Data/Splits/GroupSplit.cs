namespace ProbSeg.ML.Data.Splits;

/// <summary>A train/validation/test partition of image indices in which no group (patient) appears in two parts.</summary>
/// <param name="Train">Training image indices, ascending.</param>
/// <param name="Validation">Validation image indices, ascending.</param>
/// <param name="Test">Test image indices, ascending.</param>
public sealed record GroupSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>The three parts of <paramref name="dataset"/> as new datasets (copied, indices in ascending order).</summary>
    public (AmbiguousDataset Train, AmbiguousDataset Validation, AmbiguousDataset Test) Apply(AmbiguousDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return (dataset.Subset(Train), dataset.Subset(Validation), dataset.Subset(Test));
    }
}
