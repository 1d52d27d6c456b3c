using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProbSeg.ML.Runtime;

/// <summary>
/// Prepares the native runtime before the first tensor exists. Runs once, automatically, when this assembly loads;
/// users need not call anything.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>glibc malloc: with its defaults every large tensor is a fresh <c>mmap</c> returned on free, which doubles CPU
/// training step time and makes it erratic (notes/platform.md). We raise the mmap and trim thresholds.</item>
/// <item>Threads: two OpenMP threads on two shared cores were up to 28× slower per step than one (spin-waiting),
/// and multi-threaded oneDNN convolutions raised the NaN rate described in <see cref="LibTorchSettings"/>. Unless the
/// user set <c>OMP_NUM_THREADS</c>, LibTorch runs one intra-op thread; set it to use more cores.</item>
/// </list>
/// Set <c>PROBSEG_NATIVE_DEFAULTS=1</c> to skip both.
/// </remarks>
public static class NativeRuntimeSetup
{
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 1024 * 1024 * 1024;

    private static bool _applied;

    /// <summary>Whether malloc was tuned in this process (false off glibc or when it failed).</summary>
    public static bool MallocTuned { get; private set; }

    /// <summary>Whether the native defaults were applied (false off Linux or with <c>PROBSEG_NATIVE_DEFAULTS=1</c>).</summary>
    public static bool DefaultsApplied { get; private set; }

    /// <summary>Whether the user chose LibTorch's thread count (<c>OMP_NUM_THREADS</c> was set before start-up).</summary>
    public static bool UserChoseThreads { get; private set; }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int param, int value);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv(string name);

    /// <summary>
    /// Applies the setup now if it has not run. It runs by itself when this assembly loads; call this first only when
    /// your process runs TorchSharp operations before it touches any ProbSeg.ML type (oneDNN reads its ISA cap once).
    /// </summary>
    public static void EnsureApplied() => Apply();

#pragma warning disable CA2255 // a module initializer is exactly right here: it must run before any tensor exists
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        if (_applied || !OperatingSystem.IsLinux()) return;
        _applied = true;
        if (Environment.GetEnvironmentVariable("PROBSEG_NATIVE_DEFAULTS") == "1") return;
        try
        {
            MallocTuned = MallOpt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1 & MallOpt(M_TRIM_THRESHOLD, TrimThresholdBytes) == 1;
            // .NET's Environment.SetEnvironmentVariable does not reach the native environment on Unix: use setenv,
            // before LibTorch loads and sizes its OpenMP pool (LibTorchSettings also sets it once LibTorch is loaded).
            DefaultsApplied = true;
            UserChoseThreads = GetEnv("OMP_NUM_THREADS") != IntPtr.Zero;
            if (!UserChoseThreads) SetEnv("OMP_NUM_THREADS", "1", overwrite: 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            MallocTuned = false; // musl or another libc: nothing to tune
        }
    }
}
