using ProbSeg.ML.Data;

namespace ProbSeg.ML.Tests.Support;

/// <summary>Tiny hand-made datasets for fast model tests (the synthetic set with known distribution lives in Data/Synthetic).</summary>
internal static class TinyData
{
    /// <summary>
    /// Bright squares on a dark noisy background; every annotator outlines the square exactly, except that annotator
    /// slot 1 draws nothing on odd images (a real "nothing there" vote) to make the labels ambiguous.
    /// </summary>
    public static AmbiguousDataset Squares(int count, int size = 16, int annotators = 2, int seed = 0)
    {
        var random = new Random(seed);
        int px = size * size;
        var images = new float[count * px];
        var labels = new byte[count * annotators * px];
        for (int i = 0; i < count; i++)
        {
            int side = random.Next(size / 4, size / 2);
            int top = random.Next(0, size - side), left = random.Next(0, size - side);
            for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                bool inside = y >= top && y < top + side && x >= left && x < left + side;
                images[i * px + y * size + x] = (inside ? 0.8f : 0.2f) + (float)(random.NextDouble() - 0.5) * 0.1f;
                for (int a = 0; a < annotators; a++)
                    labels[(i * annotators + a) * px + y * size + x] = (byte)(inside && !(a == 1 && i % 2 == 1) ? 1 : 0);
            }
        }
        return new AmbiguousDataset(images, labels, count, 1, size, size, annotators, 2);
    }
}
