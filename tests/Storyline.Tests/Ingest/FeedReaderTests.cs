using System.Text;
using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;

namespace Storyline.Tests.Ingest;

public class FeedReaderTests
{
    private const string Para1 = "The harbour board of Lowmere voted on Monday to dredge the western channel before the autumn storms, after two cargo ships ran aground there in a single week.";
    private const string Para2 = "The work will close the channel to pleasure boats for six weeks, and the board said fishing crews would be given priority berths in the eastern basin meanwhile.";

    private static readonly string Rss = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Lowmere Post</title><link>https://post.example.org/</link>
            <item>
              <title>Channel to be dredged</title>
              <link>https://post.example.org/2026/03/channel</link>
              <description>Short teaser that the full text replaces.</description>
              <content:encoded><![CDATA[<p>{Para1}</p><p>{Para2}</p>]]></content:encoded>
              <pubDate>Tue, 03 Mar 2026 08:15:00 EST</pubDate>
              <dc:creator>Mara Kellow</dc:creator>
            </item>
            <item>
              <title>Ferry &amp; berths</title>
              <link>https://post.example.org/2026/03/ferry</link>
              <description>&lt;p&gt;{Para2}&lt;/p&gt;</description>
              <pubDate>Wed, 04 Mar 2026 10:00:00 +0100</pubDate>
              <author>desk@post.example.org (Ivo Brenmouth)</author>
            </item>
            <item><title>Only a title</title><link>https://post.example.org/2026/03/title</link></item>
          </channel>
        </rss>
        """;

    private static readonly string Atom = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Corran Ledger</title>
          <author><name>Ledger Desk</name></author>
          <entry>
            <title type="html">Storm &lt;em&gt;warning&lt;/em&gt;</title>
            <link rel="alternate" href="https://ledger.example.org/storm"/>
            <published>2026-03-05T06:00:00Z</published>
            <updated>2026-03-06T06:00:00Z</updated>
            <author><name>Nell Ashby</name></author>
            <content type="html">&lt;p&gt;{Para1}&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Tide tables</title>
            <link href="https://ledger.example.org/tides"/>
            <updated>2026-03-07T09:30:00+02:00</updated>
            <summary>{Para2}</summary>
          </entry>
          <entry>
            <title>Xhtml body</title>
            <link href="https://ledger.example.org/x"/>
            <updated>2026-03-08T09:30:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{Para1}</p></div></content>
          </entry>
        </feed>
        """;

