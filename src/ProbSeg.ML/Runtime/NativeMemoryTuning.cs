using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProbSeg.ML.Runtime;

/// <summary>
/// Tunes glibc malloc before the first tensor is allocated. With glibc's defaults every large tensor is a fresh
/// <c>mmap</c> returned on free, which doubles CPU training step time and makes it erratic (notes/platform.md).
/// Runs once, automatically, when this assembly loads; users need not call anything.
/// </summary>
public static class NativeMemoryTuning
{
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 1024 * 1024 * 1024;

    /// <summary>Whether the tuning was applied in this process (false off glibc or when it failed).</summary>
    public static bool Applied { get; private set; }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int param, int value);

#pragma warning disable CA2255 // a module initializer is exactly right here: it must run before any tensor exists
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        if (Applied || !OperatingSystem.IsLinux()) return;
        if (Environment.GetEnvironmentVariable("PROBSEG_KEEP_MALLOC") == "1") return;
        try
        {
            Applied = MallOpt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1 & MallOpt(M_TRIM_THRESHOLD, TrimThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Applied = false; // musl or another libc: nothing to tune
        }
    }
}
