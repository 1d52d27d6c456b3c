using System.Buffers.Binary;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Imaging;

[TestClass]
public sealed class PngDecoderErrorTests
{
    private static byte[] SmallPng() => PngEncoder.Encode(PngImage.FromGrey8(5, 4, new byte[20]), PngFilter.None);

    /// <summary>Rewrites the CRC of the chunk starting at <paramref name="offset"/> after a deliberate edit.</summary>
    private static void FixCrc(byte[] png, int offset)
    {
        int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
        uint crc = Crc32.OfChunk(png.AsSpan(offset + 4, 4), png.AsSpan(offset + 8, length));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(offset + 8 + length), crc);
    }

    private const int IhdrOffset = 8;
    private const int IdatOffset = 8 + 25;

    [TestMethod]
    public void RejectsANonPng()
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode("GIF89a..."u8.ToArray(), "pic.gif"));
        StringAssert.Contains(e.Message, "pic.gif");
        StringAssert.Contains(e.Message, "signature");
    }

    [TestMethod]
    public void RejectsATruncatedFile()
    {
        var png = SmallPng();
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png.AsSpan(0, png.Length - 20), "cut.png"));
        StringAssert.Contains(e.Message, "cut.png");
        StringAssert.Contains(e.Message, "truncated");
    }

    [TestMethod]
    public void DetectsACorruptChunkByItsCrc()
    {
        var png = SmallPng();
        png[IdatOffset + 10] ^= 0x55;
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png, "bad.png"));
        StringAssert.Contains(e.Message, "CRC");
        StringAssert.Contains(e.Message, "IDAT");
    }

    [TestMethod]
    public void RefusesAdam7InterlacingByName()
    {
        var png = SmallPng();
        png[IhdrOffset + 8 + 12] = 1;
        FixCrc(png, IhdrOffset);
        var e = Assert.ThrowsExactly<NotSupportedException>(() => PngDecoder.Decode(png, "interlaced.png"));
        StringAssert.Contains(e.Message, "interlaced.png");
        StringAssert.Contains(e.Message, "Adam7");
    }

    [TestMethod]
    public void RejectsAnInvalidBitDepthForTheColourType()
    {
        var png = SmallPng();
        png[IhdrOffset + 8 + 9] = 2; // RGB
        png[IhdrOffset + 8 + 8] = 4; // at 4 bits: not allowed
        FixCrc(png, IhdrOffset);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png, "odd.png"));
        StringAssert.Contains(e.Message, "bit depth 4");
    }

    [TestMethod]
    public void RejectsAnUnknownRowFilter()
    {
        // An uncompressed (stored) zlib stream lets the test place filter byte 9 on row 0.
        var rows = new byte[4 * 6];
        rows[0] = 9;
        var png = BuildGrey8(5, 4, rows);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png, "filter.png"));
        StringAssert.Contains(e.Message, "filter type 9");
    }

    [TestMethod]
    public void RejectsImageDataThatIsTooShort()
    {
        var png = BuildGrey8(5, 4, new byte[6]); // one row of four
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png, "short.png"));
        StringAssert.Contains(e.Message, "short.png");
        StringAssert.Contains(e.Message, "needs 24");
    }

    [TestMethod]
    public void RejectsCorruptCompressedData()
    {
        var png = SmallPng();
        for (int i = 2; i < 8; i++) png[IdatOffset + 8 + i] = 0xFF; // past the zlib header: invalid deflate blocks
        var e = Assert.ThrowsExactly<InvalidDataException>(() => PngDecoder.Decode(png, "garbled.png", verifyCrc: false));
        StringAssert.Contains(e.Message, "garbled.png");
    }

    /// <summary>A grey 8-bit PNG around already-filtered rows, with a stored (uncompressed) zlib stream.</summary>
    private static byte[] BuildGrey8(int width, int height, byte[] filteredRows)
    {
        var header = SmallPng().AsSpan(0, IdatOffset).ToArray(); // signature + IHDR
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(IhdrOffset + 8), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(IhdrOffset + 12), (uint)height);
        FixCrc(header, IhdrOffset);

        var zlib = new List<byte> { 0x78, 0x01, 0x01 };
        zlib.AddRange(BitConverter.GetBytes((ushort)filteredRows.Length));
        zlib.AddRange(BitConverter.GetBytes((ushort)~filteredRows.Length));
        zlib.AddRange(filteredRows);
        uint a = 1, b = 0;
        foreach (byte v in filteredRows) { a = (a + v) % 65521; b = (b + a) % 65521; }
        zlib.AddRange([(byte)(b >> 8), (byte)b, (byte)(a >> 8), (byte)a]); // Adler-32, big-endian
        var output = new List<byte>(header);
        AddChunk(output, "IDAT", zlib.ToArray());
        AddChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void AddChunk(List<byte> output, string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        output.AddRange(chunk);
        FixCrcAt(output, output.Count - chunk.Length);
    }

    private static void FixCrcAt(List<byte> output, int offset)
    {
        var array = output.ToArray();
        FixCrc(array, offset);
        output.Clear();
        output.AddRange(array);
    }
}
