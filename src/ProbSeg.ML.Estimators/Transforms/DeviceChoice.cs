using ProbSeg.ML.Runtime;
using TorchSharp;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Picks the torch device the way ML.NET's TorchSharp components do: the CPU unless <c>MLContext.GpuDeviceId</c> is set;
/// then that CUDA device if CUDA is available, else the CPU when <c>MLContext.FallbackToCpu</c> allows it, else an error.
/// An explicit device in the options wins.
/// </summary>
internal static class DeviceChoice
{
    public static string Resolve(string? explicitDevice, int? gpuDeviceId, bool fallbackToCpu, Action<string>? warn)
    {
        if (!string.IsNullOrWhiteSpace(explicitDevice))
        {
            var device = DeviceSelector.Resolve(explicitDevice, fallbackToCpu);
            return device.type == DeviceType.CUDA ? explicitDevice.ToLowerInvariant() : "cpu";
        }
        if (gpuDeviceId is not int id) return "cpu";
        if (torch.cuda.is_available()) return $"cuda:{id}";
        if (!fallbackToCpu)
            throw new InvalidOperationException($"MLContext.GpuDeviceId is {id} but CUDA is not available (reference a CUDA build of TorchSharp), " +
                "and MLContext.FallbackToCpu is false.");
        warn?.Invoke($"MLContext.GpuDeviceId is {id} but CUDA is not available; falling back to the CPU.");
        return "cpu";
    }
}
