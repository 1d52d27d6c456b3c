namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="UNetEnsembleTrainer"/> (U-Net ensemble).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="members">Members of the ensemble (4 in Czolbe et al.).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' seven levels.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public UNetEnsembleTrainer UNetEnsemble(string labelColumnName = "Label", string imageColumnName = "Image", int members = 4,
        int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new UNetEnsembleOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Members = members,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new UNetEnsembleTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="UNetEnsembleTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public UNetEnsembleTrainer UNetEnsemble(UNetEnsembleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new UNetEnsembleTrainer(Environment, options);
    }
}
