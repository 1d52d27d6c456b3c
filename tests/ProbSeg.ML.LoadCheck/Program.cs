using Microsoft.ML;
using ProbSeg.ML.LoadCheck;

// Usage: ProbSeg.ML.LoadCheck <data.idv> <model.zip>...
// Loads each model with plain ML.NET (no registration of ProbSeg types), transforms the data and prints one line per
// output column, "<model file name> <column> <sha256>", for the test to compare with the outputs of the process that
// saved the models.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: ProbSeg.ML.LoadCheck <data.idv> <model.zip>...");
    return 2;
}
var ml = new MLContext(seed: 0);
IDataView data = ml.Data.LoadFromBinary(args[0]);
foreach (string path in args.Skip(1))
{
    ITransformer model = ml.Model.Load(path, out _);
    foreach (var (column, hash) in OutputHashes.Compute(model.Transform(data)))
        Console.WriteLine($"{Path.GetFileName(path)} {column} {hash}");
    (model as IDisposable)?.Dispose();
}
return 0;
