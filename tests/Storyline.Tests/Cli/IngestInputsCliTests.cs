using Storyline.Tests.Ingest;
using static Storyline.Tests.Ingest.WarcWriter;

namespace Storyline.Tests.Cli;

/// <summary>The ingest command on WARC files and URL lists, run as a user would.</summary>
public class IngestInputsCliTests
{
    [Fact]
    public void A_warc_and_a_url_list_are_ingested_with_skips_summarised_and_each_failure_on_one_line()
    {
        using var server = new LocalServer();
        using var dir = new TempFolder();
        dir.Write("crawl.warc.gz", GzipPerRecord(
            Warcinfo(),
            Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged"))),
            Response("https://news.example.org/logo.png", Http(200, "image/png", [0x89, 0x50, 0x4E, 0x47])),
            Response("https://news.example.org/gone", Http(404, "text/html", "<html><body>gone</body></html>")),
            Response("https://news.example.org/gone2", Http(404, "text/html", "<html><body>gone</body></html>"))));
        var urls = dir.Write("urls.txt", $"# fetched from a local test server\n{server.Base}page/7\n{server.Base}missing\n");
        var db = dir.File("store.db");

        var (exit, _, stderr) = CliTests.Run("ingest", dir.File("crawl.warc.gz"), server.Base + "feed", "--urls", urls, "--db", db);
        Assert.True(exit == 2, stderr);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"error: {server.Base}missing: HTTP status 404"], errors);
        Assert.Contains("3 records passed over (not pages): 2 HTTP status 404, 1 not HTML (image/png).", stderr, StringComparison.Ordinal);
        Assert.Contains("3 pages read: 3 new articles", stderr, StringComparison.Ordinal);

        var (_, articles, _) = CliTests.Run("articles", "--db", db);
        Assert.Contains("Channel to be dredged", articles, StringComparison.Ordinal);
        Assert.Contains("Report 7", articles, StringComparison.Ordinal);
        Assert.Contains("Dredging starts", articles, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_read_is_a_clear_error()
    {
        var (exit, _, stderr) = CliTests.Run("ingest", "--db", ":memory:");
        Assert.Equal(1, exit);
        Assert.Contains("nothing to read", stderr, StringComparison.Ordinal);
    }
}
