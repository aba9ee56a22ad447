using System.Text;
using Storyline.Ingest;
using static Storyline.Tests.Ingest.WarcWriter;

namespace Storyline.Tests.Ingest;

/// <summary>Cut and corrupted archives and feeds (seeded): every record gives a page, an error or a skip, never an exception.</summary>
public class MangledInputTests
{
    private static readonly byte[] Warc = Concat(
        Warcinfo(),
        Request("https://news.example.org/a"),
        Response("https://news.example.org/a", Http(200, "text/html; charset=utf-8", Html("Channel to be dredged"), "Transfer-Encoding: chunked")),
        Response("https://news.example.org/z", Http(200, "text/html", Gzip(Encoding.UTF8.GetBytes(Html("Zipped"))), "Content-Encoding: gzip")),
        Response("https://news.example.org/feed", Http(200, "application/rss+xml", LocalServer.Rss)),
        Response("https://news.example.org/gone", Http(404, "text/html", "<html><body>gone</body></html>")),
        Response("https://news.example.org/b", Http(200, "text/html", Html("Ferry berths"))));

    private static void AllWellFormed(IEnumerable<SourceItem> items)
    {
        foreach (var item in items)
        {
            var kinds = (item.Page is null ? 0 : 1) + (item.Error is null ? 0 : 1) + (item.Skipped is null ? 0 : 1);
            Assert.Equal(1, kinds);
            if (item.Error is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(item.Error.Reason));
                Assert.DoesNotContain('\n', item.Error.ToString());
            }
        }
    }

    private static byte[] Mangle(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        switch (random.Next(3))
        {
            case 0:
                return copy[..random.Next(copy.Length)];
            case 1:
                for (var k = random.Next(1, 8); k > 0; k--)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            default:
                var at = random.Next(copy.Length);
                var len = random.Next(1, 200);
                return [.. copy[..at], .. copy[Math.Min(copy.Length, at + len)..]];
        }
    }

    [Fact]
    public void Mangled_warc_files_plain_and_gzip_never_throw()
    {
        var random = new Random(20261123);
        using var dir = new TempFolder();
        for (var i = 0; i < 300; i++)
        {
            var mangled = Mangle(Warc, random);
            AllWellFormed(new WarcReader().Read(new MemoryStream(mangled), "m.warc").ToList());
            var gz = Mangle(GzipPerRecord(Warc), random);
            AllWellFormed(new WarcReader().ReadFile(dir.Write($"m{i}.warc.gz", gz)).ToList());
        }
    }

    [Fact]
    public void Mangled_feeds_never_throw()
    {
        var random = new Random(7);
        var feed = Encoding.UTF8.GetBytes(LocalServer.Rss);
        for (var i = 0; i < 300; i++)
        {
            AllWellFormed(FeedReader.Read(new MemoryStream(Mangle(feed, random)), "m.rss", "https://news.example.org/").ToList());
        }
    }

    [Fact]
    public void Mangled_chunked_and_encoded_bodies_never_throw()
    {
        var random = new Random(3);
        var chunked = Encoding.ASCII.GetBytes("1a\r\nabcdefghijklmnopqrstuvwxyz\r\n5;x=y\r\nhello\r\n0\r\n\r\n");
        var gz = Gzip(Encoding.UTF8.GetBytes(Html("Zipped")));
        for (var i = 0; i < 500; i++)
        {
            _ = HttpPayload.Dechunk(Mangle(chunked, random), 1 << 20);
            var (bytes, error) = HttpPayload.Decode(Mangle(gz, random), random.Next(2) == 0 ? "gzip" : "br", 1 << 20);
            Assert.True(bytes is not null || error is not null);
        }
    }
}
