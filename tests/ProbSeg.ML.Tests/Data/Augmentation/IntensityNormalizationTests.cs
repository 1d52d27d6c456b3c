using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Augmentation;

namespace ProbSeg.ML.Tests.Data.Augmentation;

[TestClass]
public sealed class IntensityNormalizationTests
{
    private static AmbiguousDataset TwoImages() => new(
        [2f, 4f, 6f, 10f, /* image 1 */ -1f, -1f, 3f, 5f],
        new byte[2 * 4], count: 2, channels: 1, height: 2, width: 2, annotators: 1, classes: 2);

    [TestMethod]
    public void ScaleToUnitRangeIsPerImageAndLeavesTheInputAlone()
    {
        var source = TwoImages();
        var scaled = IntensityNormalization.ScaleToUnitRange(source);
        CollectionAssert.AreEqual(new[] { 0f, 0.25f, 0.5f, 1f, 0f, 0f, 4f / 6, 1f }, scaled.Images);
        Assert.AreEqual(2f, source.Images[0], "The input must not change.");
        Assert.AreSame(source.Labels, scaled.Labels, "Labels are shared, as documented.");
    }

    [TestMethod]
    public void ShiftAndWindowMatchPHiSegPreprocessing()
    {
        var unit = new AmbiguousDataset([0f, 0.25f, 1f, 0.5f], new byte[4], 1, 1, 2, 2, 1, 2);
        CollectionAssert.AreEqual(new[] { -0.5f, -0.25f, 0.5f, 0f }, IntensityNormalization.Shift(unit, IntensityNormalization.PHiSegShift).Images);
        var bytes = new AmbiguousDataset([0f, 51f, 255f, 300f], new byte[4], 1, 1, 2, 2, 1, 2);
        CollectionAssert.AreEqual(new[] { 0f, 0.2f, 1f, 1f }, IntensityNormalization.Rescale(bytes, 0, 255).Images);
    }

    [TestMethod]
    public void StandardizeGivesZeroMeanUnitStdPerImage()
    {
        var standardized = IntensityNormalization.StandardizePerImage(TwoImages());
        for (int i = 0; i < 2; i++)
        {
            var image = standardized.Image(i).ToArray();
            double mean = image.Average();
            double std = Math.Sqrt(image.Select(v => (v - mean) * (v - mean)).Average());
            Assert.AreEqual(0, mean, 1e-6);
            Assert.AreEqual(1, std, 1e-5);
        }
    }

    [TestMethod]
    public void NonFinitePixelsAreReportedWithTheImage()
    {
        var bad = new AmbiguousDataset([0f, 1f, 2f, 3f, 0f, float.NaN, 1f, 1f], new byte[8], 2, 1, 2, 2, 1, 2, ids: ["ok", "broken"]);
        var e = Assert.ThrowsExactly<ArgumentException>(() => IntensityNormalization.ScaleToUnitRange(bad));
        StringAssert.Contains(e.Message, "broken");
        e = Assert.ThrowsExactly<ArgumentException>(() => IntensityNormalization.StandardizePerImage(bad));
        StringAssert.Contains(e.Message, "broken");
    }
}
