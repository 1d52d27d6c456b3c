using ProbSeg.ML.Data.Readers;
using static ProbSeg.ML.Tests.Data.Readers.ReaderTestFiles;

namespace ProbSeg.ML.Tests.Data.Readers;

/// <summary>Reads .npy/.npz files written by numpy itself (Fixtures/make_fixtures.py).</summary>
[TestClass]
public sealed class NpyReaderTests
{
    private static readonly double[] Base = [-3, -2, -1, 0, 1, 2];

    [TestMethod]
    [DataRow("bool", NpyDType.Bool)]
    [DataRow("int8", NpyDType.Int8)]
    [DataRow("uint8", NpyDType.UInt8)]
    [DataRow("int16", NpyDType.Int16)]
    [DataRow("uint16", NpyDType.UInt16)]
    [DataRow("int32", NpyDType.Int32)]
    [DataRow("uint32", NpyDType.UInt32)]
    [DataRow("int64", NpyDType.Int64)]
    [DataRow("float32", NpyDType.Float32)]
    [DataRow("float64", NpyDType.Float64)]
    [DataRow("float32_v2", NpyDType.Float32)]
    [DataRow("float32_v3", NpyDType.Float32)]
    public void ReadsNumpyArrays(string name, NpyDType dtype)
    {
        var array = NpyReader.Read(Fixture(name + ".npy"));
        Assert.AreEqual(dtype, array.DType);
        CollectionAssert.AreEqual(new long[] { 2, 3 }, array.Shape.ToArray());
        double[] expected = dtype switch
        {
            NpyDType.Bool => Base.Select(v => v > 0 ? 1.0 : 0.0).ToArray(),
            NpyDType.UInt8 or NpyDType.UInt16 or NpyDType.UInt32 => Base.Select(v => v + 3).ToArray(),
            NpyDType.Float32 or NpyDType.Float64 => Base.Select(v => v * 0.25).ToArray(),
            _ => Base,
        };
        CollectionAssert.AreEqual(expected, array.ToDouble());
        CollectionAssert.AreEqual(expected.Select(v => (float)v).ToArray(), array.ToSingle());
    }

    [TestMethod]
    public void ReadsScalarsAndEmptyArrays()
    {
        var scalar = NpyReader.Read(Fixture("scalar.npy"));
        Assert.AreEqual(0, scalar.Shape.Count);
        Assert.AreEqual(2.5, scalar.ToDouble().Single());
        var empty = NpyReader.Read(Fixture("empty_rows.npy"));
        CollectionAssert.AreEqual(new long[] { 0, 4 }, empty.Shape.ToArray());
        Assert.AreEqual(0, empty.Data.Length);
    }

    [TestMethod]
    [DataRow("fortran", "Fortran order")]
    [DataRow("bigendian", "'>i4' is big-endian")]
    [DataRow("object", "'|O'")]
    [DataRow("unicode", "'<U2' is not supported")]
    [DataRow("complex", "'<c8' is not supported")]
    public void RejectsUnsupportedArraysNamingFileAndDtype(string name, string problem)
    {
        string path = Fixture(name + ".npy");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpyReader.Read(path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, problem);
    }

    [TestMethod]
    public void RejectsATruncatedNpy()
    {
        using var files = new ReaderTestFiles();
        var bytes = File.ReadAllBytes(Fixture("int64.npy"));
        string path = files.PathOf("cut.npy");
        File.WriteAllBytes(path, bytes[..^10]);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpyReader.Read(path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "truncated");
    }

