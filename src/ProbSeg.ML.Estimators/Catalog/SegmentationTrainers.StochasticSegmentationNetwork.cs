namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="StochasticSegmentationNetworkTrainer"/> (Monteiro et al. 2020).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="rank">Rank of the logit covariance factor (10 in the reference); 0 is the diagonal ablation.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' seven levels.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public StochasticSegmentationNetworkTrainer StochasticSegmentationNetwork(string labelColumnName = "Label", string imageColumnName = "Image",
        int rank = 10, int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new StochasticSegmentationNetworkOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Rank = rank,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new StochasticSegmentationNetworkTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="StochasticSegmentationNetworkTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public StochasticSegmentationNetworkTrainer StochasticSegmentationNetwork(StochasticSegmentationNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StochasticSegmentationNetworkTrainer(Environment, options);
    }
}
