namespace Storyline.Ingest;

/// <summary>
/// A forward-only buffered reader of bytes that knows its position: header lines, fixed-size blocks and skips
/// over a stream that may be decompressing, so an archive is read a record at a time in a fixed buffer.
/// Not thread-safe.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int bufferSize = 1 << 16)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Bytes consumed so far (in the decompressed stream).</summary>
    public long Position { get; private set; }

    /// <summary>True when nothing is left to read.</summary>
    public bool AtEnd => !Fill();

    /// <summary>
    /// Reads one line without its line break (CRLF or LF). A line longer than <paramref name="maxLength"/> is
    /// consumed whole but returned cut, with <paramref name="tooLong"/> set. Null at the end of the stream.
    /// </summary>
    public byte[]? ReadLine(int maxLength, out bool tooLong)
    {
        tooLong = false;
        if (!Fill())
        {
            return null;
        }

        using var line = new MemoryStream();
        while (Fill())
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span.Length : nl;
            var room = (int)Math.Min(take, Math.Max(0, maxLength - line.Length));
            line.Write(span[..room]);
            tooLong |= room < take;
            Advance(nl < 0 ? span.Length : nl + 1);
            if (nl >= 0)
            {
                break;
            }
        }

        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
    }

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => Fill() ? _buffer[_start] : -1;

    /// <summary>Reads up to <paramref name="destination"/>'s length; fewer only at the end of the stream.</summary>
    public int Read(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length && Fill())
        {
            var n = Math.Min(destination.Length - total, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(destination[total..]);
            Advance(n);
            total += n;
        }

        return total;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes without keeping them; returns how many were skipped.</summary>
    public long Skip(long count)
    {
        var skipped = 0L;
        while (skipped < count && Fill())
        {
            var n = (int)Math.Min(count - skipped, _end - _start);
            Advance(n);
            skipped += n;
        }

        return skipped;
    }

    private void Advance(int n)
    {
        _start += n;
        Position += n;
    }

    private bool Fill()
    {
        if (_start < _end)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }
}
