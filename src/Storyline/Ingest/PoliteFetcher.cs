using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Storyline.Model;

namespace Storyline.Ingest;

/// <summary>How politely pages are fetched.</summary>
public sealed record FetchOptions
{
    /// <summary>Requests in flight to one host at a time.</summary>
    public int PerHost { get; init; } = 2;

    /// <summary>Requests in flight in all (and how many responses are held before they are written).</summary>
    public int Total { get; init; } = 8;

    /// <summary>For the whole exchange, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A body larger than this is not read further; the URL is reported.</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>"Storyline/&lt;version&gt;", so a site owner can see who is asking.</summary>
    public static string DefaultUserAgent { get; } =
        $"Storyline/{typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "0"} (news story engine; fetches listed pages and feeds)";
}

/// <summary>
/// Fetches the pages and feeds a user listed, politely: a few requests per host at a time, a timeout, a size
/// cap, a bounded number of redirects and a User-Agent naming Storyline. Good responses (HTML pages and RSS/Atom
/// feeds with status 200) are written, in the order of the list, to a WARC file that <see cref="WarcReader"/> then
/// reads like any other archive; every other URL gets one error line (status, not HTML, too large, timeout).
/// One instance may be used by one caller at a time; dispose it to release its connections.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public PoliteFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            MaxConnectionsPerServer = Math.Max(1, _options.PerHost),
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
    }

    /// <summary>
    /// The http(s) URLs of a list file: one a line; blank lines and lines starting with <c>#</c> are ignored,
    /// repeats are fetched once; anything else is an error naming the line.
    /// </summary>
    public static (List<Uri> Urls, List<IngestError> Errors) ReadUrlList(string file)
    {
        var urls = new List<Uri>();
        var errors = new List<IngestError>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new IngestError(file, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read: " + e.Message));
            return (urls, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!Uri.TryCreate(line, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(new IngestError($"{file}:{i + 1}", $"not an http(s) URL: \"{HttpPayload.Printable(line, 80)}\""));
                continue;
            }

            if (seen.Add(uri.AbsoluteUri))
            {
                urls.Add(uri);
            }
        }

        if (urls.Count == 0 && errors.Count == 0)
        {
            errors.Add(new IngestError(file, "no URLs in the list"));
        }

        return (urls, errors);
    }

    /// <summary>
    /// Fetches the URLs and writes the good responses to <paramref name="warcPath"/> in list order; returns one
    /// error per URL that gave no page or feed.
    /// </summary>
    public List<IngestError> FetchToWarc(IReadOnlyList<Uri> urls, string warcPath, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var errors = new List<IngestError>();
        using var warc = new FileStream(warcPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var done = 0;
        foreach (var window in urls.Chunk(Math.Max(1, _options.Total)))
        {
            var results = Task.WhenAll(window.Select(u => FetchAsync(u, cancellationToken))).GetAwaiter().GetResult();
            foreach (var r in results)
            {
                if (r.Error is not null)
                {
                    errors.Add(new IngestError(r.Url.AbsoluteUri, r.Error));
                }
                else
                {
                    WriteResponse(warc, r);
                }
            }

            done += window.Length;
            progress?.Invoke($"fetched {done} of {urls.Count} URLs");
        }

        return errors;
    }

    /// <summary>What one URL gave: a body to keep, or an error line.</summary>
    internal sealed record FetchResult(Uri Url, Uri FinalUrl, string? ContentType, byte[]? Body, string? Error, DateTimeOffset FetchedAt);

    internal async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var gate = _hosts.GetOrAdd(url.Authority, _ => new SemaphoreSlim(Math.Max(1, _options.PerHost)));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            return await FetchOnceAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(url, $"timed out after {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(url, "cannot fetch: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            return Failed(url, "cannot undo the response's Content-Encoding: " + e.Message);
        }
        catch (IOException e)
        {
            return Failed(url, "connection broken: " + e.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FetchResult> FetchOnceAsync(Uri url, CancellationToken token)
    {
        using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        var final = response.RequestMessage?.RequestUri ?? url;
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            return Failed(url, $"HTTP status {status}: redirect not followed (more than {_options.MaxRedirects} redirects, or no usable Location)");
        }

        if (status != 200)
        {
            return Failed(url, $"HTTP status {status}");
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        var (mediaType, _) = HttpPayload.ContentType(contentType);
        if (HttpPayload.IsPlainlyOther(mediaType))
        {
            return Failed(url, $"not HTML ({mediaType})");
        }

        if (response.Content.Headers.ContentLength is { } announced && announced > _options.MaxBytes)
        {
            return Failed(url, $"too large: {announced / 1048576.0:F1} MB announced (limit {_options.MaxBytes / 1048576.0:F1} MB); not read");
        }

        await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await body.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > _options.MaxBytes)
            {
                return Failed(url, $"too large: over {_options.MaxBytes / 1048576.0:F1} MB; stopped reading");
            }
        }

        var bytes = buffer.ToArray();
        return HttpPayload.Classify(mediaType, bytes) == PayloadKind.Other
            ? Failed(url, $"not HTML ({mediaType ?? "no Content-Type"})")
            : new FetchResult(url, final, contentType, bytes, null, DateTimeOffset.UtcNow);
    }

    private static FetchResult Failed(Uri url, string error) => new(url, url, null, null, error, DateTimeOffset.UtcNow);

    /// <summary>
    /// One WARC response record. The body is stored as the client delivered it (content coding undone), so the
    /// header written with it names only its type.
    /// </summary>
    internal static void WriteResponse(Stream warc, FetchResult r)
    {
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {Ascii(r.ContentType ?? "application/octet-stream")}\r\nContent-Length: {r.Body!.Length}\r\n\r\n");
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append("WARC-Type: response\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Date: {r.FetchedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Target-URI: {r.FinalUrl.AbsoluteUri}\r\n")
            .Append("Content-Type: application/http; msgtype=response\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {http.Length + r.Body.Length}\r\n\r\n");
        warc.Write(Encoding.ASCII.GetBytes(header.ToString()));
        warc.Write(http);
        warc.Write(r.Body);
        warc.Write("\r\n\r\n"u8);
    }

    private static string Ascii(string s) => new([.. s.Where(c => c is >= ' ' and <= '~')]);

    public void Dispose()
    {
        _client.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }
}
