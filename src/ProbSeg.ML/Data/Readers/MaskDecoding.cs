namespace ProbSeg.ML.Data.Readers;

/// <summary>Turns one stored mask (any integer values) into class ids, validated, with errors naming the source.</summary>
internal static class MaskDecoding
{
    /// <summary>The largest class id a label may hold; 255 marks a missing annotator.</summary>
    public const int MaxClassId = AmbiguousDataset.MissingAnnotation - 1;

    /// <param name="values">The mask, row-major <c>[H, W]</c>.</param>
    /// <param name="width">Row length, for pixel positions in messages.</param>
    /// <param name="mode">How values map to ids.</param>
    /// <param name="classes">K when known: ids ≥ K are errors.</param>
    /// <param name="destination">Class ids, same length.</param>
    /// <param name="source">The file (and slot) named in errors.</param>
    public static void ToClassIds(ReadOnlySpan<long> values, int width, MaskValues mode, int? classes, Span<byte> destination, string source)
    {
        if (mode == MaskValues.Auto) mode = IsZeroAndFullScale(values) ? MaskValues.Binary : MaskValues.ClassIds;
        if (mode == MaskValues.Binary)
        {
            for (int i = 0; i < values.Length; i++) destination[i] = values[i] != 0 ? (byte)1 : (byte)0;
            return;
        }
        long limit = Math.Min(MaxClassId, (classes ?? int.MaxValue) - 1L);
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < 0 || v > limit)
            {
                string why = v is >= 0 and <= MaxClassId
                    ? $"but Classes = {classes}"
                    : $"which is not a class id 0..{MaxClassId} (255 marks a missing annotator; use MaskValues.Binary if any non-zero value means foreground)";
                throw new InvalidDataException($"{source}: mask value {v} at row {i / width}, column {i % width}, {why}.");
            }
            destination[i] = (byte)v;
        }
    }

    /// <summary>PNG samples as longs, for <see cref="ToClassIds"/>.</summary>
    public static long[] Widen(ReadOnlySpan<ushort> samples)
    {
        var result = new long[samples.Length];
        for (int i = 0; i < samples.Length; i++) result[i] = samples[i];
        return result;
    }

    /// <summary>True when the mask holds only 0 and one full-scale value (255 or 65535), at least once.</summary>
    private static bool IsZeroAndFullScale(ReadOnlySpan<long> values)
    {
        long full = 0;
        foreach (long v in values)
        {
            if (v == 0) continue;
            if (v is not (255 or 65535) || (full != 0 && v != full)) return false;
            full = v;
        }
        return full != 0;
    }
}
