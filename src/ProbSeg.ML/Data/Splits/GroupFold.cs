namespace ProbSeg.ML.Data.Splits;

/// <summary>One fold of a group k-fold: the held-out images and the rest, with no group in both.</summary>
/// <param name="Fold">Fold number in [0, k).</param>
/// <param name="Train">Indices of the images of the other folds, ascending.</param>
/// <param name="Test">Indices of the held-out images, ascending.</param>
public sealed record GroupFold(int Fold, int[] Train, int[] Test)
{
    /// <summary>The two parts of <paramref name="dataset"/> as new datasets.</summary>
    public (AmbiguousDataset Train, AmbiguousDataset Test) Apply(AmbiguousDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return (dataset.Subset(Train), dataset.Subset(Test));
    }
}
