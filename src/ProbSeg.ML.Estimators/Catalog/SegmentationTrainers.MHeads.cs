namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="MHeadsTrainer"/> (M-Heads).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="heads">Heads M (4).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' seven levels.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public MHeadsTrainer MHeads(string labelColumnName = "Label", string imageColumnName = "Image", int heads = 4,
        int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new MHeadsOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Heads = heads,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new MHeadsTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="MHeadsTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public MHeadsTrainer MHeads(MHeadsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MHeadsTrainer(Environment, options);
    }
}
