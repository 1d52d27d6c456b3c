namespace ProbSeg.ML.Tests.Metrics;

/// <summary>Small inputs shared by the metric tests.</summary>
internal static class MetricTestData
{
    /// <summary>Label maps from strings of digits, one string per map ("0110"); 'x' marks a missing slot (all 255).</summary>
    public static byte[] Maps(params string[] maps)
    {
        var bytes = new List<byte>();
        foreach (var map in maps)
            foreach (char ch in map)
                bytes.Add(map[0] == 'x' ? (byte)255 : (byte)(ch - '0'));
        return bytes.ToArray();
    }

    /// <summary>Random label maps with varied foreground density (some empty, some sparse, some dense).</summary>
    public static byte[] RandomMaps(Random rng, int count, int pixels, int classes)
    {
        var data = new byte[count * pixels];
        for (int m = 0; m < count; m++)
        {
            double density = rng.Next(4) switch { 0 => 0.0, 1 => 0.02, 2 => 0.3, _ => 0.8 };
            // Half the maps keep their foreground in one contiguous run, exercising the word-range shortcut.
            int start = rng.Next(pixels), end = rng.Next(2) == 0 ? pixels : Math.Min(pixels, start + rng.Next(1, 130));
            for (int x = 0; x < pixels; x++)
                if (x >= start && x < end && rng.NextDouble() < density)
                    data[m * pixels + x] = (byte)rng.Next(1, classes);
        }
        return data;
    }

    /// <summary>Binary blob masks: a disc around a shared centre whose radius and offset vary per map (like lesion annotations).</summary>
    public static byte[] Blobs(Random rng, int count, int size)
    {
        var data = new byte[count * size * size];
        for (int m = 0; m < count; m++)
        {
            double cx = size / 2.0 + rng.NextDouble() * 6 - 3, cy = size / 2.0 + rng.NextDouble() * 6 - 3;
            double radius = rng.Next(4) == 0 ? 0 : size / 10.0 + rng.NextDouble() * size / 8.0;
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius) data[m * size * size + y * size + x] = 1;
        }
        return data;
    }

    /// <summary>Per-pixel reference IoU, class average as the options say (the obvious slow implementation).</summary>
    public static double NaiveIoU(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ProbSeg.ML.Metrics.OverlapOptions options)
    {
        var classes = options.Averaging == ProbSeg.ML.Metrics.ClassAveraging.ForegroundUnion
            ? new[] { -1 } : Enumerable.Range(1, options.Classes - 1).ToArray();
        double sum = 0;
        int defined = 0;
        foreach (int c in classes)
        {
            int inter = 0, union = 0;
            for (int x = 0; x < a.Length; x++)
            {
                bool inA = c < 0 ? a[x] != 0 : a[x] == c, inB = c < 0 ? b[x] != 0 : b[x] == c;
                if (inA && inB) inter++;
                if (inA || inB) union++;
            }
            if (union == 0)
            {
                if (options.EmptyPairs == ProbSeg.ML.Metrics.EmptyPairConvention.Exclude) continue;
                sum += 1;
            }
            else sum += (double)inter / union;
            defined++;
        }
        return defined == 0 ? double.NaN : sum / defined;
    }
}
