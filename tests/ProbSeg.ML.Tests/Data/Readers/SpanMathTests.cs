using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Data.Readers;

/// <summary>The vectorised helpers against plain loops, at lengths that leave a scalar tail.</summary>
[TestClass]
public sealed class SpanMathTests
{
    [TestMethod]
    [DataRow(0)]
    [DataRow(5)]
    [DataRow(77)]
    [DataRow(1031)]
    public void VectorLoopsMatchScalarLoops(int length)
    {
        var rng = new Random(length);
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        Assert.AreEqual(length == 0 ? 0 : bytes.Max(), SpanMath.Max(bytes));
        if (length > 3) { bytes[^1] = 255; Assert.AreEqual(255, SpanMath.Max(bytes), "a maximum in the tail"); }

        var floats = new float[length];
        SpanMath.Widen(bytes, floats);
        CollectionAssert.AreEqual(bytes.Select(b => (float)b).ToArray(), floats);

        SpanMath.MultiplyAdd(floats, 0.5f, -1f);
        CollectionAssert.AreEqual(bytes.Select(b => b * 0.5f - 1f).ToArray(), floats);
    }

    [TestMethod]
    public void Crc32MatchesTheStandardCheckValue()
    {
        // The CRC-32/ISO-HDLC check value of "123456789" (also zlib.crc32 in Python).
        Assert.AreEqual(0xCBF43926u, Crc32.Finish(Crc32.Update(0xFFFFFFFFu, "123456789"u8)));
        var data = new byte[1000];
        new Random(5).NextBytes(data);
        uint whole = Crc32.Update(0xFFFFFFFFu, data);
        uint pieces = Crc32.Update(Crc32.Update(0xFFFFFFFFu, data.AsSpan(0, 13)), data.AsSpan(13));
        Assert.AreEqual(whole, pieces, "running CRCs compose across uneven chunks");
    }
}
