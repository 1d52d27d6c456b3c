namespace ProbSeg.ML.Data.Readers;

/// <summary>Centre crop then block pooling from a source size to an output size; see <see cref="DatasetReadOptions"/>.</summary>
internal sealed class ImageGeometry
{
    public ImageGeometry(int sourceHeight, int sourceWidth, int? cropSize, int poolFactor, string source)
    {
        if (poolFactor < 1) throw new ArgumentOutOfRangeException(nameof(poolFactor), poolFactor, "PoolFactor must be at least 1.");
        int cropH = cropSize ?? sourceHeight, cropW = cropSize ?? sourceWidth;
        if (cropSize is < 1 || cropH > sourceHeight || cropW > sourceWidth)
            throw new ArgumentOutOfRangeException(nameof(cropSize), cropSize, $"{source}: cannot crop {cropSize}×{cropSize} from {sourceHeight}×{sourceWidth} images.");
        if (cropH % poolFactor != 0 || cropW % poolFactor != 0)
            throw new ArgumentException($"{source}: the {cropH}×{cropW} (cropped) images are not divisible by PoolFactor {poolFactor}; choose a CropSize that is.");
        SourceHeight = sourceHeight;
        SourceWidth = sourceWidth;
        Top = (sourceHeight - cropH) / 2;
        Left = (sourceWidth - cropW) / 2;
        Pool = poolFactor;
        Height = cropH / poolFactor;
        Width = cropW / poolFactor;
    }

    public int SourceHeight { get; }
    public int SourceWidth { get; }
    public int Top { get; }
    public int Left { get; }
    public int Pool { get; }
    public int Height { get; }
    public int Width { get; }
    public bool IsIdentity => Pool == 1 && Height == SourceHeight && Width == SourceWidth;

    /// <summary>One image plane: crop, then average each Pool×Pool block.</summary>
    public void Resample(ReadOnlySpan<float> plane, Span<float> output)
    {
        if (IsIdentity) { plane.CopyTo(output); return; }
        float norm = 1f / (Pool * Pool);
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                float sum = 0;
                for (int dy = 0; dy < Pool; dy++)
                {
                    var row = plane.Slice((Top + y * Pool + dy) * SourceWidth + Left + x * Pool, Pool);
                    foreach (float v in row) sum += v;
                }
                output[y * Width + x] = sum * norm;
            }
    }

    /// <summary>One label plane: crop, then the most frequent id of each block (ties to the higher id).</summary>
    public void Resample(ReadOnlySpan<byte> plane, Span<byte> output)
    {
        if (IsIdentity) { plane.CopyTo(output); return; }
        Span<byte> block = stackalloc byte[Pool * Pool];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                for (int dy = 0; dy < Pool; dy++)
                    plane.Slice((Top + y * Pool + dy) * SourceWidth + Left + x * Pool, Pool).CopyTo(block[(dy * Pool)..]);
                output[y * Width + x] = Majority(block);
            }
    }

    private static byte Majority(Span<byte> block)
    {
        block.Sort();
        byte best = block[0];
        int bestRun = 0;
        for (int i = 0; i < block.Length;)
        {
            int j = i;
            while (j < block.Length && block[j] == block[i]) j++;
            if (j - i >= bestRun) { bestRun = j - i; best = block[i]; } // >= : later (higher) ids win ties
            i = j;
        }
        return best;
    }
}
