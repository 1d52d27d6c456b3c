using System.Diagnostics;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>Which code produced a report: the git commit of the repository, and whether tracked files were changed.</summary>
public static class SourceVersion
{
    /// <summary>"abc1234", "abc1234 + local changes", or null when git or the repository is unavailable.</summary>
    public static string? Describe(string repositoryRoot)
    {
        string? commit = Git(repositoryRoot, "rev-parse", "--short", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit)) return null;
        // Untracked files (build output, a report being written) do not change the code that ran.
        string? changes = Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(changes) ? commit : commit + " + local changes";
    }

    private static string? Git(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in arguments) start.ArgumentList.Add(a);
            using Process? git = Process.Start(start);
            if (git is null) return null;
            string output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;                                       // no git on PATH
        }
    }
}
