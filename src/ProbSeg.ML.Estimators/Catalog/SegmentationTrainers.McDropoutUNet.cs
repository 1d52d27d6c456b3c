namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="McDropoutUNetTrainer"/> (MC-Dropout U-Net).</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="dropout">Spatial dropout probability (0.5 in Czolbe et al.).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' seven levels.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public McDropoutUNetTrainer McDropoutUNet(string labelColumnName = "Label", string imageColumnName = "Image", double dropout = 0.5,
        int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new McDropoutUNetOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Dropout = dropout,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new McDropoutUNetTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="McDropoutUNetTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public McDropoutUNetTrainer McDropoutUNet(McDropoutUNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new McDropoutUNetTrainer(Environment, options);
    }
}
