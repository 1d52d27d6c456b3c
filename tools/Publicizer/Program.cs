using ProbSeg.ML.Tools.Publicizer;

// Usage: Publicizer <output-folder> <assembly.dll>...
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: Publicizer <output-folder> <assembly.dll>...");
    return 2;
}
string output = args[0];
Directory.CreateDirectory(output);
foreach (string input in args.Skip(1))
{
    string target = Path.Combine(output, Path.GetFileName(input));
    int changed = AssemblyPublicizer.Publicize(input, target);
    Console.WriteLine($"Publicizer: {Path.GetFileName(input)}: {changed} types/members made visible -> {target}");
}
return 0;
