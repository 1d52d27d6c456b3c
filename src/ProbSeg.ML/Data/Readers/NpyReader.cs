namespace ProbSeg.ML.Data.Readers;

/// <summary>Reads numpy <c>.npy</c> files (format 1.0, 2.0, 3.0; C order; little-endian numeric dtypes).</summary>
/// <remarks>Use <see cref="NpyRowStream"/> to read a row range of a large array, and <see cref="NpzArchive"/> for
/// <c>.npz</c> files.</remarks>
public static class NpyReader
{
    /// <summary>Reads the whole array at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Not a .npy, truncated, Fortran order, big-endian or an unsupported dtype;
    /// the message names the file.</exception>
    public static NpyArray Read(string path)
    {
        using var rows = NpyRowStream.Open(path);
        return new NpyArray(rows.Header, rows.ReadRemaining());
    }

    /// <summary>Reads only the header of the array at <paramref name="path"/>.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var rows = NpyRowStream.Open(path);
        return rows.Header;
    }

    /// <summary>Reads a whole array from <paramref name="stream"/>; <paramref name="source"/> names it in messages.</summary>
    public static NpyArray Read(Stream stream, string source)
    {
        var header = NpyHeader.Read(stream, source);
        var rows = new NpyRowStream(stream, header, ownsStream: false);
        return new NpyArray(header, rows.ReadRemaining());
    }
}
