namespace ProbSeg.ML.Data.Readers;

/// <summary>Resolves the image and mask layouts of an npz dataset into one (C, A, H, W).</summary>
internal sealed record NpzShapes(int Channels, int Annotators, int Height, int Width, bool ImageChannelsLast, bool MaskAnnotatorsLast)
{
    public static NpzShapes Resolve(NpyHeader images, NpyHeader masks, ImageLayout imageLayout, MaskLayout maskLayout)
    {
        if (images.Shape.Count is not (3 or 4))
            throw new InvalidDataException($"{images.Source}: shape {images.ShapeText}; images must be (N,H,W), (N,C,H,W) or (N,H,W,C).");
        if (masks.Shape.Count is not (3 or 4))
            throw new InvalidDataException($"{masks.Source}: shape {masks.ShapeText}; masks must be (N,H,W), (N,A,H,W) or (N,H,W,A).");
        if (images.Shape[0] != masks.Shape[0])
            throw new InvalidDataException($"{masks.Source}: {masks.Shape[0]} masks for {images.Shape[0]} images ({images.Source}).");

        var imageOptions = Candidates(images.Shape, imageLayout == ImageLayout.ChannelsLast, imageLayout == ImageLayout.Auto);
        var maskOptions = Candidates(masks.Shape, maskLayout == MaskLayout.AnnotatorsLast, maskLayout == MaskLayout.Auto);
        var fits = (from img in imageOptions
                    from mask in maskOptions
                    where img.H == mask.H && img.W == mask.W
                    select new NpzShapes(img.Count, mask.Count, img.H, img.W, img.Last, mask.Last)).ToList();
        if (fits.Count > 1)
            throw new InvalidDataException(
                $"{masks.Source}: images {images.ShapeText} and masks {masks.ShapeText} fit together in more than one layout; set ImageLayout and MaskLayout.");
        if (fits.Count == 1) return fits[0];
        throw new InvalidDataException(
            $"{masks.Source}: mask size differs from the images: masks {masks.ShapeText} ({maskLayout}) cannot match images {images.ShapeText} ({imageLayout}) in height and width.");
    }

    /// <summary>(count, H, W, last) readings of a 3- or 4-D shape allowed by the layout option.</summary>
    private static List<(int Count, int H, int W, bool Last)> Candidates(IReadOnlyList<long> s, bool last, bool auto)
    {
        if (s.Count == 3) return [(1, (int)s[1], (int)s[2], false)];
        var result = new List<(int, int, int, bool)>();
        if (auto || !last) result.Add(((int)s[1], (int)s[2], (int)s[3], false));
        if (auto || last) result.Add(((int)s[3], (int)s[1], (int)s[2], true));
        return result;
    }

    /// <summary>Copies one row into planar <c>[C, H, W]</c> order.</summary>
    public static void ToPlanar(float[] row, float[] planar, int channels, int plane, bool channelsLast)
    {
        if (!channelsLast || channels == 1) { row.CopyTo(planar, 0); return; }
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < channels; c++)
                planar[c * plane + p] = row[p * channels + c];
    }
}
