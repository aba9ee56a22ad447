using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Storyline.Ingest;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the trailer (CRC-32 and length) against what came out.
/// .NET's GZipStream returns a truncated file's first part without complaint; this stream throws
/// <see cref="InvalidDataException"/> instead, so a cut-off download is reported, not silently half-read.
/// Concatenated members (WARC-style) are accepted; only their last member's length is known, so their
/// check is weaker.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private readonly string _path;
    private long _total;
    private bool _checked;

    public CheckedGzipStream(string path)
    {
        _path = path;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (_file.Length < 18)
        {
            _file.Dispose();
            throw new InvalidDataException("truncated or corrupt gzip (file too short)");
        }

        _gzip = new GZipStream(_file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException("corrupt gzip: " + e.Message, e);
        }

        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _total += n;
        }
        else if (!_checked && buffer.Length > 0)
        {
            _checked = true;
            CheckTrailer();
        }

        return n;
    }

    private void CheckTrailer()
    {
        Span<byte> trailer = stackalloc byte[8];
        using var tail = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        tail.Seek(-8, SeekOrigin.End);
        tail.ReadExactly(trailer);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        var wholeMatches = crc == _crc.GetCurrentHashAsUInt32() && size == (uint)_total;
        var laterMember = size < _total; // several members: the trailer speaks for the last one only
        if (!wholeMatches && !laterMember)
        {
            throw new InvalidDataException($"truncated or corrupt gzip (got {_total:N0} bytes; the trailer does not match)");
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
