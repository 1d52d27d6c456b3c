using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.LoadCheck;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>
/// mlContext.Model.Save/Load keeps every model's weights inside ML.NET's zip and gives identical outputs, in this process
/// and in a fresh one (the only check that catches a broken loader registration, which an in-process load can hide).
/// </summary>
[TestClass]
public sealed class PersistenceTests
{
    private const int SamplingSeed = 11;
    private static string _folder = null!;
    private static MLContext _ml = null!;
    private static IDataView _data = null!;
    private static readonly Dictionary<string, ITransformer> Models = [];

    [ClassInitialize]
    public static void TrainAndSave(TestContext _)
    {
        _folder = Directory.CreateTempSubdirectory("probseg-persistence-").FullName;
        _ml = new MLContext(seed: 4);
        _data = EstimatorTestData.SquaresView(_ml, count: 8, seed: 2);
        var trainers = _ml.Segmentation().Trainers;
        var deterministic = Configure(new DeterministicUNetOptions());
        deterministic.ImageColumnName = "Pixels"; // behind an ML.NET transform, so the chain is saved too
        Fit("DeterministicUNet", _ml.Transforms.CopyColumns("Pixels", "Image").Append(trainers.DeterministicUNet(deterministic)));
        Fit("ProbabilisticUNet", trainers.ProbabilisticUNet(Configure(new ProbabilisticUNetOptions { LatentDim = 2 })));
        Fit("McDropoutUNet", trainers.McDropoutUNet(Configure(new McDropoutUNetOptions())));
        Fit("UNetEnsemble", trainers.UNetEnsemble(Configure(new UNetEnsembleOptions { Members = 2 })));
        Fit("MHeads", trainers.MHeads(Configure(new MHeadsOptions { Heads = 2 })));
        // n0 = 8: PHiSeg's channel tails of 12 trip oneDNN NaNs on this machine (see PHiSegTests).
        Fit("PHiSeg", trainers.PHiSeg(ConfigureCommon(new PHiSegOptions { ResolutionLevels = 3, LatentLevels = 2, BaseChannels = 8, ConvolutionsPerLevel = 1 })));
        Fit("StochasticSegmentationNetwork", trainers.StochasticSegmentationNetwork(Configure(new StochasticSegmentationNetworkOptions { Rank = 2, MonteCarloSamples = 4 })));
        using var stream = File.Create(DataPath);
        _ml.Data.SaveAsBinary(_data, stream);
    }

    private static T Configure<T>(T options) where T : UNetTrainerOptions
    {
        options.UNetChannels = [8, 16, 32];
        options.ConvolutionsPerLevel = 2;
        return ConfigureCommon(options);
    }

    private static T ConfigureCommon<T>(T options) where T : SegmentationTrainerOptions
    {
        options.Epochs = 1;
        options.BatchSize = 4;
        options.NumberOfSamples = 4;
        options.Seed = 4;
        options.SamplingSeed = SamplingSeed;
        options.LogEvery = 0;
        return options;
    }

    private static void Fit<T>(string name, IEstimator<T> estimator) where T : class, ITransformer
    {
        T model = estimator.Fit(_data);
        Models[name] = model;
        _ml.Model.Save(model, _data.Schema, ModelPath(name));
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        foreach (var model in Models.Values) (model as IDisposable)?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string ModelPath(string name) => Path.Combine(_folder, name + ".zip");
    private static string DataPath => Path.Combine(_folder, "data.idv");

    [TestMethod]
    public void TheZipHoldsTheWeights()
    {
        using var zip = ZipFile.OpenRead(ModelPath("DeterministicUNet"));
        var entry = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith("/Model.bin", StringComparison.Ordinal));
        Assert.IsNotNull(entry, string.Join(", ", zip.Entries.Select(e => e.FullName)));
        // The three-level 8-16-32 U-Net has ~26k float parameters: ~100 kB of weights must be in the entry.
        Assert.IsGreaterThan(50_000L, entry.Length);
    }

    [TestMethod]
    public void LoadInThisProcessGivesIdenticalOutputsAndSettings()
    {
        var ml = new MLContext();
        foreach (var (name, model) in Models)
        {
            ITransformer loaded = ml.Model.Load(ModelPath(name), out var schema);
            Assert.IsNotNull(schema.GetColumnOrNull("Image"));
            var transformer = loaded is SegmentationTransformer single ? single
                : ((TransformerChain<ITransformer>)loaded).OfType<SegmentationTransformer>().Single();
            Assert.AreEqual(name == "DeterministicUNet" ? "Pixels" : "Image", transformer.ImageColumnName, name);
            Assert.AreEqual(4, transformer.NumberOfSamples, name);
            Assert.AreEqual(SamplingSeed, transformer.SamplingSeed, name);
            Assert.AreEqual(new ImageShape(1, 16, 16), transformer.ImageShape, name);
            Assert.AreEqual(name, transformer.Model.GetType().Name);
            CollectionAssert.AreEqual(Hashes(name, model.Transform(_data)), Hashes(name, loaded.Transform(_data)), name);
            (loaded as IDisposable)?.Dispose();
        }
    }

    [TestMethod]
    public void LoadInANewProcessGivesIdenticalOutputs()
    {
        string app = typeof(PersistenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LoadCheckPath").Value!;
        Assert.IsTrue(File.Exists(app), $"The load-check app is not built at {app}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "exec", app, DataPath }.Concat(Models.Keys.Select(ModelPath))) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(120_000), "the load-check process did not finish in 2 minutes");
        Assert.AreEqual(0, process.ExitCode, $"load-check failed:\n{stdout}\n{stderr.Result}");

        string[] expected = Models.SelectMany(m => Hashes(m.Key, m.Value.Transform(_data))).ToArray();
        string[] actual = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        CollectionAssert.AreEqual(expected, actual, $"new-process outputs differ:\n{stdout}\n{stderr.Result}");
    }

    [TestMethod]
    [DataRow("ProbabilisticUNet")]
    [DataRow("McDropoutUNet")]
    [DataRow("PHiSeg")]
    [DataRow("StochasticSegmentationNetwork")]
    public void StochasticSamplesFollowTheSamplingSeed(string name)
    {
        var transformer = (SegmentationTransformer)Models[name];
        var samples = EstimatorTestData.Column<byte>(transformer.Transform(_data), "Samples");
        var image = EstimatorTestData.Squares(8, seed: 2).Image(0);
        // The draws of one image differ (a stochastic model; compared as probabilities, since a barely trained model's
        // arg-max maps may all be background), yet the seed fixes them.
        var probabilities = transformer.Sample(image, 4, seed: SamplingSeed, keepSampleProbabilities: true).SampleProbabilitiesOf(0).ToArray();
        int perDraw = probabilities.Length / 4;
        Assert.IsFalse(probabilities.AsSpan(0, perDraw).SequenceEqual(probabilities.AsSpan(perDraw, perDraw)), $"{name}: two draws are identical");
        CollectionAssert.AreEqual(samples[0], transformer.Sample(image, 4, seed: SamplingSeed).SamplesOf(0).ToArray());
        var scoreA = transformer.Sample(image, 4, seed: 1).ScoreOf(0).ToArray();
        var scoreB = transformer.Sample(image, 4, seed: 2).ScoreOf(0).ToArray();
        CollectionAssert.AreNotEqual(scoreA, scoreB, $"{name}: another seed draws other samples");
    }

    private static string[] Hashes(string name, IDataView scored) =>
        OutputHashes.Compute(scored).Select(h => $"{name}.zip {h.Column} {h.Hash}").ToArray();
}
