using System.Runtime.InteropServices;
using TorchSharp;

namespace ProbSeg.ML.Runtime;

/// <summary>
/// LibTorch settings that TorchSharp does not expose and that must be applied after LibTorch has loaded. The trainer
/// and the predictor apply them once per process; call <see cref="EnsureApplied"/> yourself for your own loops.
/// </summary>
public static class LibTorchSettings
{
    private static readonly Lazy<bool> NnpackDisabled = new(DisableNnpack);

    /// <summary>Whether NNPACK was turned off in this process.</summary>
    public static bool IsNnpackDisabled => NnpackDisabled.Value;

    /// <summary>Applies the settings once (idempotent, thread-safe).</summary>
    public static void EnsureApplied() => _ = NnpackDisabled.Value;

    // On this project's CPUs NNPACK fails to initialise ("Unsupported hardware"); LibTorch then retries, printing the
    // warning for every convolution of a batch of 16 or more, before falling back to its usual kernels. Turning NNPACK
    // off selects those kernels directly and silences thousands of lines per prediction.
    private static bool DisableNnpack()
    {
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

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
