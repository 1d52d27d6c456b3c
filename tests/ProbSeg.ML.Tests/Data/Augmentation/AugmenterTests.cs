using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Augmentation;

namespace ProbSeg.ML.Tests.Data.Augmentation;

[TestClass]
public sealed class AugmenterTests
{
    private const int H = 24, W = 20;

    /// <summary>
    /// Three annotations with asymmetric shapes (an L, an off-centre bar, a corner block of class 3) and an image whose
    /// channel a is annotation a as floats: aligned outputs keep "image pixel exactly 0 or c ⇒ label equals it".
    /// </summary>
    private static (float[] Image, byte[] Labels) Pattern()
    {
        var labels = new byte[3 * H * W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                if ((x >= 4 && x < 8 && y >= 3 && y < 18) || (y >= 14 && y < 18 && x >= 4 && x < 15)) labels[y * W + x] = 1;
                if (x >= 11 && x < 17 && y >= 4 && y < 8) labels[H * W + y * W + x] = 1;
                if (x >= 13 && y >= 17 && y < 22) labels[2 * H * W + y * W + x] = 3;
            }
        return (labels.Select(v => (float)v).ToArray(), labels);
    }

    public static IEnumerable<object[]> Operations =>
    [
        ["rotation", new AugmentationOptions { RotationCropProbability = 1, MinCropFraction = 1, FlipLeftRightProbability = 0, FlipUpDownProbability = 0 }],
        ["crop", new AugmentationOptions { RotationCropProbability = 1, MaxRotationDegrees = 0, FlipLeftRightProbability = 0, FlipUpDownProbability = 0 }],
        ["flips", new AugmentationOptions { RotationCropProbability = 0 }],
        ["all, zero border", new AugmentationOptions { RotationCropProbability = 1 }],
        ["all, replicate border", new AugmentationOptions { RotationCropProbability = 1, Border = AugmentationBorder.Replicate }],
    ];

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public void ImageAndEveryAnnotationStayAligned(string name, AugmentationOptions options)
    {
        var augmenter = new Augmenter(options);
        var random = new Random(1);
        int changed = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            var (image, labels) = Pattern();
            var original = (byte[])labels.Clone();
            augmenter.Apply(image, 3, labels, 3, H, W, random);
            if (!labels.AsSpan().SequenceEqual(original)) changed++;
            int exact = 0;
            for (int i = 0; i < image.Length; i++)
            {
                float v = image[i];
                byte c = (byte)(i / (H * W) == 2 ? 3 : 1);
                // Bilinear gives exactly 0 or c only where all weighted neighbours agree, and the nearest one is among them.
                if (v == 0f || v == c)
                {
                    exact++;
                    Assert.AreEqual((byte)v, labels[i], $"{name}, trial {trial}: pixel {i} image {v} vs label {labels[i]}.");
                }
                else
                {
                    Assert.IsTrue(v > 0 && v < c, $"{name}: interpolated value {v} outside (0, {c}).");
                }
            }
            Assert.IsTrue(exact > image.Length * 0.6, $"{name}: only {exact} of {image.Length} pixels comparable.");
        }
        Assert.IsTrue(changed > 5, $"{name}: the augmentation changed only {changed} of 40 samples.");
    }

    [TestMethod]
    public void FlipsAreExactMirrorsOfImageAndLabels()
    {
        var (image, labels) = Pattern();
        var (original, originalLabels) = Pattern();
        var augmenter = new Augmenter();
        augmenter.Apply(new AugmentationParameters(0, 0, 0, W, H, FlipLeftRight: true, FlipUpDown: true), image, 3, labels, 3, H, W);
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                {
                    int to = c * H * W + y * W + x, from = c * H * W + (H - 1 - y) * W + (W - 1 - x);
                    Assert.AreEqual(original[from], image[to]);
                    Assert.AreEqual(originalLabels[from], labels[to]);
                }
    }

    [TestMethod]
    public void DefaultOptionsFlipAtTheConfiguredRate()
    {
        // PHiSeg's configs misspell the flip keys, so its flips never ran; ours must run at the configured 50 %.
        var defaults = new AugmentationOptions();
        Assert.AreEqual(0.5, defaults.FlipLeftRightProbability);
        Assert.AreEqual(0.5, defaults.FlipUpDownProbability);

        // Without rotation/crop the outcome can be read off the pixels, so this counts flips that really happened.
        var augmenter = new Augmenter(new AugmentationOptions { RotationCropProbability = 0, FlipUpDownProbability = 0.25 });
        var random = new Random(2);
        var (pattern, _) = Pattern();
        var plane = pattern.AsSpan(0, H * W).ToArray();
        int trials = 4000, leftRight = 0, upDown = 0;
        for (int t = 0; t < trials; t++)
        {
            var image = (float[])plane.Clone();
            augmenter.Apply(image, 1, Span<byte>.Empty, 0, H, W, random);
            bool lr = MirrorOf(image, plane, true, false) || MirrorOf(image, plane, true, true);
            bool ud = MirrorOf(image, plane, false, true) || MirrorOf(image, plane, true, true);
            Assert.IsTrue(lr || ud || image.AsSpan().SequenceEqual(plane), "The output is none of the four flips.");
            if (lr) leftRight++;
            if (ud) upDown++;
        }
        // Flip counts are binomial(4000, p): σ ≤ 0.0079, so 4σ ≈ 0.032 on the rate.
        Assert.AreEqual(0.5, leftRight / (double)trials, 4 * Math.Sqrt(0.25 / trials));
        Assert.AreEqual(0.25, upDown / (double)trials, 4 * Math.Sqrt(0.25 * 0.75 / trials));
    }

    [TestMethod]
    public void RotationCropFollowsPHiSegRanges()
    {
        var augmenter = new Augmenter();
        var random = new Random(3);
        int gated = 0, trials = 4000;
        for (int t = 0; t < trials; t++)
        {
            var p = augmenter.Draw(random, 128, 128);
            if (p.IsPermutation(128, 128)) continue;
            gated++;
            Assert.IsTrue(Math.Abs(p.RotationDegrees) <= 10, $"Angle {p.RotationDegrees}.");
            Assert.IsTrue(p.CropWidth == p.CropHeight && p.CropWidth >= 98 && p.CropWidth <= 128, $"Crop side {p.CropWidth}.");
            Assert.IsTrue(p.CropX + p.CropWidth <= 128 && p.CropY + p.CropHeight <= 128);
        }
        // One coin with p = 0.5 gates rotation and crop (binomial, 4σ ≈ 0.032).
        Assert.AreEqual(0.5, gated / (double)trials, 4 * Math.Sqrt(0.25 / trials));
    }

    [TestMethod]
    public void MissingAnnotationSlotsStayIntact()
    {
        var (image, labels) = Pattern();
        labels.AsSpan(H * W, H * W).Fill(AmbiguousDataset.MissingAnnotation);
        var augmenter = new Augmenter(new AugmentationOptions { RotationCropProbability = 1 });
        var random = new Random(4);
        for (int t = 0; t < 20; t++)
        {
            augmenter.Apply(image, 3, labels, 3, H, W, random);
            Assert.IsTrue(labels.AsSpan(H * W, H * W).IndexOfAnyExcept(AmbiguousDataset.MissingAnnotation) < 0);
        }
    }

    [TestMethod]
    public void SameSeedGivesSameAugmentation()
    {
        var augmenter = new Augmenter(new AugmentationOptions { RotationCropProbability = 1 });
        var (a, la) = Pattern();
        var (b, lb) = Pattern();
        augmenter.Apply(a, 3, la, 3, H, W, new Random(5));
        augmenter.Apply(b, 3, lb, 3, H, W, new Random(5));
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreEqual(la, lb);
    }

    [TestMethod]
    public void WrongShapesAndOptionsAreRejected()
    {
        var augmenter = new Augmenter();
        var e = Assert.ThrowsExactly<ArgumentException>(() => augmenter.Apply(new float[10], 1, new byte[H * W], 1, H, W, new Random(1)));
        StringAssert.Contains(e.Message, "image");
        e = Assert.ThrowsExactly<ArgumentException>(() => new Augmenter(new AugmentationOptions { MinCropFraction = 0 }));
        StringAssert.Contains(e.Message, "MinCropFraction");
    }

    private static bool MirrorOf(float[] image, float[] plane, bool leftRight, bool upDown)
    {
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                int sy = upDown ? H - 1 - y : y, sx = leftRight ? W - 1 - x : x;
                if (image[y * W + x] != plane[sy * W + sx]) return false;
            }
        return true;
    }
}
