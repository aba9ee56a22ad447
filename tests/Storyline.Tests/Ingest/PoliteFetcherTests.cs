using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Storyline.Ingest;

namespace Storyline.Tests.Ingest;

/// <summary>A small HTTP server on a free localhost port, serving invented pages; never the internet.</summary>
internal sealed class LocalServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _inFlight;

    public LocalServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _ = Task.Run(Loop);
    }

    public string Base { get; }

    public ConcurrentBag<string> UserAgents { get; } = [];

    /// <summary>The most requests the server had in flight at once.</summary>
    public int MaxInFlight { get; private set; }

    public static readonly string Rss = $"""
        <?xml version="1.0"?><rss version="2.0"><channel><title>Lowmere Post</title>
        <item><title>Dredging starts</title><link>/news/dredging</link><pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate>
        <description>&lt;p&gt;{WarcWriter.Para1}&lt;/p&gt;&lt;p&gt;{WarcWriter.Para2}&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (UserAgents)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            UserAgents.Add(context.Request.UserAgent ?? "");
            var response = context.Response;
            var path = context.Request.Url!.AbsolutePath;
            switch (path)
            {
                case var p when p.StartsWith("/page/", StringComparison.Ordinal):
                    // Held open a while so that concurrent requests overlap on the server.
                    await Task.Delay(150);
                    await Send(response, 200, "text/html; charset=utf-8", WarcWriter.Html("Report " + p[6..]));
                    break;
                case "/feed":
                    await Send(response, 200, "application/rss+xml", Rss);
                    break;
                case "/missing":
                    await Send(response, 404, "text/html", "<html><body>Not here</body></html>");
                    break;
                case "/logo.png":
                    await Send(response, 200, "image/png", "\u0089PNG");
                    break;
                case "/huge":
                    await Send(response, 200, "text/html", "<html><body><p>" + new string('x', 300_000) + "</p></body></html>");
                    break;
                case "/loop":
                    response.StatusCode = 302;
                    response.RedirectLocation = Base + "loop";
                    response.Close();
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    await Send(response, 200, "text/html", WarcWriter.Html("Late"));
                    break;
                default:
                    await Send(response, 404, "text/plain", "no");
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timeout or a size cap): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static async Task Send(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}

public class PoliteFetcherTests
{
    private static List<SourceItem> FetchAndRead(LocalServer server, IReadOnlyList<string> paths, FetchOptions options, out List<Model.IngestError> errors)
    {
        using var dir = new TempFolder();
        var spool = dir.File("fetched.warc");
        using var fetcher = new PoliteFetcher(options);
        errors = fetcher.FetchToWarc([.. paths.Select(p => new Uri(server.Base + p))], spool);
        return [.. new WarcReader().ReadFile(spool, uriAsOrigin: true)];
    }

    [Fact]
    public void Pages_and_feed_items_are_fetched_in_list_order_and_every_other_url_gets_one_reason()
    {
        using var server = new LocalServer();
        var options = new FetchOptions { MaxBytes = 100_000, Timeout = TimeSpan.FromSeconds(2), MaxRedirects = 3 };
        var items = FetchAndRead(server, ["page/1", "missing", "feed", "logo.png", "huge", "loop", "slow", "page/2"], options, out var errors);

        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(
            [server.Base + "page/1", server.Base + "news/dredging", server.Base + "page/2"],
            items.Select(i => i.Page!.Url));
        Assert.Equal(server.Base + "feed#item-1", items[1].Page!.Origin);
        Assert.Equal("Dredging starts", items[1].Page!.Hints.Title);
        Assert.Equal("feed", items[1].Page!.Hints.Container);

        var reasons = errors.ToDictionary(e => e.Origin[server.Base.Length..], e => e.Reason);
        Assert.Equal(["huge", "logo.png", "loop", "missing", "slow"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("HTTP status 404", reasons["missing"]);
        Assert.Equal("not HTML (image/png)", reasons["logo.png"]);
        Assert.Contains("too large", reasons["huge"], StringComparison.Ordinal);
        Assert.Contains("redirect not followed (more than 3 redirects", reasons["loop"], StringComparison.Ordinal);
        Assert.Contains("timed out", reasons["slow"], StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_name_storyline_and_stay_within_the_per_host_limit()
    {
        using var server = new LocalServer();
        var items = FetchAndRead(server, [.. Enumerable.Range(0, 8).Select(i => $"page/{i}")], new FetchOptions { PerHost = 2, Total = 8 }, out var errors);
        Assert.Empty(errors);
        Assert.Equal(8, items.Count);
        Assert.InRange(server.MaxInFlight, 1, 2);
        Assert.All(server.UserAgents, ua => Assert.StartsWith("Storyline/", ua, StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_list_keeps_urls_once_skips_comments_and_names_bad_lines()
    {
        using var dir = new TempFolder();
        var file = dir.Write("urls.txt", "# news\nhttps://a.example.org/x\n\nhttps://a.example.org/x\nftp://files.example.org/y\nnot a url\nhttp://b.example.org/\n");
        var (urls, errors) = PoliteFetcher.ReadUrlList(file);
        Assert.Equal(["https://a.example.org/x", "http://b.example.org/"], urls.Select(u => u.AbsoluteUri));
        Assert.Equal([$"{file}:5", $"{file}:6"], errors.Select(e => e.Origin));
        Assert.All(errors, e => Assert.StartsWith("not an http(s) URL", e.Reason, StringComparison.Ordinal));
        Assert.Equal("no such file", PoliteFetcher.ReadUrlList(dir.File("none.txt")).Errors.Single().Reason);
    }
}
