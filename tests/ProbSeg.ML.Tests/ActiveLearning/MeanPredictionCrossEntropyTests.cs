using ProbSeg.ML.ActiveLearning;
using ProbSeg.ML.Data;
using ProbSeg.ML.Sampling;

namespace ProbSeg.ML.Tests.ActiveLearning;

[TestClass]
public sealed class MeanPredictionCrossEntropyTests
{
    private const byte Missing = AmbiguousDataset.MissingAnnotation;

    /// <summary>A prediction of <paramref name="count"/> 2×2 images with p(class 1) = <paramref name="foreground"/> everywhere.</summary>
    private static SegmentationPrediction Uniform(int count, float foreground)
    {
        var score = new float[count * 2 * 4];
        for (int i = 0; i < count; i++)
        {
            score.AsSpan(i * 8, 4).Fill(1 - foreground);
            score.AsSpan(i * 8 + 4, 4).Fill(foreground);
        }
        return new SegmentationPrediction(count, 2, 1, 2, 2, score, new byte[count * 4], new byte[count * 4], new float[count * 4], null);
    }

    private static AmbiguousDataset Annotated(params byte[][] slotsPerImage)
    {
        int annotators = slotsPerImage[0].Length;
        var labels = slotsPerImage.SelectMany(slots => slots.SelectMany(v => Enumerable.Repeat(v, 4))).ToArray();
        return new AmbiguousDataset(new float[slotsPerImage.Length * 4], labels, slotsPerImage.Length, 1, 2, 2, annotators, 2);
    }

    [TestMethod]
    public void AveragesOverPresentAnnotatorsThenImages()
    {
        // Image 0: an "all foreground" vote, an "all background" vote, an absent slot. Image 1: one background vote.
        var data = Annotated([1, 0, Missing], [0, Missing, Missing]);
        var ce = MeanPredictionCrossEntropy.Compute(Uniform(2, 0.8f), data);
        double image0 = (-Math.Log(0.8) - Math.Log(0.2)) / 2, image1 = -Math.Log(0.2);
        Assert.AreEqual(image0, ce.PerImage[0], 1e-6);
        Assert.AreEqual(image1, ce.PerImage[1], 1e-6);
        Assert.AreEqual((image0 + image1) / 2, ce.Mean, 1e-6);
    }

    [TestMethod]
    public void ImageWithoutAnnotatorsIsLeftOutAndCertainWrongPixelsStayFinite()
    {
        var data = Annotated([Missing, Missing], [0, 0]);
        var ce = MeanPredictionCrossEntropy.Compute(Uniform(2, 1f), data);
        Assert.IsTrue(double.IsNaN(ce.PerImage[0]));
        Assert.AreEqual(1, ce.UndefinedCount);
        Assert.AreEqual(-Math.Log(MeanPredictionCrossEntropy.MinProbability), ce.Mean, 1e-4); // p = 0 clamped, not −ln 0
    }

    [TestMethod]
    public void ClassIdBeyondTheModelsClassesIsRejectedByName()
    {
        var data = new AmbiguousDataset(new float[4], [0, 1, 3, 0], 1, 1, 2, 2, 1, 4);
        var error = Assert.ThrowsExactly<ArgumentException>(() => MeanPredictionCrossEntropy.Compute(Uniform(1, 0.5f), data));
        StringAssert.Contains(error.Message, "pixel 2 holds class 3");
    }
}
