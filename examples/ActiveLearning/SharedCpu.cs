using System.Runtime.InteropServices;

namespace ActiveLearningExample;

/// <summary>Settings for running on a CPU shared with other processes.</summary>
internal static class SharedCpu
{
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    /// <summary>
    /// Makes idle OpenMP threads sleep instead of spin (<c>OMP_WAIT_POLICY=PASSIVE</c>, unless already set). Measured
    /// on the 2 shared cores this was written on, under load: one round-0 run took 110 s with spinning threads, 24 s
    /// with sleeping ones. Must run before the first tensor (OpenMP reads it when LibTorch loads); .NET's
    /// <c>Environment.SetEnvironmentVariable</c> does not reach the native environment on Unix, hence <c>setenv</c>.
    /// </summary>
    public static void PreferSleepingThreads()
    {
        if (OperatingSystem.IsLinux()) SetEnv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
    }
}
