using System.IO.Compression;
using System.Text;

namespace Storyline.Tests.Ingest;

/// <summary>Builds small WARC files in code for the tests: invented pages, no third-party text.</summary>
internal static class WarcWriter
{
    public const string Para1 = "The harbour board of Lowmere voted on Monday to dredge the western channel before the autumn storms, after two cargo ships ran aground there in a single week.";
    public const string Para2 = "The work will close the channel to pleasure boats for six weeks, and the board said fishing crews would be given priority berths in the eastern basin meanwhile.";

    public static string Html(string title, string extra = "") =>
        $"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{Para1}</p><p>{Para2} {extra}</p></article></body></html>";

    public static byte[] Http(int status, string contentType, byte[] body, params string[] extraHeaders)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\nContent-Type: {contentType}\r\n");
        foreach (var h in extraHeaders)
        {
            head.Append(h).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    public static byte[] Http(int status, string contentType, string body, params string[] extraHeaders) =>
        Http(status, contentType, Encoding.UTF8.GetBytes(body), extraHeaders);

    /// <summary>One record: header, block, and the two CRLFs that end it.</summary>
    public static byte[] Record(string type, string? uri, byte[] block, string version = "WARC/1.0", string? contentType = null, bool withLength = true, string date = "2026-03-04T05:06:07Z")
    {
        var head = new StringBuilder($"{version}\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nWARC-Date: {date}\r\n");
        if (uri is not null)
        {
            head.Append($"WARC-Target-URI: {uri}\r\n");
        }

        head.Append($"Content-Type: {contentType ?? (type is "response" or "request" ? "application/http; msgtype=" + type : "application/warc-fields")}\r\n");
        if (withLength)
        {
            head.Append($"Content-Length: {block.Length}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    public static byte[] Response(string uri, byte[] http, string version = "WARC/1.0") => Record("response", uri, http, version);

    public static byte[] Warcinfo() => Record("warcinfo", null, Encoding.ASCII.GetBytes("software: storyline-tests\r\nformat: WARC File Format 1.0\r\n"));

    public static byte[] Request(string uri) => Record("request", uri, Encoding.ASCII.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    public static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return ms.ToArray();
    }

    /// <summary>Each record its own gzip member, as crawlers write them.</summary>
    public static byte[] GzipPerRecord(params byte[][] records) => [.. records.SelectMany(Gzip)];

    public static byte[] Concat(params byte[][] records) => [.. records.SelectMany(r => r)];

    /// <summary>
    /// A WARC of <paramref name="count"/> request+response pairs produced as it is read, never held whole; it counts
    /// the bytes handed out so a test can see how far a reader had to go.
    /// </summary>
    public sealed class Generated(int count) : Stream
    {
        private byte[] _current = [];
        private int _pos;
        private int _next;

        public long Served { get; private set; }

        public static string PageTitle(int i) => $"Tide report number {i}";

        public override int Read(byte[] buffer, int offset, int count1)
        {
            if (_pos == _current.Length)
            {
                if (_next >= count)
                {
                    return 0;
                }

                var i = _next++;
                var uri = $"https://tides.example.org/report/{i}";
                _current = Concat(Request(uri), Response(uri, Http(i % 10 == 9 ? 404 : 200, "text/html; charset=utf-8", Html(PageTitle(i), $"Report {i}."))));
                _pos = 0;
            }

            var n = Math.Min(count1, _current.Length - _pos);
            Array.Copy(_current, _pos, buffer, offset, n);
            _pos += n;
            Served += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();
    }
}
