using ProbSeg.ML.Experiments.Cli;
using ProbSeg.ML.Experiments.Evaluation;
using ProbSeg.ML.Experiments.Models;
using ProbSeg.ML.Experiments.Reporting;
using ProbSeg.ML.Experiments.Runs;
using ProbSeg.ML.Experiments.Training;

namespace ProbSeg.ML.Tests.Experiments;

[TestClass]
public sealed class ParallelJobsTests
{
    [TestMethod]
    public void PartitionDealsEveryModelToExactlyOneJob()
    {
        var groups = ParallelJobs.Partition(ModelRegistry.All, 2);

        Assert.HasCount(2, groups);
        CollectionAssert.AreEqual(new[] { "det", "ensemble", "punet", "phiseg5", "ssn" }, groups[0].Select(m => m.Name).ToArray());
        CollectionAssert.AreEquivalent(ModelRegistry.All.Select(m => m.Name).ToArray(), groups.SelectMany(g => g).Select(m => m.Name).ToArray());
        Assert.HasCount(2, ParallelJobs.Partition(ModelRegistry.Select(["det", "ssn"]), 8));   // never an empty job
    }

    [TestMethod]
    public void ChildArgumentsKeepTheParentsSettingsWithOverrides()
    {
        var parent = ExperimentArguments.Parse(["lidc", "--seed", "3", "--jobs", "2", "--models=det,punet,ssn"],
            ["seed", "jobs", "models", "results-file"]);

        var child = parent.With(new Dictionary<string, string?> { ["jobs"] = null, ["models"] = "punet", ["results-file"] = "/tmp/j.json" });

        var reparsed = ExperimentArguments.Parse(child, ["seed", "jobs", "models", "results-file"]);
        Assert.AreEqual("lidc", reparsed.Command);
        Assert.AreEqual(3, reparsed.Int("seed", 1));
        Assert.IsFalse(reparsed.Has("jobs"));
        CollectionAssert.AreEqual(new[] { "punet" }, reparsed.List("models")!.ToArray());
        Assert.AreEqual("/tmp/j.json", reparsed.String("results-file"));
    }

    [TestMethod]
    public void ResultsFileRoundTripsScoresTrainingAndFailures()
    {
        string path = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.json");
        ImageScores[] scores = [new(0.5, 0.4, 0.3, 0.2, 0.35, 0.9), new(0.7, double.NaN, 0.1, 0.0, 0.4, 0.0)];
        var entries = ModelRegistry.Select(["det", "ssn"]);
        ModelResult[] written =
        [
            new(entries[0], 1234, new BudgetedRun(17, TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(60), 0.25, "time"),
                new ModelEvaluation(scores, ScoreSummary.From(scores), new Dictionary<int, PredictionView>(), TimeSpan.FromSeconds(4)),
                "/figures/det.png", null, Retried: true),
            new(entries[1], 99, null, null, null, "diverged at step 3"),
        ];
        try
        {
            ResultsFile.Write(path, written);
            var read = ResultsFile.Read(path);

            Assert.HasCount(2, read);
            Assert.AreSame(entries[0], read[0].Entry);
            Assert.AreEqual(written[0].Training, read[0].Training);
            Assert.IsTrue(read[0].Retried);
            Assert.AreEqual("/figures/det.png", read[0].FigurePath);
            Assert.AreEqual(0.4, read[0].Evaluation!.Scores[0].GedMany);
            Assert.IsTrue(double.IsNaN(read[0].Evaluation!.Scores[1].GedMany));
            Assert.AreEqual(written[0].Evaluation!.Summary.GedFew.Mean, read[0].Evaluation!.Summary.GedFew.Mean, 1e-15);
            Assert.IsNull(read[1].Evaluation);
            Assert.AreEqual("diverged at step 3", read[1].Failure);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ResultsFileWithAnUnknownModelNamesIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{"Model":"unet++","Parameters":1,"Retried":false}]""");
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => ResultsFile.Read(path));
            StringAssert.Contains(e.Message, "unet++");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LidcGeometryDescribesCropAndPooling()
    {
        static LidcReport.DataDescription Data(int crop, int size) => new("d", crop, 0.9995, size, 1, 1, 1, 1, 1, 1, null);

        StringAssert.Contains(LidcReport.Geometry(Data(64, 64)), "centre-cropped from 128×128 to 64×64");
        StringAssert.Contains(LidcReport.Geometry(Data(64, 64)), "99.95 %");
        Assert.DoesNotContain("pooled", LidcReport.Geometry(Data(64, 64)));
        StringAssert.Contains(LidcReport.Geometry(Data(128, 64)), "average-pooled to 64×64 (`PoolFactor` 2");
        Assert.AreEqual("at the stored 128×128", LidcReport.Geometry(Data(128, 128)));
    }
}
