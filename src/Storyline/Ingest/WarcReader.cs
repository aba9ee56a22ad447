using System.Globalization;
using System.Text;
using Storyline.Model;

namespace Storyline.Ingest;

/// <summary>
/// Streams the pages of a WARC file (WARC/1.0 and 1.1; plain, gzip per record, or gzip as a whole), one record at a
/// time in a fixed buffer, so a file of any size is read in bounded memory. Response records (and resource
/// records) become pages: the HTTP header is parsed (status, Content-Type with its charset, chunked transfer
/// coding, gzip/deflate/brotli content coding); WARC-Target-URI is the page's URL and WARC-Date its fetch time.
/// Responses that are not HTML or not status 200 are passed over as <see cref="SourceItem.Skipped"/> with their
/// reason; an RSS or Atom feed in a response gives its items. Requests, metadata and other records are not pages
/// and are passed over silently. A broken record (bad header, no Content-Length, cut off) gives one error naming
/// the file and the record's byte offset, and reading goes on at the next record header. Offsets count bytes of
/// the decompressed WARC (what <c>zcat</c> prints), which is the file offset for an uncompressed WARC.
/// Thread-safe (stateless).
/// </summary>
public sealed class WarcReader(IngestOptions? options = null)
{
    /// <summary>A WARC header longer than this is not one; the record is refused.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>True when the file name says WARC (<c>.warc</c>, <c>.warc.gz</c>).</summary>
    public static bool IsWarcName(string file) =>
        file.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a WARC file; gzip is recognised by its magic bytes, not the name. With <paramref name="uriAsOrigin"/>
    /// a page's origin is its URL instead of <c>file#offset</c> (for archives written by a fetch).
    /// </summary>
    public IEnumerable<SourceItem> ReadFile(string file, bool uriAsOrigin = false)
    {
        var stream = InputFile.Open(file, IsGzip(file), out var openError);

        if (stream is null)
        {
            yield return SourceItem.Fail(file, openError ?? "cannot open");
            yield break;
        }

        using (stream)
        {
            foreach (var item in Read(stream, file, uriAsOrigin))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads the records of an uncompressed WARC stream; <paramref name="name"/> names it in origins and errors.</summary>
    public IEnumerable<SourceItem> Read(Stream stream, string name, bool uriAsOrigin = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new RecordParser(new ByteLineReader(stream), name, uriAsOrigin, _options.MaxPageBytes);
        var items = new List<SourceItem>();
        var records = 0;
        while (parser.Next(items))
        {
            records++;
            foreach (var item in items)
            {
                yield return item;
            }

            items.Clear();
        }

        foreach (var item in items)
        {
            yield return item;
        }

        if (records == 0 && items.Count == 0)
        {
            yield return SourceItem.Fail(name, "empty file (no WARC records)");
        }
    }

    private static bool IsGzip(string file)
    {
        using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 16);
        return f.ReadByte() == 0x1F && f.ReadByte() == 0x8B;
    }

    /// <summary>The record-by-record state machine; one instance per stream.</summary>
    private sealed class RecordParser(ByteLineReader reader, string name, bool uriAsOrigin, long maxPageBytes)
    {
        private bool _stopped;

        /// <summary>Offset of a version line the resync already consumed, so the next record starts after it.</summary>
        private long? _pendingRecord;

        /// <summary>Reads the next record into <paramref name="output"/>; false when the stream is done.</summary>
        public bool Next(List<SourceItem> output)
        {
            if (_stopped)
            {
                return false;
            }

            try
            {
                return NextRecord(output);
            }
            catch (InvalidDataException e)
            {
                // A corrupt compressed stream cannot be resynchronised: what came before it stands.
                output.Add(Fail(reader.Position, e.Message + "; records before it were read"));
                _stopped = true;
                return false;
            }
            catch (IOException e)
            {
                output.Add(Fail(reader.Position, "cannot read: " + e.Message));
                _stopped = true;
                return false;
            }
        }

        private bool NextRecord(List<SourceItem> output)
        {
            long offset;
            if (_pendingRecord is { } pending)
            {
                offset = pending;
                _pendingRecord = null;
            }
            else
            {
                // Records end with a blank line pair; tolerate more or fewer between records.
                while (reader.Peek() is '\r' or '\n')
                {
                    reader.ReadLine(4, out _);
                }

                if (reader.AtEnd)
                {
                    return false;
                }

                offset = reader.Position;
                var first = reader.ReadLine(256, out _)!;
                if (!IsVersionLine(first))
                {
                    output.Add(Fail(offset, $"not a WARC record header (found \"{HttpPayload.Printable(Encoding.Latin1.GetString(first))}\"); skipped to the next record"));
                    Resync();
                    return true;
                }
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? last = null;
            var headerBytes = 0;
            while (true)
            {
                var line = reader.ReadLine(MaxHeaderBytes, out _);
                if (line is null)
                {
                    output.Add(Fail(offset, "truncated record: the file ends inside the WARC header"));
                    _stopped = true;
                    return true;
                }

                if (line.Length == 0)
                {
                    break;
                }

                headerBytes += line.Length;
                if (headerBytes > MaxHeaderBytes)
                {
                    output.Add(Fail(offset, $"bad WARC header: over {MaxHeaderBytes / 1024} KB; skipped to the next record"));
                    Resync();
                    return true;
                }

                if (line[0] is (byte)' ' or (byte)'\t' && last is not null)
                {
                    fields[last] += " " + Encoding.UTF8.GetString(line).Trim();
                    continue;
                }

                var colon = Array.IndexOf(line, (byte)':');
                if (colon <= 0)
                {
                    output.Add(Fail(offset, $"bad WARC header line \"{HttpPayload.Printable(Encoding.Latin1.GetString(line))}\"; skipped to the next record"));
                    Resync();
                    return true;
                }

                last = Encoding.ASCII.GetString(line, 0, colon).Trim();
                fields[last] = Encoding.UTF8.GetString(line, colon + 1, line.Length - colon - 1).Trim();
            }

            if (!fields.TryGetValue("Content-Length", out var lengthText))
            {
                output.Add(Fail(offset, "bad WARC header: no Content-Length; skipped to the next record"));
                Resync();
                return true;
            }

            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                output.Add(Fail(offset, $"bad WARC header: Content-Length \"{HttpPayload.Printable(lengthText)}\" is not a number; skipped to the next record"));
                Resync();
                return true;
            }

            var type = fields.GetValueOrDefault("WARC-Type")?.ToLowerInvariant();
            if (type is not ("response" or "resource"))
            {
                return SkipBlock(offset, length, output);
            }

            ReadResponse(offset, length, type == "response", fields, output);
            return true;
        }

        private bool SkipBlock(long offset, long length, List<SourceItem> output)
        {
            var skipped = reader.Skip(length);
            if (skipped < length)
            {
                output.Add(Truncated(offset, skipped, length));
                _stopped = true;
            }

            return true;
        }

        private void ReadResponse(long offset, long length, bool response, Dictionary<string, string> fields, List<SourceItem> output)
        {
            var headLength = (int)Math.Min(length, HttpPayload.MaxHeadBytes);
            var head = new byte[headLength];
            var got = reader.Read(head);
            if (got < headLength)
            {
                output.Add(Truncated(offset, got, length));
                _stopped = true;
                return;
            }

            var uri = fields.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>', ' ');
            var origin = uriAsOrigin && !string.IsNullOrEmpty(uri) ? uri : $"{name}#{offset}";
            var warcType = HttpPayload.ContentType(fields.GetValueOrDefault("Content-Type")).MediaType;
            var isHttp = response && (warcType == "application/http" || head.AsSpan().StartsWith("HTTP/"u8));
            string? contentType;
            Dictionary<string, string> headers;
            var bodyStart = 0;
            if (isHttp)
            {
                if (!HttpPayload.TryParseHead(head, out var status, out headers, out bodyStart, out var error))
                {
                    output.Add(Fail(offset, "bad HTTP header: " + error));
                    SkipRest(offset, length, headLength, output);
                    return;
                }

                if (status != 200)
                {
                    output.Add(SourceItem.Skip(origin, $"HTTP status {status}"));
                    SkipRest(offset, length, headLength, output);
                    return;
                }

                contentType = headers.GetValueOrDefault("Content-Type");
            }
            else if (response)
            {
                output.Add(SourceItem.Skip(origin, $"not an HTTP response ({warcType ?? "no Content-Type"})"));
                SkipRest(offset, length, headLength, output);
                return;
            }
            else
            {
                headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                contentType = fields.GetValueOrDefault("Content-Type");
            }

            var (mediaType, charset) = HttpPayload.ContentType(contentType);
            if (HttpPayload.IsPlainlyOther(mediaType))
            {
                output.Add(SourceItem.Skip(origin, $"not HTML ({mediaType})"));
                SkipRest(offset, length, headLength, output);
                return;
            }

            var bodyLength = length - bodyStart;
            if (bodyLength > maxPageBytes)
            {
                output.Add(Fail(offset, $"page too large: {bodyLength / 1048576.0:F1} MB (limit {maxPageBytes / 1048576.0:F1} MB per page)"));
                SkipRest(offset, length, headLength, output);
                return;
            }

            var body = new byte[bodyLength];
            head.AsSpan(bodyStart).CopyTo(body);
            var rest = (int)(length - headLength);
            got = reader.Read(body.AsSpan(headLength - bodyStart, rest));
            if (got < rest)
            {
                output.Add(Truncated(offset, headLength + got, length));
                _stopped = true;
                return;
            }

            if (headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true
                && HttpPayload.Dechunk(body, maxPageBytes) is { } dechunked)
            {
                body = dechunked;
            }

            var (decoded, decodeError) = HttpPayload.Decode(body, headers.GetValueOrDefault("Content-Encoding"), maxPageBytes);
            if (decoded is null)
            {
                output.Add(Fail(offset, decodeError!));
                return;
            }

            var date = fields.GetValueOrDefault("WARC-Date") is { } d
                && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fetched) ? fetched : (DateTimeOffset?)null;
            switch (HttpPayload.Classify(mediaType, decoded))
            {
                case PayloadKind.Html:
                    output.Add(SourceItem.Of(new RawPage(origin, decoded, PageFormat.Html) { Url = uri, DeclaredCharset = charset, FetchedAt = date }));
                    break;
                case PayloadKind.Feed:
                    using (var feed = new MemoryStream(decoded, writable: false))
                    {
                        output.AddRange(FeedReader.Read(feed, origin, uri, new IngestOptions { MaxPageBytes = maxPageBytes }));
                    }

                    break;
                default:
                    output.Add(SourceItem.Skip(origin, $"not HTML ({mediaType ?? "no Content-Type"})"));
                    break;
            }
        }

        private void SkipRest(long offset, long length, int consumed, List<SourceItem> output)
        {
            var rest = length - consumed;
            var skipped = reader.Skip(rest);
            if (skipped < rest)
            {
                output.Add(Truncated(offset, consumed + skipped, length));
                _stopped = true;
            }
        }

        /// <summary>Moves to the next line that starts a WARC record, which the next call then reads.</summary>
        private void Resync()
        {
            while (true)
            {
                var at = reader.Position;
                var line = reader.ReadLine(16, out _);
                if (line is null)
                {
                    _stopped = true;
                    return;
                }

                if (IsVersionLine(line))
                {
                    _pendingRecord = at;
                    return;
                }
            }
        }

        private static bool IsVersionLine(byte[] line) => line.AsSpan().StartsWith("WARC/1."u8);

        private SourceItem Truncated(long offset, long got, long length) =>
            Fail(offset, $"truncated record: the file ends after {got:N0} of the {length:N0} bytes its header announced");

        private SourceItem Fail(long offset, string reason) => SourceItem.Fail($"{name}#{offset}", reason);
    }
}
