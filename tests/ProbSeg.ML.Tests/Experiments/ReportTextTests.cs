using ProbSeg.ML.Experiments.Reporting;

namespace ProbSeg.ML.Tests.Experiments;

[TestClass]
public sealed class ReportTextTests
{
    [TestMethod]
    public void PairedDifferenceUsesOnlyImagesDefinedInBoth()
    {
        var (mean, se) = PaperClaim.PairedDifference([0.1, 0.2, double.NaN, 0.3], [0.2, 0.4, 0.5, 0.6]);

        Assert.AreEqual(-0.2, mean, 1e-12);        // (−0.1 − 0.2 − 0.3) / 3
        Assert.AreEqual(0.1 / Math.Sqrt(3), se, 1e-12);  // sample std 0.1 over √3 images
    }

    [TestMethod]
    public void OrdinalsReadAsEnglish()
    {
        Assert.AreEqual("every 32nd slice", ReportText.Every(32, "slice"));
        Assert.AreEqual("every slice", ReportText.Every(1, "slice"));
        CollectionAssert.AreEqual(new[] { "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st" },
            new[] { 2, 3, 4, 11, 12, 13, 21, 101 }.Select(ReportText.Ordinal).ToArray());
    }
}
