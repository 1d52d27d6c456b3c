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
/// <item>oneDNN ISA: on this project's machines (AVX-512 CPUs in a microVM), LibTorch 2.10's multi-threaded oneDNN
/// convolutions intermittently return NaN. Measured: uncapped, about 1 backward pass in 20 of a 24→8 3×3 conv gave NaN
/// gradients; capped at AVX2, a 12→4 3×3 conv still gave NaN outputs in ~1 forward pass in 3 and PHiSeg 1–7 NaN first
/// gradients in 150 fresh models; capped at SSE4.1, 0 of 1000 forwards and 0 of 300 gradients. Never with one thread.
/// We cap oneDNN at SSE4.1 unless the user set <c>DNNL_MAX_CPU_ISA</c> (set it to <c>ALL</c> on hardware where the
/// wide kernels are sound); the cost is a slower convolution on CPU only.</item>
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

    /// <summary>The oneDNN ISA cap in force for this process, or null when none was set.</summary>
    public static string? OneDnnIsaCap { get; private set; }

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
            // .NET's Environment.SetEnvironmentVariable does not reach the native environment on Unix: use setenv.
            SetEnv("DNNL_MAX_CPU_ISA", "SSE41", overwrite: 0);
            IntPtr value = GetEnv("DNNL_MAX_CPU_ISA");
            OneDnnIsaCap = value == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(value);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            MallocTuned = false; // musl or another libc: nothing to tune
        }
    }
}