    private static List<SourceItem> Read(string xml, string name = "feed.xml", string? url = null) =>
        [.. FeedReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), name, url)];

    private static Article Extract(RawPage raw)
    {
        var (page, error, _) = PageDecoder.Decode(raw);
        Assert.Null(error);
        return PageExtractors.Default.Extract(page!, LineStatistics.Empty);
    }

    [Fact]
    public void Rss_items_become_pages_with_full_text_title_link_date_and_author_from_the_feed()
    {
        var items = Read(Rss);
        Assert.Equal(3, items.Count);
        var first = items[0].Page!;
        Assert.Equal("feed.xml#item-1", first.Origin);
        Assert.Equal("https://post.example.org/2026/03/channel", first.Url);

        var article = Extract(first);
        Assert.Contains("western channel", article.Text, StringComparison.Ordinal);
        Assert.Contains("eastern basin", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("teaser", article.Text, StringComparison.Ordinal);
        Assert.Equal("Channel to be dredged", article.Title?.Value);
        Assert.Equal("Mara Kellow", article.Byline?.Value);
        Assert.Equal("feed", article.Date?.Source);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 15, 0, TimeSpan.FromHours(-5)), article.Date?.Value);

        var second = Extract(items[1].Page!);
        Assert.Equal("Ferry & berths", second.Title?.Value);
        Assert.Equal("Ivo Brenmouth", second.Byline?.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)), second.Date?.Value);
        Assert.Contains("eastern basin", second.Text, StringComparison.Ordinal);

        Assert.Equal("feed item without text", items[2].Skipped);
    }

    [Fact]
    public void Atom_entries_use_published_then_updated_content_then_summary_and_the_feed_author()
    {
        var items = Read(Atom, "ledger.atom");
        Assert.All(items, i => Assert.NotNull(i.Page));
        var storm = items[0].Page!;
        Assert.Equal("Storm warning", storm.Hints.Title);
        Assert.Equal("Nell Ashby", storm.Hints.Author);
        Assert.Equal("2026-03-05T06:00:00+00:00", storm.Hints.Date);
        Assert.Contains("western channel", Extract(storm).Text, StringComparison.Ordinal);

        var tides = items[1].Page!;
        Assert.Equal("https://ledger.example.org/tides", tides.Url);
        Assert.Equal("Ledger Desk", tides.Hints.Author);
        Assert.Equal("2026-03-07T09:30:00+02:00", tides.Hints.Date);
        Assert.Contains("eastern basin", Extract(tides).Text, StringComparison.Ordinal);

        Assert.Contains("western channel", Extract(items[2].Page!).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\"><channel/></rss>", true)]
    [InlineData("\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", true)]
    [InlineData("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", true)]
    [InlineData("<!DOCTYPE html><html><body><p>feed the cat</p></body></html>", false)]
    [InlineData("<?xml version=\"1.0\"?><urlset></urlset>", false)]
    [InlineData("plain text about an rss feed", false)]
    public void A_feed_is_recognised_by_its_root_element(string text, bool isFeed) =>
        Assert.Equal(isFeed, FeedReader.LooksLikeFeed(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Feed_files_are_read_by_content_whatever_their_name_and_other_xml_in_folders_is_passed_over()
    {
        using var dir = new TempFolder();
        dir.Write("news.html", Rss);
        dir.Write("ledger.xml", Atom);
        dir.Write("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://post.example.org/</loc></url></urlset>");
        var skipped = new List<string>();
        var items = new PageSource().Read([dir.Path], skipped.Add).ToList();
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(5, items.Count(i => i.Page is not null));
        Assert.Single(items, i => i.Skipped is not null);
        Assert.Equal([dir.File("sitemap.xml")], skipped);

        var named = new PageSource().Read([dir.File("sitemap.xml")]).Single();
        Assert.Contains("not an RSS or Atom feed (the root element is <urlset>)", named.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_feed_keeps_the_items_before_the_fault_and_names_the_line()
    {
        var broken = Rss.Replace("<item><title>Only a title</title>", "<item><title>Broken & unescaped</title>", StringComparison.Ordinal);
        var items = Read(broken, "broken.rss");
        Assert.Equal(2, items.Count(i => i.Page is not null));
        var error = items[^1].Error!;
        Assert.Equal("broken.rss", error.Origin);
        Assert.Contains("malformed XML at line", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_feed_and_external_entities_are_harmless()
    {
        Assert.Contains("no items", Read("<rss version=\"2.0\"><channel><title>x</title></channel></rss>").Single().Error!.Reason, StringComparison.Ordinal);
        const string Xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>t</title><description>&x;</description></item></channel></rss>";
        var items = Read(Xxe);
        Assert.DoesNotContain(items, i => i.Page is not null && Encoding.UTF8.GetString(i.Page.Bytes.Span).Contains("root:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tue, 03 Mar 2026 08:15:00 GMT", "2026-03-03T08:15:00+00:00")]
    [InlineData("03 Mar 2026 08:15:00 PDT", "2026-03-03T08:15:00-07:00")]
    [InlineData("Tue, 3 Mar 2026 08:15 +0530", "2026-03-03T08:15:00+05:30")]
    [InlineData("2026-03-03T08:15:00Z", "2026-03-03T08:15:00+00:00")]
    [InlineData("sometime soon", "sometime soon")]
    public void Feed_dates_are_normalised_to_iso_8601(string text, string expected) =>
        Assert.Equal(expected, FeedDates.Normalize(text));
}
