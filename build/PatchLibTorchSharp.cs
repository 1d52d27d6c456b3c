// Inline MSBuild task (RoslynCodeTaskFactory): marks libLibTorchSharp.so's GLIBCXX_3.4.32 version need weak.
// See notes/platform.md for the measurement that proves no relocation uses the symbol behind that need.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class ProbSegPatchLibTorchSharp : Task
{
    private const string NeededVersion = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required]
    public string Directory { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        if (!File.Exists("/proc/self/maps")) return true; // Linux only
        if (HostHasVersion())
        {
            Log.LogMessage(MessageImportance.Low, "ProbSeg: host libstdc++ provides " + NeededVersion + "; no patch needed.");
            return true;
        }
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try { PatchFile(file); }
            catch (Exception e) { Log.LogWarning("ProbSeg: could not patch " + file + ": " + e.Message); }
        }
        return true;
    }

    private static bool HostHasVersion()
    {
        string lib = null;
        try
        {
            foreach (string line in File.ReadAllLines("/proc/self/maps"))
            {
                int at = line.IndexOf('/');
                if (at >= 0 && line.IndexOf("libstdc++.so", StringComparison.Ordinal) >= 0) { lib = line.Substring(at).Trim(); break; }
            }
        }
        catch (IOException) { }
        if (lib == null)
        {
            foreach (string candidate in new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" })
                if (File.Exists(candidate)) { lib = candidate; break; }
        }
        if (lib == null) return false;
        byte[] bytes = File.ReadAllBytes(lib);
        byte[] needle = Encoding.ASCII.GetBytes(NeededVersion + "\0");
        for (int i = 0; i + needle.Length <= bytes.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && bytes[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    private void PatchFile(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1) return; // ELF64 LE only
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A);
        int shnum = U16(elf, 0x3C);
        bool changed = false;
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            long need = (long)U64(elf, sh + 24);
            long link = U32(elf, sh + 40);
            long count = U32(elf, sh + 44);
            long strtab = (long)U64(elf, shoff + link * shentsize + 24);
            for (long n = 0; n < count; n++)
            {
                int auxCount = U16(elf, need + 2);
                long aux = need + U32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    if (ReadString(elf, strtab + U32(elf, aux + 8)) == NeededVersion)
                    {
                        ushort flags = U16(elf, aux + 4);
                        if ((flags & VerFlagWeak) == 0)
                        {
                            ushort weak = (ushort)(flags | VerFlagWeak);
                            elf[aux + 4] = (byte)(weak & 0xff);
                            elf[aux + 5] = (byte)(weak >> 8);
                            changed = true;
                        }
                    }
                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(elf, need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        if (!changed) return;
        // The output copy may be a hard link into the NuGet cache: write a new file and move it over, keeping the
        // timestamp so incremental builds do not copy the original again.
        DateTime stamp = File.GetLastWriteTimeUtc(path);
        string temp = path + ".probseg-tmp";
        File.WriteAllBytes(temp, elf);
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Replace(temp, path, null); // an atomic rename on Unix
        Log.LogMessage(MessageImportance.Normal, "ProbSeg: marked " + NeededVersion + " weak in " + path);
    }

    private static ushort U16(byte[] d, long at) => (ushort)(d[at] | d[at + 1] << 8);
    private static uint U32(byte[] d, long at) => (uint)(U16(d, at) | (uint)U16(d, at + 2) << 16);
    private static ulong U64(byte[] d, long at) => U32(d, at) | (ulong)U32(d, at + 4) << 32;

    private static string ReadString(byte[] data, long at)
    {
        int end = (int)at;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)at, end - (int)at);
    }
}
