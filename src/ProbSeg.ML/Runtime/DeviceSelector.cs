using TorchSharp;

namespace ProbSeg.ML.Runtime;

/// <summary>Turns a device name into a TorchSharp device with a clear error when it is not available.</summary>
public static class DeviceSelector
{
    /// <summary>Resolves <paramref name="name"/> (<c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:1"</c>).</summary>
    /// <param name="name">Device name.</param>
    /// <param name="fallbackToCpu">Use the CPU when CUDA is asked for but not available (ML.NET's <c>FallbackToCpu</c>).</param>
    public static torch.Device Resolve(string? name, bool fallbackToCpu = false)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("cpu", StringComparison.OrdinalIgnoreCase)) return torch.CPU;
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase))
        {
            if (torch.cuda.is_available()) return torch.device(name.ToLowerInvariant());
            if (fallbackToCpu) return torch.CPU;
            throw new InvalidOperationException($"Device '{name}' was requested but CUDA is not available (reference a CUDA build of TorchSharp, or allow fallback to CPU).");
        }
        throw new ArgumentException($"Unknown device '{name}'; use \"cpu\" or \"cuda[:index]\".", nameof(name));
    }
}
