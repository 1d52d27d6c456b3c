using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Tests.Imaging;

[TestClass]
public sealed class PngCodecRoundTripTests
{
    private static PngImage RandomImage(int channels, int bitDepth, int seed)
    {
        var rng = new Random(seed);
        const int width = 9, height = 6;
        var samples = new ushort[width * height * channels];
        for (int i = 0; i < samples.Length; i++) samples[i] = (ushort)rng.Next(0, 1 << bitDepth);
        return new PngImage(width, height, channels, bitDepth, samples);
    }

    [TestMethod]
    [DataRow(1, 8)]
    [DataRow(2, 8)]
    [DataRow(3, 8)]
    [DataRow(4, 8)]
    [DataRow(1, 16)]
    [DataRow(2, 16)]
    [DataRow(3, 16)]
    [DataRow(4, 16)]
    public void EveryFilterRoundTrips(int channels, int bitDepth)
    {
        var original = RandomImage(channels, bitDepth, seed: channels * 100 + bitDepth);
        foreach (var filter in new[] { PngFilter.None, PngFilter.Sub, PngFilter.Up, PngFilter.Average, PngFilter.Paeth, PngFilter.Adaptive })
        {
            var decoded = PngDecoder.Decode(PngEncoder.Encode(original, filter), $"round trip {filter}");
            Assert.AreEqual(original.Width, decoded.Width);
            Assert.AreEqual(original.Height, decoded.Height);
            Assert.AreEqual(channels, decoded.Channels);
            Assert.AreEqual(bitDepth, decoded.BitDepth);
            CollectionAssert.AreEqual(original.Samples, decoded.Samples, $"filter {filter}");
        }
    }

    [TestMethod]
    public void AdaptiveFilteringShrinksSmoothImages()
    {
        // A horizontal ramp: Sub turns every row into a run of equal bytes, so Adaptive must beat no filtering.
        var pixels = new byte[64 * 64];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i % 64 * 3 + i / 64);
        var image = PngImage.FromGrey8(64, 64, pixels);
        int none = PngEncoder.Encode(image, PngFilter.None).Length;
        int adaptive = PngEncoder.Encode(image, PngFilter.Adaptive).Length;
        Assert.IsTrue(adaptive < none, $"adaptive {adaptive} bytes vs none {none}");
    }

    [TestMethod]
    public void SavedFileLoadsBack()
    {
        var rgb = new byte[4 * 3 * 3];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 7);
        string path = Path.Combine(Path.GetTempPath(), $"probseg-png-{Guid.NewGuid():N}.png");
        try
        {
            PngEncoder.Save(PngImage.FromRgb8(4, 3, rgb), path);
            var loaded = PngDecoder.Load(path);
            Assert.AreEqual(3, loaded.Channels);
            CollectionAssert.AreEqual(rgb.Select(b => (ushort)b).ToArray(), loaded.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void PlanarCopyDropsAlphaAndScales()
    {
        var rgba = new byte[] { 255, 0, 51, 7, 0, 255, 102, 9 }; // two pixels
        var planar = PngImage.FromRgba8(2, 1, rgba).ToPlanar(channelCount: 3, divisor: 255f);
        float[] expected = [1f, 0f, 0f, 1f, 0.2f, 0.4f];
        Assert.AreEqual(expected.Length, planar.Length);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], planar[i], 1e-6f); // float32 rounding of v/255
    }

    [TestMethod]
    public void EncoderRejectsSamplesAboveTheBitDepth()
    {
        var image = new PngImage(2, 1, 1, 8, [10, 300]);
        var e = Assert.ThrowsExactly<ArgumentException>(() => PngEncoder.Encode(image));
        StringAssert.Contains(e.Message, "300");
    }
}
