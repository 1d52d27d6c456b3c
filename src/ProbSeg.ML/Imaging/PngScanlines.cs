namespace ProbSeg.ML.Imaging;

/// <summary>PNG row filters (PNG specification §9.2): undo on decode, apply on encode.</summary>
internal static class PngScanlines
{
    /// <summary>The Paeth predictor: whichever of left, above, upper-left is closest to left + above − upper-left.</summary>
    public static byte Paeth(byte left, byte above, byte upperLeft)
    {
        int p = left + above - upperLeft;
        int pa = Math.Abs(p - left), pb = Math.Abs(p - above), pc = Math.Abs(p - upperLeft);
        if (pa <= pb && pa <= pc) return left;
        return pb <= pc ? above : upperLeft;
    }

    /// <summary>Reverses <paramref name="filter"/> on <paramref name="row"/> in place; <paramref name="prior"/> is the
    /// previous reconstructed row (all zeros for the first row); <paramref name="bpp"/> bytes per complete pixel (≥ 1).</summary>
    /// <returns>False for an unknown filter type.</returns>
    public static bool Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        switch (filter)
        {
            case 0:
                return true;
            case 1:
                for (int i = bpp; i < row.Length; i++) row[i] += row[i - bpp];
                return true;
            case 2:
                for (int i = 0; i < row.Length; i++) row[i] += prior[i];
                return true;
            case 3:
                for (int i = 0; i < bpp; i++) row[i] += (byte)(prior[i] >> 1);
                for (int i = bpp; i < row.Length; i++) row[i] += (byte)((row[i - bpp] + prior[i]) >> 1);
                return true;
            case 4:
                for (int i = 0; i < bpp; i++) row[i] += prior[i]; // left and upper-left are 0, so Paeth picks above
                for (int i = bpp; i < row.Length; i++) row[i] += Paeth(row[i - bpp], prior[i], prior[i - bpp]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="row"/> filtered with <paramref name="filter"/> (0..4) into <paramref name="output"/>.</summary>
    public static void Filter(byte filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> output)
    {
        for (int i = 0; i < row.Length; i++)
        {
            byte left = i >= bpp ? row[i - bpp] : (byte)0;
            byte upperLeft = i >= bpp ? prior[i - bpp] : (byte)0;
            output[i] = filter switch
            {
                0 => row[i],
                1 => (byte)(row[i] - left),
                2 => (byte)(row[i] - prior[i]),
                3 => (byte)(row[i] - ((left + prior[i]) >> 1)),
                4 => (byte)(row[i] - Paeth(left, prior[i], upperLeft)),
                _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "PNG filter types are 0 to 4."),
            };
        }
    }

    /// <summary>libpng's filter heuristic: the sum of the filtered bytes read as signed values, in absolute value.</summary>
    public static long Cost(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (byte b in filtered) sum += Math.Abs((int)(sbyte)b);
        return sum;
    }
}
