/// <summary>Finds the project's shared LIDC data (../shared/data/lidc-idri-128 beside the repository).</summary>
internal static class SharedData
{
    public static string FindLidc()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("PROBSEG_LIDC_DIR");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return fromEnv;
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", "lidc-idri-128");
                if (File.Exists(Path.Combine(candidate, "lidc_train.npz"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("LIDC data not found: expected ../shared/data/lidc-idri-128 beside the repository, or set PROBSEG_LIDC_DIR.");
    }
}
