namespace ProbSeg.ML.Experiments.Runs;

/// <summary>Finds the repository root and the shared LIDC data, so the commands work from any directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest directory at or above the working directory holding <c>ProbSeg.ML.sln</c>, else the working directory.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProbSeg.ML.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }

    /// <summary>
    /// The LIDC folder: <c>$PROBSEG_LIDC_DIR</c>, else the first <c>shared/data/lidc-idri-128</c> found beside the
    /// repository or one of its parents (the checkout's <c>../shared/data/lidc-idri-128</c>).
    /// </summary>
    public static string? LidcData()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("PROBSEG_LIDC_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(Root()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "lidc-idri-128");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="from"/>, with forward slashes (markdown links).</summary>
    public static string Link(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');
}
