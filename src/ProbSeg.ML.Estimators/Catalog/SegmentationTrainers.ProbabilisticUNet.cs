namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="ProbabilisticUNetTrainer"/> (Kohl et al. 2018).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="latentDim">Latent dimension (6 in Kohl's reference).</param>
    /// <param name="beta">KL weight β (1 in Kohl's reference).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' seven levels.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public ProbabilisticUNetTrainer ProbabilisticUNet(string labelColumnName = "Label", string imageColumnName = "Image", int latentDim = 6,
        double beta = 1.0, int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new ProbabilisticUNetOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            LatentDim = latentDim,
            Beta = beta,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new ProbabilisticUNetTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="ProbabilisticUNetTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public ProbabilisticUNetTrainer ProbabilisticUNet(ProbabilisticUNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProbabilisticUNetTrainer(Environment, options);
    }
}
