using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Data.Readers;

/// <summary>Builds small .npy/.npz/.png files for reader tests, in a temporary folder removed on dispose.</summary>
internal sealed class ReaderTestFiles : IDisposable
{
    public ReaderTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "probseg-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The shared LIDC folder: <c>$PROBSEG_LIDC_DIR</c>, else <c>shared/data/lidc-idri-128</c> beside the
    /// checkout (found by walking up from the test binaries), else null.</summary>
    public static readonly string? LidcData = FindLidcData();

    private static string? FindLidcData()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("PROBSEG_LIDC_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "lidc-idri-128");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Readers", "Fixtures", name);

    /// <summary>The shared LIDC file, or an inconclusive test where this machine lacks it.</summary>
    public static string LidcFile(string name)
    {
        string path = Path.Combine(LidcData ?? "shared/data/lidc-idri-128", name);
        if (!File.Exists(path) && !Directory.Exists(path)) Assert.Inconclusive($"{path} is not on this machine (set PROBSEG_LIDC_DIR).");
        return path;
    }

    public string PathOf(string relative)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>A version 1.0 .npy image of <paramref name="data"/>.</summary>
    public static byte[] Npy<T>(T[] data, string descr, params long[] shape) where T : unmanaged
    {
        string dims = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dims}, }}";
        header = header.PadRight((header.Length + 11) / 64 * 64 + 63 - 10) + "\n";
        using var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        ms.Write(MemoryMarshal.AsBytes(data.AsSpan()));
        return ms.ToArray();
    }

    /// <summary>Writes an .npz with the given members (names without .npy).</summary>
    public string Npz(string name, CompressionLevel level, params (string Name, byte[] Npy)[] members)
    {
        string path = PathOf(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, bytes) in members)
        {
            using var stream = zip.CreateEntry(member + ".npy", level).Open();
            stream.Write(bytes);
        }
        return path;
    }

    /// <summary>Writes an 8-bit grey PNG.</summary>
    public string Png(string relative, int width, int height, Func<int, int, byte> pixel)
    {
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = pixel(y, x);
        string path = PathOf(relative);
        PngEncoder.Save(PngImage.FromGrey8(width, height, pixels), path);
        return path;
    }

    /// <summary>Writes a PNG of any supported kind.</summary>
    public string Png(string relative, PngImage image)
    {
        string path = PathOf(relative);
        PngEncoder.Save(image, path);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } // best effort
    }
}
