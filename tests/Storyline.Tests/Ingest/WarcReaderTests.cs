using System.IO.Compression;
using System.Text;
using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;
using static Storyline.Tests.Ingest.WarcWriter;

namespace Storyline.Tests.Ingest;

public class WarcReaderTests
{
    private static readonly byte[] Mixed = Concat(
        Warcinfo(),
        Request("https://news.example.org/a"),
        Response("https://news.example.org/a", Http(200, "text/html; charset=ISO-8859-1", Html("Channel to be dredged"))),
        Record("metadata", "https://news.example.org/a", Encoding.ASCII.GetBytes("fetchTimeMs: 12\r\n")),
        Response("https://news.example.org/logo.png", Http(200, "image/png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1])),
        Response("https://news.example.org/gone", Http(404, "text/html", "<html><body>Not found</body></html>")),
        Response("https://news.example.org/moved", Http(301, "text/html", "", "Location: https://news.example.org/a")),
        Response("https://news.example.org/b", Http(200, "application/xhtml+xml", Html("Ferry berths for fishing crews"))));

    private static List<SourceItem> ReadFile(string path) => [.. new WarcReader().ReadFile(path)];

    private static List<SourceItem> ReadBytes(byte[] warc, string name = "test.warc") => [.. new WarcReader().Read(new MemoryStream(warc), name)];

    private static Dictionary<string, int> SkipCounts(IEnumerable<SourceItem> items) =>
        items.Where(i => i.Skipped is not null).GroupBy(i => i.Skipped!).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Html_responses_become_pages_and_the_others_are_counted_by_reason()
    {
        var items = ReadBytes(Mixed);
        Assert.All(items, i => Assert.Null(i.Error));
        var pages = items.Where(i => i.Page is not null).Select(i => i.Page!).ToList();
        Assert.Equal(["https://news.example.org/a", "https://news.example.org/b"], pages.Select(p => p.Url));
        Assert.All(pages, p => Assert.Equal(PageFormat.Html, p.Format));
        Assert.Equal("ISO-8859-1", pages[0].DeclaredCharset);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero), pages[0].FetchedAt);
        Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(pages[1].Bytes.Span), StringComparison.Ordinal);