    [TestMethod]
    public void RejectsAFileThatIsNotNpy()
    {
        using var files = new ReaderTestFiles();
        string path = files.PathOf("text.npy");
        File.WriteAllText(path, "hello, this is not numpy");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpyReader.Read(path));
        StringAssert.Contains(e.Message, "magic");
    }

    [TestMethod]
    [DataRow("stored.npz")]
    [DataRow("deflated.npz")]
    public void ReadsStoredAndDeflatedNpz(string name)
    {
        using var npz = NpzArchive.Open(Fixture(name));
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, npz.ArrayNames.ToArray());
        CollectionAssert.AreEqual(Base.Select(v => (long)v).ToArray(), npz.Read("a").ToInt64());
        CollectionAssert.AreEqual(Base.Select(v => (float)(v * 0.25)).ToArray(), npz.Read("b.npy").ToSingle());
    }

    [TestMethod]
    public void StreamsARowRangeOutOfADeflatedMember()
    {
        using var npz = NpzArchive.Open(Fixture("deflated.npz"));
        using var rows = npz.OpenRows("a");
        Assert.AreEqual(12, rows.Header.RowBytes);
        rows.Skip(1);
        var row = new byte[12];
        rows.ReadRows(row);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(row).ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => rows.ReadRows(row));
    }

    [TestMethod]
    public void NamesTheArraysPresentWhenOneIsMissing()
    {
        using var npz = NpzArchive.Open(Fixture("stored.npz"));
        var e = Assert.ThrowsExactly<ArgumentException>(() => npz.Read("images"));
        StringAssert.Contains(e.Message, "'images'");
        StringAssert.Contains(e.Message, "'a', 'b'");
    }

    [TestMethod]
    public void RejectsATruncatedNpzNamingTheFile()
    {
        using var files = new ReaderTestFiles();
        var bytes = File.ReadAllBytes(Fixture("deflated.npz"));
        string path = files.PathOf("cut.npz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => NpzArchive.Open(path));
        StringAssert.Contains(e.Message, path);
    }

    [TestMethod]
    public void RejectsAMemberShorterThanItsShapeNamingIt()
    {
        using var files = new ReaderTestFiles();
        var npy = ReaderTestFiles.Npy(new byte[12], "|u1", 3, 4);
        string path = files.Npz("short.npz", System.IO.Compression.CompressionLevel.Fastest, ("images", npy[..^5]));
        using var npz = NpzArchive.Open(path);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => npz.Read("images"));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "images.npy");
        StringAssert.Contains(e.Message, "truncated");
    }

    [TestMethod]
    public void DetectsACorruptStoredMemberByItsCrc()
    {
        using var files = new ReaderTestFiles();
        var bytes = File.ReadAllBytes(Fixture("stored.npz"));
        int data = FindMemberData(bytes, "a.npy");
        bytes[data + 128 + 4] ^= 0x40; // inside a's elements, past its 128-byte header
        string path = files.PathOf("flipped.npz");
        File.WriteAllBytes(path, bytes);
        using var npz = NpzArchive.Open(path);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => npz.Read("a"));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "a.npy");
        StringAssert.Contains(e.Message, "CRC");
    }

    [TestMethod]
    public void RejectsACorruptDeflatedMemberNamingIt()
    {
        using var files = new ReaderTestFiles();
        var bytes = File.ReadAllBytes(Fixture("deflated.npz"));
        int data = FindMemberData(bytes, "b.npy");
        for (int i = 0; i < 16; i++) bytes[data + i] = 0xFF; // not a valid deflate stream
        string path = files.PathOf("garbled.npz");
        File.WriteAllBytes(path, bytes);
        using var npz = NpzArchive.Open(path);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => npz.Read("b"));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "b.npy");
    }

    /// <summary>Offset of a member's data: after its zip local header (30 bytes + name + extra field).</summary>
    private static int FindMemberData(byte[] zip, string member)
    {
        var name = System.Text.Encoding.ASCII.GetBytes(member);
        for (int i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] != 0x50 || zip[i + 1] != 0x4B || zip[i + 2] != 3 || zip[i + 3] != 4) continue;
            int nameLength = BitConverter.ToUInt16(zip, i + 26), extraLength = BitConverter.ToUInt16(zip, i + 28);
            if (zip.AsSpan(i + 30, nameLength).SequenceEqual(name)) return i + 30 + nameLength + extraLength;
        }
        throw new InvalidOperationException($"No local header for {member}.");
    }
}
