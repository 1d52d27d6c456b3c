using System.Runtime.InteropServices;
using TorchSharp;

namespace ProbSeg.ML.Experiments.Runs;

/// <summary>
/// Turns off LibTorch's NNPACK convolution path, which TorchSharp does not expose. On this project's CPUs NNPACK fails
/// to initialise ("Unsupported hardware"), and LibTorch then retries and prints that warning for every convolution
/// of a batch of 16 or more (sampling does that thousands of times) before falling back to the usual kernels.
/// </summary>
public static class NativeEnvironment
{
    /// <summary>Calls <c>at::globalContext().setUserEnabledNNPACK(false)</c>; returns false if that was not possible.</summary>
    public static bool DisableNnpack()
    {
        if (!OperatingSystem.IsLinux()) return false;
        _ = torch.get_num_threads();                    // make sure TorchSharp has loaded LibTorch
        try
        {
            IntPtr context = GlobalContext();
            if (context == IntPtr.Zero) return false;
            SetUserEnabledNnpack(context, false);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;                               // another LibTorch build: keep its default
        }
    }

    // at::Context& at::globalContext() and void at::Context::setUserEnabledNNPACK(bool): plain, non-virtual functions
    // (Itanium C++ ABI: the member function takes `this` as its first argument).
    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
