using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using ProbSeg.ML.Estimators;
using ProbSeg.ML.LoadCheck;

namespace ProbSeg.ML.Tests.Estimators;

/// <summary>
/// mlContext.Model.Save/Load keeps the weights inside ML.NET's zip and gives identical outputs, in this process and in a
/// fresh one (the only check that catches a broken loader registration, which an in-process load can hide).
/// </summary>
[TestClass]
public sealed class PersistenceTests
{
    private static string _folder = null!;
    private static MLContext _ml = null!;
    private static IDataView _data = null!;
    private static ITransformer _model = null!;

    [ClassInitialize]
    public static void TrainAndSave(TestContext _)
    {
        _folder = Directory.CreateTempSubdirectory("probseg-persistence-").FullName;
        _ml = new MLContext(seed: 4);
        _data = EstimatorTestData.SquaresView(_ml, count: 12, seed: 2);
        var options = EstimatorTestData.FastOptions(seed: 4);
        options.ImageColumnName = "Pixels";
        options.SamplingSeed = 11;
        var pipeline = _ml.Transforms.CopyColumns("Pixels", "Image").Append(_ml.Segmentation().Trainers.DeterministicUNet(options));
        _model = pipeline.Fit(_data);
        _ml.Model.Save(_model, _data.Schema, ModelPath);
        using var stream = File.Create(DataPath);
        _ml.Data.SaveAsBinary(_data, stream);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        (_model as IDisposable)?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string ModelPath => Path.Combine(_folder, "model.zip");
    private static string DataPath => Path.Combine(_folder, "data.idv");

    [TestMethod]
    public void TheZipHoldsTheWeights()
    {
        using var zip = ZipFile.OpenRead(ModelPath);
        var entry = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith("/Model.bin", StringComparison.Ordinal));
        Assert.IsNotNull(entry, string.Join(", ", zip.Entries.Select(e => e.FullName)));
        // The Small U-Net has ~26k float parameters: ~100 kB of weights must be in the entry.
        Assert.IsGreaterThan(50_000L, entry.Length);
    }

    [TestMethod]
    public void LoadInThisProcessGivesIdenticalOutputsAndSettings()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(ModelPath, out var schema);
        Assert.IsNotNull(schema.GetColumnOrNull("Image"));
        var transformer = ((TransformerChain<ITransformer>)loaded).OfType<SegmentationTransformer>().Single();
        Assert.AreEqual("Pixels", transformer.ImageColumnName);
        Assert.AreEqual(4, transformer.NumberOfSamples);
        Assert.AreEqual(11, transformer.SamplingSeed);
        Assert.AreEqual(new ImageShape(1, 16, 16), transformer.ImageShape);
        CollectionAssert.AreEqual(Hashes(_model.Transform(_data)), Hashes(loaded.Transform(_data)));
        (loaded as IDisposable)?.Dispose();
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
        foreach (string arg in new[] { "exec", app, ModelPath, DataPath }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(120_000), "the load-check process did not finish in 2 minutes");
        Assert.AreEqual(0, process.ExitCode, $"load-check failed:\n{stdout}\n{stderr.Result}");

        string[] expected = Hashes(_model.Transform(_data));
        string[] actual = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        CollectionAssert.AreEqual(expected, actual, $"new-process outputs differ:\n{stdout}\n{stderr.Result}");
    }

    private static string[] Hashes(IDataView scored) =>
        OutputHashes.Compute(scored).Select(h => $"{h.Column} {h.Hash}").ToArray();
}
