using System.Runtime.InteropServices;
using TorchSharp;

namespace ProbSeg.ML.Runtime;

/// <summary>
/// LibTorch settings that TorchSharp does not expose and that must be applied after LibTorch has loaded. The trainer
/// and the predictor apply them once per process; call <see cref="EnsureApplied"/> yourself for your own loops.
/// </summary>
public static class LibTorchSettings
{
    private static readonly Lazy<bool> NnpackDisabled = new(Apply);

    /// <summary>Whether NNPACK was turned off in this process (LibTorch's thread count is settled at the same time).</summary>
    public static bool IsNnpackDisabled => NnpackDisabled.Value;

    /// <summary>Whether oneDNN (MKL-DNN) convolutions were turned off in this process.</summary>
    public static bool IsOneDnnDisabled { get; private set; }

    /// <summary>Applies the settings once (idempotent, thread-safe).</summary>
    public static void EnsureApplied() => _ = NnpackDisabled.Value;

    /// <remarks>
    /// oneDNN: LibTorch 2.10's oneDNN convolutions return NaN gradients on this project's machines (AVX-512 microVMs)
    /// even with one thread: a tiny PHiSeg (12→4-channel convs) gave NaN first gradients for 1–2 of 60 seeds, the same
    /// seeds every run, 8 of 60 with two threads; capped at SSE4.1 or with oneDNN off, 0 of 60. With oneDNN off, ATen's
    /// own convolution runs (a 4-level U-Net step at 32², batch 12: 119 ms instead of 65 ms). Correct results come
    /// first; set <c>PROBSEG_ONEDNN=1</c> to keep oneDNN where its kernels are sound.
    /// </remarks>
    private static bool Apply()
    {
        bool nnpack = DisableNnpack();
        if (OperatingSystem.IsLinux() && NativeRuntimeSetup.DefaultsApplied && Environment.GetEnvironmentVariable("PROBSEG_ONEDNN") != "1")
        {
            try
            {
                IntPtr context = GlobalContext();
                if (context != IntPtr.Zero) { SetUserEnabledMkldnn(context, false); IsOneDnnDisabled = true; }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        return nnpack;
    }

    // On this project's CPUs NNPACK fails to initialise ("Unsupported hardware"); LibTorch then retries, printing the
    // warning for every convolution of a batch of 16 or more, before falling back to its usual kernels. Turning NNPACK
    // off selects those kernels directly and silences thousands of lines per prediction.
    private static bool DisableNnpack()
    {
        // One intra-op thread unless the user chose (see NativeRuntimeSetup: multi-threaded oneDNN convolutions give NaN here).
        if (NativeRuntimeSetup.DefaultsApplied && !NativeRuntimeSetup.UserChoseThreads) torch.set_num_threads(1);
        if (!OperatingSystem.IsLinux()) return false;
        _ = torch.get_num_threads(); // loads LibTorch
        try
        {
            IntPtr context = GlobalContext();
            if (context == IntPtr.Zero) return false;
            SetUserEnabledNnpack(context, false);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // another LibTorch build: keep its default
        }
    }

    // at::Context& at::globalContext() and void at::Context::setUserEnabledNNPACK(bool) (Itanium C++ ABI: `this` first).
    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
