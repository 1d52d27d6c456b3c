using System.IO.Compression;
using ProbSeg.ML.Imaging;

namespace ProbSeg.ML.Data.Readers;

/// <summary>
/// A numpy <c>.npz</c> file: a zip of <c>.npy</c> members, stored or deflated (<c>numpy.savez</c> /
/// <c>numpy.savez_compressed</c>). Arrays are named without the <c>.npy</c> suffix.
/// </summary>
/// <remarks>Corrupt or truncated archives and members raise <see cref="InvalidDataException"/> naming the file and
/// the member. A member read to its end is checked against the CRC-32 stored in the zip.</remarks>
public sealed class NpzArchive : IDisposable
{
    private readonly ZipArchive _zip;

    private NpzArchive(string path, ZipArchive zip)
    {
        Path = path;
        _zip = zip;
        ArrayNames = zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal))
            .Select(e => e.FullName[..^4]).ToArray();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The arrays in the archive, without the <c>.npy</c> suffix.</summary>
    public IReadOnlyList<string> ArrayNames { get; }

    /// <summary>Opens the archive at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable zip (e.g. truncated).</exception>
    public static NpzArchive Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = File.OpenRead(path);
        try
        {
            return new NpzArchive(path, new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false));
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw new InvalidDataException($"{path}: not a readable .npz (zip) archive, truncated or corrupt ({e.Message}).", e);
        }
    }

    /// <summary>Whether the archive holds an array named <paramref name="name"/>.</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>Reads the header of array <paramref name="name"/>.</summary>
    public NpyHeader ReadHeader(string name)
    {
        using var rows = OpenRows(name);
        return rows.Header;
    }

    /// <summary>Reads the whole array <paramref name="name"/>.</summary>
    public NpyArray Read(string name)
    {
        using var rows = OpenRows(name);
        return new NpyArray(rows.Header, rows.ReadRemaining());
    }

    /// <summary>Opens array <paramref name="name"/> for row-by-row reading (several may be open at once).</summary>
    /// <exception cref="ArgumentException">No such array; the message lists the ones present.</exception>
    public NpyRowStream OpenRows(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = Find(name) ?? throw new ArgumentException(
            $"{Path}: no array '{name}'; the archive holds {string.Join(", ", ArrayNames.Select(n => $"'{n}'"))}.", nameof(name));
        string source = $"{Path} [member {entry.FullName}]";
        Stream raw;
        try
        {
            raw = entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: unreadable member ({e.Message}).", e);
        }
        var checkedStream = new CrcCheckingStream(raw, entry.Crc32, entry.Length, source);
        try
        {
            var header = NpyHeader.Read(checkedStream, source);
            if (entry.Length - header.HeaderBytes < header.DataBytes)
                throw NpyHeader.Fail(source, $"truncated: shape {header.ShapeText} of '{header.Descr}' needs {header.DataBytes} data bytes, the member holds {entry.Length - header.HeaderBytes}");
            return new NpyRowStream(checkedStream, header, ownsStream: true, onEnd: checkedStream.VerifyAtEnd);
        }
        catch
        {
            checkedStream.Dispose();
            throw;
        }
    }

    private ZipArchiveEntry? Find(string name) =>
        _zip.GetEntry(name.EndsWith(".npy", StringComparison.Ordinal) ? name : name + ".npy") ?? _zip.GetEntry(name);

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    /// <summary>Tracks the CRC-32 of what is read so a fully read member can be checked against the zip directory.</summary>
    private sealed class CrcCheckingStream(Stream inner, uint expectedCrc, long length, string source) : Stream
    {
        private uint _crc = 0xFFFFFFFFu;
        private long _position;

        public void VerifyAtEnd()
        {
            if (_position == length && Crc32.Finish(_crc) != expectedCrc)
                throw new InvalidDataException($"{source}: CRC-32 mismatch, the member is corrupt.");
        }

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            _crc = Crc32.Update(_crc, buffer[..n]);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
