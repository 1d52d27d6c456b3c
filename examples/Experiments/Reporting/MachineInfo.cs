using System.Globalization;
using System.Runtime.InteropServices;
using ProbSeg.ML.Runtime;
using TorchSharp;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>Where a run happened, for the report: CPU, cores, OS, runtime, torch threads and load.</summary>
public static class MachineInfo
{
    /// <summary>One line describing the machine.</summary>
    public static string Describe()
    {
        string cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu}, {Environment.ProcessorCount} logical cores, torch threads {torch.get_num_threads()}, oneDNN {(LibTorchSettings.IsOneDnnDisabled ? "off" : "on")}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, TorchSharp 0.107 (LibTorch 2.10), {(torch.cuda.is_available() ? $"{torch.cuda.device_count()} CUDA device(s)" : "no GPU")}");
    }

    /// <summary>The 1/5/15-minute load averages (other jobs share the cores), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
