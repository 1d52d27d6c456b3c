using System.Buffers.Binary;

namespace ProbSeg.ML.Imaging;

/// <summary>The CRC-32 of PNG chunks and zip members (ISO 3309 polynomial, reflected), slicing-by-8 so that
/// checking a few hundred MB of npz members costs well under a second.</summary>
internal static class Crc32
{
    // Table k (k = 0..7) at offset 256·k: the CRC of a byte followed by k zero bytes.
    private static readonly uint[] Tables = BuildTables();

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (int k = 1; k < 8; k++)
            for (int n = 0; n < 256; n++)
            {
                uint prev = t[(k - 1) * 256 + n];
                t[k * 256 + n] = (prev >> 8) ^ t[prev & 0xFF];
            }
        return t;
    }

    /// <summary>Continues a running CRC (start with <c>0xFFFFFFFF</c>, finish with <see cref="Finish"/>).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Tables.AsSpan();
        while (data.Length >= 8)
        {
            uint one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            uint two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[7 * 256 + (int)(one & 0xFF)] ^ t[6 * 256 + (int)((one >> 8) & 0xFF)]
                ^ t[5 * 256 + (int)((one >> 16) & 0xFF)] ^ t[4 * 256 + (int)(one >> 24)]
                ^ t[3 * 256 + (int)(two & 0xFF)] ^ t[2 * 256 + (int)((two >> 8) & 0xFF)]
                ^ t[256 + (int)((two >> 16) & 0xFF)] ^ t[(int)(two >> 24)];
            data = data[8..];
        }
        foreach (byte b in data)
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return crc;
    }

    /// <summary>Final inversion of a running CRC.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    /// <summary>CRC of a chunk's type and data, as stored after the chunk.</summary>
    public static uint OfChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) =>
        Finish(Update(Update(0xFFFFFFFFu, type), data));
}
