using System.IO.Compression;
using System.Text;

namespace Storyline.Ingest;

/// <summary>What a response body holds, as far as ingest cares.</summary>
internal enum PayloadKind
{
    /// <summary>Anything that is not a page or a feed (images, scripts, JSON, PDFs ...): passed over and counted.</summary>
    Other,

    Html,

    /// <summary>An RSS or Atom document: each item becomes a page.</summary>
    Feed,
}

/// <summary>
/// The parts of HTTP that archived and fetched responses need: the status line and headers, the media type and
/// charset of Content-Type, chunked transfer coding and gzip/deflate/brotli content coding, and a sniff of what
/// the body is. Thread-safe (stateless).
/// </summary>
internal static class HttpPayload
{
    /// <summary>An HTTP header longer than this is not a header a server sends; the record is refused.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    /// <summary>
    /// Parses <c>HTTP/1.1 200 OK</c> and the header lines up to the blank line. <paramref name="headLength"/> is
    /// where the body starts. Header names are case-insensitive; a repeated header keeps its last value.
    /// </summary>
    public static bool TryParseHead(ReadOnlySpan<byte> bytes, out int status, out Dictionary<string, string> headers, out int headLength, out string? error)
    {
        status = 0;
        headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        headLength = 0;
        error = null;
        var pos = 0;
        var first = true;
        string? last = null;
        while (true)
        {
            var rest = bytes[pos..];
            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0)
            {
                error = first ? "no HTTP status line" : $"HTTP header not ended by a blank line within {bytes.Length:N0} bytes";
                return false;
            }

            var line = rest[..nl];
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            pos += nl + 1;
            if (first)
            {
                first = false;
                var text = Encoding.Latin1.GetString(line);
                var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], out status) || status is < 100 or > 999)
                {
                    error = $"bad HTTP status line \"{Printable(text)}\"";
                    return false;
                }

                continue;
            }

            if (line.IsEmpty)
            {
                headLength = pos;
                return true;
            }

            if ((line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + Encoding.Latin1.GetString(line).Trim();
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                // Servers send odd lines; one is not worth refusing the page for.
                continue;
            }

            last = Encoding.Latin1.GetString(line[..colon]).Trim();
            headers[last] = Encoding.Latin1.GetString(line[(colon + 1)..]).Trim();
        }
    }

    /// <summary>The media type (lower case) and charset of a Content-Type value.</summary>
    public static (string? MediaType, string? Charset) ContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var parts = value.Split(';');
        var media = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && p[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = p[(eq + 1)..].Trim().Trim('"', '\'');
                charset = charset.Length == 0 ? null : charset;
            }
        }

        return (media.Length == 0 ? null : media, charset);
    }

    /// <summary>True when the media type rules the body out without looking at it (images, scripts, PDFs ...).</summary>
    public static bool IsPlainlyOther(string? mediaType) =>
        mediaType is not null && !IsHtmlType(mediaType) && !IsXmlType(mediaType)
        && mediaType is not ("application/octet-stream" or "text/plain" or "unknown/unknown" or "application/unknown");

    /// <summary>What the body is: the media type decides, and the bytes when it is missing, generic or XML.</summary>
    public static PayloadKind Classify(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (FeedReader.LooksLikeFeed(body))
        {
            // Feeds are often served as text/html or text/plain; the content tells.
            return IsPlainlyOther(mediaType) ? PayloadKind.Other : PayloadKind.Feed;
        }

        if (mediaType is not null && IsHtmlType(mediaType))
        {
            return PayloadKind.Html;
        }

        return mediaType is null or "application/octet-stream" or "unknown/unknown" or "application/unknown" && LooksLikeHtml(body)
            ? PayloadKind.Html
            : PayloadKind.Other;
    }

    private static bool IsHtmlType(string mediaType) => mediaType is "text/html" or "application/xhtml+xml" or "application/vnd.wap.xhtml+xml";

    private static bool IsXmlType(string mediaType) =>
        mediaType is "text/xml" or "application/xml" or "application/rdf+xml" || mediaType.EndsWith("+xml", StringComparison.Ordinal);

    /// <summary>True when the start of the body is an HTML document (a doctype or an html/head/body tag).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 2048)]).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The body of a chunked message, or null when the bytes are not well-formed chunks. Archives such as Common
    /// Crawl keep the header but store the body already de-chunked, so null means "use the bytes as they are".
    /// </summary>
    public static byte[]? Dechunk(ReadOnlySpan<byte> body, long maxBytes)
    {
        using var output = new MemoryStream();
        var pos = 0;
        while (true)
        {
            var nl = body[pos..].IndexOf((byte)'\n');
            if (nl < 0 || nl > 256)
            {
                return null;
            }

            var sizeText = Encoding.Latin1.GetString(body.Slice(pos, nl)).Trim();
            var semi = sizeText.IndexOf(';', StringComparison.Ordinal);
            if (semi >= 0)
            {
                sizeText = sizeText[..semi].Trim();
            }

            if (!long.TryParse(sizeText, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var size) || sizeText.Length == 0 || size < 0)
            {
                return null;
            }

            pos += nl + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            // A cut-off last chunk is kept: the page up to the cut is still worth reading.
            var take = (int)Math.Min(size, body.Length - pos);
            if (output.Length + take > maxBytes)
            {
                return null;
            }

            output.Write(body.Slice(pos, take));
            pos += take;
            if (take < size)
            {
                return output.ToArray();
            }

            // The CRLF after the chunk's data.
            if (pos < body.Length && body[pos] == '\r')
            {
                pos++;
            }

            if (pos < body.Length && body[pos] == '\n')
            {
                pos++;
            }

            if (pos >= body.Length)
            {
                return output.ToArray();
            }
        }
    }

    /// <summary>
    /// Undoes gzip, deflate or brotli content coding, keeping at most <paramref name="maxBytes"/>. A body that
    /// does not decode but is already readable markup is kept as it is (archives often store it decoded).
    /// </summary>
    public static (byte[]? Bytes, string? Error) Decode(byte[] body, string? contentEncoding, long maxBytes)
    {
        var coding = contentEncoding?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(coding) || coding is "identity" or "none" || body.Length == 0)
        {
            return (body, null);
        }

        try
        {
            using var input = new MemoryStream(body, writable: false);
            using Stream decoder = coding switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => LooksLikeZlib(body) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => throw new NotSupportedException(),
            };
            using var output = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = decoder.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, n);
                if (output.Length > maxBytes)
                {
                    return (null, $"page over {maxBytes / 1048576.0:F1} MB after Content-Encoding {coding}");
                }
            }

            return (output.ToArray(), null);
        }
        // Brotli reports bad data as InvalidOperationException, gzip and deflate as InvalidDataException.
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or InvalidOperationException)
        {
            if (LooksLikeHtml(body) || FeedReader.LooksLikeFeed(body))
            {
                return (body, null);
            }

            return (null, e is NotSupportedException ? $"unsupported Content-Encoding \"{coding}\"" : $"cannot undo Content-Encoding {coding}: {e.Message}");
        }
    }

    private static bool LooksLikeZlib(byte[] body) => body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;

    /// <summary>A short, printable excerpt of a line for an error message.</summary>
    public static string Printable(string text, int max = 40)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }

            sb.Append(c is < ' ' or > '~' ? '?' : c);
        }

        return sb.ToString();
    }
}
