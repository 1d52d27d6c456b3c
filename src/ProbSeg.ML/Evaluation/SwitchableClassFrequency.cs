namespace ProbSeg.ML.Evaluation;

/// <summary>
/// Pixel-wise marginal frequencies of one switchable class (Kohl et al., <c>eval_cityscapes.py:
/// get_pixelwise_mode_counts</c>): over the pixels whose source label is the class, how often the samples keep it and
/// how often they flip it, against the true flip probability.
/// </summary>
/// <param name="Class">The switchable class.</param>
/// <param name="SampledPixels">Pixels of the class summed over samples and images (Kohl's <c>total_num_pixels</c>).</param>
/// <param name="KeptFrequency">Share of those sampled pixels labelled with the original class.</param>
/// <param name="FlippedFrequency">Share labelled with the flipped copy; calibrated when equal to <see cref="SwitchableClass.Probability"/>.</param>
public sealed record SwitchableClassFrequency(SwitchableClass Class, long SampledPixels, double KeptFrequency, double FlippedFrequency);
