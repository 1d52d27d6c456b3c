namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="PHiSegTrainer"/> (Baumgartner et al. 2019).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="resolutionLevels">Resolution levels R (7 in the reference); H and W must be divisible by 2^(R − 1).</param>
    /// <param name="latentLevels">Latent levels L on the coarsest resolutions (5 in the reference).</param>
    /// <param name="baseChannels">n0, the finest level's channels (32 in the reference).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public PHiSegTrainer PHiSeg(string labelColumnName = "Label", string imageColumnName = "Image", int resolutionLevels = 7,
        int latentLevels = 5, int baseChannels = 32, int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int numberOfSamples = 16) =>
        new(Environment, new PHiSegOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            ResolutionLevels = resolutionLevels,
            LatentLevels = latentLevels,
            BaseChannels = baseChannels,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        });

    /// <summary>Creates a <see cref="PHiSegTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public PHiSegTrainer PHiSeg(PHiSegOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PHiSegTrainer(Environment, options);
    }
}
