namespace ProbSeg.ML.Estimators;

public sealed partial class SegmentationTrainers
{
    /// <summary>Creates a <see cref="DeterministicUNetTrainer"/>, the deterministic U-Net baseline.</summary>
    /// <param name="labelColumnName">Annotations <c>[A, H, W]</c> (class ids).</param>
    /// <param name="imageColumnName">Images <c>[C, H, W]</c> (float).</param>
    /// <param name="classes">Number of classes K; 0 infers it from the labels.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step (12 in PHiSeg).</param>
    /// <param name="learningRate">Adam learning rate (1e-3 in PHiSeg/SSN).</param>
    /// <param name="unetChannels">Channels per U-Net level, finest first; null uses the references' <c>[32, 64, 128, 192, 192, 192, 192]</c>.</param>
    /// <param name="numberOfSamples">Samples per image in the <c>Samples</c> output.</param>
    public DeterministicUNetTrainer DeterministicUNet(string labelColumnName = "Label", string imageColumnName = "Image", int classes = 0,
        int epochs = 10, int batchSize = 12, double learningRate = 1e-3, int[]? unetChannels = null, int numberOfSamples = 16)
    {
        var options = new DeterministicUNetOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            Classes = classes,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            NumberOfSamples = numberOfSamples,
        };
        if (unetChannels is not null) options.UNetChannels = unetChannels;
        return new DeterministicUNetTrainer(Environment, options);
    }

    /// <summary>Creates a <see cref="DeterministicUNetTrainer"/> with advanced options.</summary>
    /// <param name="options">The trainer options.</param>
    public DeterministicUNetTrainer DeterministicUNet(DeterministicUNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DeterministicUNetTrainer(Environment, options);
    }
}