        // The origin names the file and the record's byte offset, which points at its "WARC/1.0" line.
        var offset = long.Parse(pages[0].Origin.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("WARC/1.0", Encoding.ASCII.GetString(Mixed, (int)offset, 8));
        Assert.Contains("WARC-Target-URI: https://news.example.org/a", Encoding.ASCII.GetString(Mixed, (int)offset, 300), StringComparison.Ordinal);

        Assert.Equal(
            new Dictionary<string, int> { ["HTTP status 301"] = 1, ["HTTP status 404"] = 1, ["not HTML (image/png)"] = 1 },
            SkipCounts(items));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("gzip-per-record")]
    [InlineData("gzip-whole-file")]
    public void Plain_and_gzip_files_of_warc_1_0_and_1_1_give_the_same_pages(string packing)
    {
        var records = new[]
        {
            Warcinfo(),
            Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged")), "WARC/1.1"),
            Response("https://news.example.org/b", Http(200, "text/html", Html("Ferry berths for fishing crews"))),
        };
        var bytes = packing switch
        {
            "plain" => Concat(records),
            "gzip-per-record" => GzipPerRecord(records),
            _ => Gzip(Concat(records)),
        };
        using var dir = new TempFolder();
        var items = ReadFile(dir.Write(packing == "plain" ? "crawl.warc" : "crawl.warc.gz", bytes));
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(["https://news.example.org/a", "https://news.example.org/b"], items.Select(i => i.Page!.Url));
        Assert.Contains("Ferry berths", Encoding.UTF8.GetString(items[1].Page!.Bytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Chunked_transfer_and_gzip_content_encoding_are_undone()
    {
        var html = Encoding.UTF8.GetBytes(Html("Channel to be dredged"));
        var gz = Gzip(html);
        var chunked = new MemoryStream();
        foreach (var part in gz.Chunk(100))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{part.Length:x};ext=1\r\n"));
            chunked.Write(part);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\n\r\n"u8);
        var warc = Concat(
            Response("https://news.example.org/chunked", Http(200, "text/html", chunked.ToArray(), "Transfer-Encoding: chunked", "Content-Encoding: gzip")),
            // As Common Crawl stores them: the header still says chunked, but the body was saved de-chunked.
            Response("https://news.example.org/stored-plain", Http(200, "text/html", html, "Transfer-Encoding: chunked")));
        var items = ReadBytes(warc);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(html, i.Page!.Bytes.ToArray()));
    }

    [Fact]
    public void A_declared_charset_reaches_the_decoder_and_a_wrong_one_loses_to_the_bytes()
    {
        const string Text = "Съезд рыбаков Лоумира обсудил углубление западного канала и новые причалы для судов.";
        var cp1251 = CodePages.GetEncoding(1251).GetBytes($"<html><body><p>{Text}</p></body></html>");
        var warc = Concat(
            Response("https://news.example.org/ru-declared", Http(200, "text/html; charset=windows-1251", cp1251)),
            Response("https://news.example.org/ru-lying", Http(200, "text/html; charset=utf-8", cp1251)));
        var items = ReadBytes(warc);
        Assert.Equal("windows-1251", items[0].Page!.DeclaredCharset);
        foreach (var item in items)
        {
            var (page, error, _) = PageDecoder.Decode(item.Page!);
            Assert.Null(error);
            Assert.Contains(Text, page!.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_binary_body_served_as_html_is_refused_with_a_reason_not_a_crash()
    {
        var noise = new byte[4096];
        new Random(11).NextBytes(noise);
        var items = ReadBytes(Response("https://news.example.org/blob", Http(200, "text/html", noise)));
        var page = Assert.Single(items).Page!;
        var (decoded, error, _) = PageDecoder.Decode(page);
        if (decoded is not null)
        {
            var article = PageExtractors.Default.Extract(decoded, LineStatistics.Empty);
            Assert.Equal("", article.Text);
            Assert.Contains(article.Notes, n => n.Contains("binary", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains("binary", error!.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_truncated_last_record_is_one_error_with_its_offset_after_the_pages_before_it()
    {
        var whole = Concat(
            Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged"))),
            Response("https://news.example.org/b", Http(200, "text/html", Html("Ferry berths for fishing crews"))));
        var secondAt = Encoding.ASCII.GetString(whole).LastIndexOf("WARC/1.0", StringComparison.Ordinal);
        var cut = whole[..(whole.Length - 200)];
        var items = ReadBytes(cut, "cut.warc");
        Assert.Equal("https://news.example.org/a", items[0].Page!.Url);
        var error = Assert.Single(items, i => i.Error is not null).Error!;
        Assert.Equal($"cut.warc#{secondAt}", error.Origin);
        Assert.Contains("truncated record", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void A_truncated_gzip_warc_keeps_the_records_before_the_cut()
    {
        var gz = GzipPerRecord(
            Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged"))),
            Response("https://news.example.org/b", Http(200, "text/html", Html("Ferry berths for fishing crews"))));
        using var dir = new TempFolder();
        var items = ReadFile(dir.Write("cut.warc.gz", gz[..(gz.Length - 150)]));
        Assert.Equal("https://news.example.org/a", items[0].Page!.Url);
        var error = Assert.Single(items, i => i.Error is not null).Error!;
        Assert.StartsWith(dir.File("cut.warc.gz") + "#", error.Origin, StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => i.Page?.Url == "https://news.example.org/b");
    }

    [Fact]
    public void Bad_headers_and_a_missing_content_length_are_reported_and_the_next_record_is_read()
    {
        var good1 = Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged")));
        var noLength = Record("response", "https://news.example.org/x", Http(200, "text/html", Html("Lost")), withLength: false);
        var badLine = Encoding.ASCII.GetBytes("WARC/1.0\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n");
        var garbage = Encoding.ASCII.GetBytes("garbage between records\r\nmore of it\r\n");
        var good2 = Response("https://news.example.org/b", Http(200, "text/html", Html("Ferry berths for fishing crews")));
        var good3 = Response("https://news.example.org/c", Http(200, "text/html", Html("Priority berths")));
        var warc = Concat(good1, noLength, badLine, good2, garbage, good3);
        var items = ReadBytes(warc, "bad.warc");
        Assert.Equal(["https://news.example.org/a", "https://news.example.org/b", "https://news.example.org/c"], items.Where(i => i.Page is not null).Select(i => i.Page!.Url));
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal($"bad.warc#{good1.Length}", errors[0].Origin);
        Assert.Contains("no Content-Length", errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal($"bad.warc#{good1.Length + noLength.Length}", errors[1].Origin);
        Assert.Contains("bad WARC header line \"this line has no colon\"", errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal($"bad.warc#{good1.Length + noLength.Length + badLine.Length + good2.Length}", errors[2].Origin);
        Assert.Contains("not a WARC record header (found \"garbage between records\")", errors[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_page_is_refused_and_the_next_record_is_read()
    {
        var big = Html("Too long", new string('x', 3000));
        var warc = Concat(
            Response("https://news.example.org/big", Http(200, "text/html", big)),
            Response("https://news.example.org/a", Http(200, "text/html", Html("Channel to be dredged"))));
        var items = new WarcReader(new IngestOptions { MaxPageBytes = 2048 }).Read(new MemoryStream(warc), "big.warc").ToList();
        Assert.Contains("page too large", items[0].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal("https://news.example.org/a", items[1].Page!.Url);
    }

    [Fact]
    public void Empty_and_non_warc_files_get_one_reason()
    {
        Assert.Contains("empty", ReadBytes([], "empty.warc").Single().Error!.Reason, StringComparison.Ordinal);
        var notWarc = ReadBytes(Encoding.ASCII.GetBytes("<html><body>hello</body></html>\n"), "page.warc");
        Assert.Contains("not a WARC record header", Assert.Single(notWarc).Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_in_a_response_gives_its_items()
    {
        const string Rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Lowmere Post</title>
            <item><title>Dredging starts</title><link>/news/dredging</link><description>The western channel closes on Monday for six weeks of work.</description></item>
            </channel></rss>
            """;
        var items = ReadBytes(Response("https://news.example.org/feed", Http(200, "application/rss+xml", Rss)));
        var page = Assert.Single(items).Page!;
        Assert.Equal("https://news.example.org/news/dredging", page.Url);
        Assert.Equal("Dredging starts", page.Hints.Title);
    }

    [Fact]
    public void A_large_generated_warc_is_streamed_a_record_at_a_time()
    {
        // 20,000 records (10,000 request/response pairs, about 10 MB) are produced as they are read: the reader must yield the first pages
        // after reading a few records, and then every page in order.
        var stream = new Generated(10_000);
        using var items = new WarcReader().Read(stream, "generated.warc").GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal("https://tides.example.org/report/0", items.Current.Page!.Url);
        Assert.InRange(stream.Served, 1, 256 * 1024);

        var pages = 1;
        var skipped = 0;
        string? lastUrl = null;
        while (items.MoveNext())
        {
            Assert.Null(items.Current.Error);
            if (items.Current.Skipped is not null)
            {
                Assert.Equal("HTTP status 404", items.Current.Skipped);
                skipped++;
                continue;
            }

            pages++;
            lastUrl = items.Current.Page!.Url;
        }

        Assert.Equal(9_000, pages);
        Assert.Equal(1_000, skipped);
        Assert.Equal("https://tides.example.org/report/9998", lastUrl);
    }

    [Fact]
    public void A_generated_warc_ingests_through_the_pipeline_with_its_skips_counted()
    {
        using var dir = new TempFolder();
        var path = dir.File("tides.warc.gz");
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            new Generated(30).CopyTo(gz);
        }

        using var store = Storyline.Store.SqliteStore.Open(":memory:");
        var result = new Pipeline(new PipelineOptions { Parallelism = 1 }).Ingest([path], store);
        Assert.Empty(result.Errors);
        Assert.Equal(27, result.PagesRead);
        Assert.Equal(new Dictionary<string, int> { ["HTTP status 404"] = 3 }, result.SkippedRecords);
        var titles = store.Articles().Select(a => a.Title?.Value).ToList();
        Assert.Contains(Generated.PageTitle(0), titles);
        Assert.Contains(Generated.PageTitle(28), titles);
    }

    private static class CodePages
    {
        static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public static Encoding GetEncoding(int codePage) => Encoding.GetEncoding(codePage);
    }
}
