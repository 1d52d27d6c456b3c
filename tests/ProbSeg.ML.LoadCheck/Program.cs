using Microsoft.ML;
using ProbSeg.ML.LoadCheck;

// Usage: ProbSeg.ML.LoadCheck <model.zip> <data.idv>
// Loads the model with plain ML.NET (no registration of ProbSeg types), transforms the data and prints one line per
// output column, "<column> <sha256>", for the test to compare with the outputs of the process that saved the model.
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: ProbSeg.ML.LoadCheck <model.zip> <data.idv>");
    return 2;
}
var ml = new MLContext(seed: 0);
ITransformer model = ml.Model.Load(args[0], out _);
IDataView data = ml.Data.LoadFromBinary(args[1]);
IDataView scored = model.Transform(data);
foreach (var (column, hash) in OutputHashes.Compute(scored))
    Console.WriteLine($"{column} {hash}");
return 0;
