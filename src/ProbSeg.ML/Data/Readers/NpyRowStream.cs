namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// Reads a <c>.npy</c> array row by row (along its first dimension) from a stream, so that a few rows of a large
/// array (or a zip member) can be read without decoding all of it. Rows before the wanted ones are read and dropped.
/// </summary>
public sealed class NpyRowStream : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Action? _onEnd;

    internal NpyRowStream(Stream stream, NpyHeader header, bool ownsStream, Action? onEnd = null)
    {
        _stream = stream;
        Header = header;
        _ownsStream = ownsStream;
        _onEnd = onEnd;
    }

    /// <summary>The array's header.</summary>
    public NpyHeader Header { get; }

    /// <summary>Rows consumed so far (read or skipped).</summary>
    public long Position { get; private set; }

    /// <summary>Opens the <c>.npy</c> file at <paramref name="path"/> for row reading.</summary>
    public static NpyRowStream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = File.OpenRead(path);
        try
        {
            var header = NpyHeader.Read(file, path);
            long available = file.Length - header.HeaderBytes;
            if (available < header.DataBytes)
                throw NpyHeader.Fail(path, $"truncated: shape {header.ShapeText} of '{header.Descr}' needs {header.DataBytes} data bytes, the file holds {available}");
            return new NpyRowStream(file, header, ownsStream: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="rows"/> rows and drops them.</summary>
    public void Skip(long rows)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Cannot skip backwards.");
        var buffer = new byte[(int)Math.Min(1 << 20, Math.Max(1, rows * Header.RowBytes))];
        long remaining = checked(rows * Header.RowBytes);
        CheckRange(rows);
        while (remaining > 0)
        {
            int n = (int)Math.Min(buffer.Length, remaining);
            Fill(buffer.AsSpan(0, n));
            remaining -= n;
        }
        Position += rows;
    }

    /// <summary>Reads whole rows into <paramref name="destination"/> (its length a multiple of <see cref="NpyHeader.RowBytes"/>)
    /// as raw little-endian elements.</summary>
    public void ReadRows(Span<byte> destination)
    {
        long rowBytes = Header.RowBytes;
        if (rowBytes == 0 ? destination.Length != 0 : destination.Length % rowBytes != 0)
            throw new ArgumentException($"{destination.Length} bytes is not a whole number of {rowBytes}-byte rows.", nameof(destination));
        long rows = rowBytes == 0 ? 0 : destination.Length / rowBytes;
        CheckRange(rows);
        Fill(destination);
        Position += rows;
        if (Position == Header.RowCount) _onEnd?.Invoke();
    }

    /// <summary>Reads all remaining rows into a new array.</summary>
    public byte[] ReadRemaining()
    {
        long bytes = (Header.RowCount - Position) * Header.RowBytes;
        if (bytes > Array.MaxLength)
            throw NpyHeader.Fail(Header.Source, $"{bytes} bytes is too large for one array; read it in row ranges");
        var data = new byte[bytes];
        ReadRows(data);
        return data;
    }

    private void CheckRange(long rows)
    {
        if (Position + rows > Header.RowCount)
            throw new ArgumentOutOfRangeException(nameof(rows), $"{Header.Source}: rows {Position}..{Position + rows} requested, the array has {Header.RowCount}.");
    }

    private void Fill(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{Header.Source}: corrupt data near row {Position} ({e.Message}).", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{Header.Source}: unreadable data near row {Position} ({e.Message}).", e);
        }
        if (read < buffer.Length)
            throw NpyHeader.Fail(Header.Source, $"truncated: data ends near row {Position} of {Header.RowCount} (shape {Header.ShapeText})");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
    }
}
