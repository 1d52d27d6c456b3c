// The README's main job: train a segmentation model on built-in data, evaluate it against the annotators,
// save model.zip the ML.NET way, reload it, and draw a picture.
//   dotnet run -c Release --project examples/Quickstart                 synthetic data, deterministic U-Net
//   dotnet run -c Release --project examples/Quickstart -- lidc         LIDC-IDRI crops (../shared/data/lidc-idri-128)
//   dotnet run -c Release --project examples/Quickstart -- synthetic probunet   another model: unet, probunet,
//                                                                       mcdropout, ensemble, mheads, phiseg, ssn, ssn-diag
using System.Diagnostics;
using Microsoft.ML;
using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Data.Synthetic;
using ProbSeg.ML.Estimators;

string dataName = args.Length > 0 ? args[0].ToLowerInvariant() : "synthetic";
string modelName = args.Length > 1 ? args[1].ToLowerInvariant() : "unet";
string outDir = Path.GetFullPath(Path.Combine("out", "quickstart"));
Directory.CreateDirectory(outDir);

var ml = new MLContext(seed: 1);
ml.Log += (_, e) => { if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info && e.Message.Contains("loss", StringComparison.Ordinal)) Console.WriteLine($"  {e.Message}"); };

IDataView train, test;
int size, epochs;
int[] channels;
if (dataName == "lidc")
{
    string dir = SharedData.FindLidc();
    // CPU budget: the centre 64×64 of each crop (the nodule sits there at full resolution), the first 3000 training
    // slices, 400 validation slices. Pixels scaled as PHiSeg feeds LIDC: image − 0.5.
    DatasetReadOptions Read(int count) => new() { Scaling = ImageScaling.CenteredHalf, CropSize = 64, MaxCount = count };
    train = ml.Segmentation().Data.LoadLidcNpz(Path.Combine(dir, "lidc_train.npz"), Read(3000));
    test = ml.Segmentation().Data.LoadLidcNpz(Path.Combine(dir, "lidc_val.npz"), Read(400));
    (size, epochs, channels) = (64, 3, [16, 32, 64, 128, 128]);
}
else if (dataName == "synthetic")
{
    train = ml.Segmentation().Data.LoadSynthetic(new SyntheticOptions { Count = 1024, ImageSize = 32, Seed = 1 });
    // Held-out images with 16 annotations each, drawn from the known true distribution.
    var held = SyntheticAmbiguousData.Generate(new SyntheticOptions { Count = 100, ImageSize = 32, Seed = 2 });
    test = ml.Segmentation().Data.FromDataset(held.WithAnnotations(16, seed: 3));
    (size, epochs, channels) = (32, 12, [16, 32, 64, 128]);
}
else throw new ArgumentException($"Unknown data '{dataName}': use 'synthetic' or 'lidc'.");

IEstimator<SegmentationTransformer> trainer = modelName switch
{
    "unet" => ml.Segmentation().Trainers.DeterministicUNet(new DeterministicUNetOptions { UNetChannels = channels, Epochs = epochs }),
    "probunet" => ml.Segmentation().Trainers.ProbabilisticUNet(new ProbabilisticUNetOptions { UNetChannels = channels, Epochs = epochs }),
    "mcdropout" => ml.Segmentation().Trainers.McDropoutUNet(new McDropoutUNetOptions { UNetChannels = channels, Epochs = epochs }),
    "ensemble" => ml.Segmentation().Trainers.UNetEnsemble(new UNetEnsembleOptions { UNetChannels = channels, Epochs = epochs }),
    "mheads" => ml.Segmentation().Trainers.MHeads(new MHeadsOptions { UNetChannels = channels, Epochs = epochs }),
    // PHiSeg sizes its own encoders: one resolution level per U-Net level here, the coarsest L − 2 of them latent.
    "phiseg" => ml.Segmentation().Trainers.PHiSeg(new PHiSegOptions { ResolutionLevels = channels.Length, LatentLevels = channels.Length - 2, BaseChannels = channels[0], Epochs = epochs }),
    "ssn" => ml.Segmentation().Trainers.StochasticSegmentationNetwork(new StochasticSegmentationNetworkOptions { UNetChannels = channels, Epochs = epochs }),
    "ssn-diag" => ml.Segmentation().Trainers.StochasticSegmentationNetwork(new StochasticSegmentationNetworkOptions { UNetChannels = channels, Rank = 0, Epochs = epochs }),
    _ => throw new ArgumentException($"Unknown model '{modelName}': use unet, probunet, mcdropout, ensemble, mheads, phiseg, ssn or ssn-diag."),
};

Console.WriteLine($"Training {modelName} on {dataName} ({size}×{size}, {epochs} epochs, U-Net channels [{string.Join(", ", channels)}]) ...");
var watch = Stopwatch.StartNew();
using SegmentationTransformer model = trainer.Fit(train);
Console.WriteLine($"Trained in {watch.Elapsed.TotalSeconds:F0} s.");

IDataView scored = model.Transform(test);
SegmentationMetrics metrics = ml.Segmentation().Evaluate(scored);
Console.WriteLine();
Console.WriteLine($"Held-out images: {metrics.Count}, {model.NumberOfSamples} samples each (d = 1 − IoU, PHiSeg conventions)");
Console.WriteLine($"  GED²                 {metrics.Ged,8:F4}   (lower is better)");
Console.WriteLine($"  HM-IoU               {metrics.HungarianIoU,8:F4}   (higher is better)");
Console.WriteLine($"  sample diversity     {metrics.SampleDiversity,8:F4}");
Console.WriteLine($"  annotator diversity  {metrics.AnnotatorDiversity,8:F4}");
Console.WriteLine($"  Dice (majority vote) {metrics.DiceOfMean,8:F4}");

string zip = Path.Combine(outDir, "model.zip");
ml.Model.Save(model, train.Schema, zip);
ITransformer reloaded = new MLContext(seed: 1).Model.Load(zip, out _);
SegmentationMetrics again = ml.Segmentation().Evaluate(reloaded.Transform(test));
Console.WriteLine();
Console.WriteLine($"Saved {zip} ({new FileInfo(zip).Length / 1024} KiB); reloaded model GED² {again.Ged:F4} ({(again.Ged == metrics.Ged ? "identical" : "DIFFERENT")}).");

string grid = Path.Combine(outDir, "grid.png");
GridWriter.Write(scored, rows: 6, size, size, model.Classes, samplesShown: 6, grid);
Console.WriteLine($"Wrote {grid} (image | annotators | mean | samples | uncertainty).");
