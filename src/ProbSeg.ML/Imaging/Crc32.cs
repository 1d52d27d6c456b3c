namespace ProbSeg.ML.Imaging;

/// <summary>The CRC-32 of PNG chunks and zip members (ISO 3309 polynomial, reflected), table driven.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>Continues a running CRC (start with <c>0xFFFFFFFF</c>, finish with <see cref="Finish"/>).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>Final inversion of a running CRC.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    /// <summary>CRC of a chunk's type and data, as stored after the chunk.</summary>
    public static uint OfChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) =>
        Finish(Update(Update(0xFFFFFFFFu, type), data));
}
