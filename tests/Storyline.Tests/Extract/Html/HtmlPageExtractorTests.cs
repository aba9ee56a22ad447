using System.Text;
using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

public class HtmlPageExtractorTests
{
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";
    private const string Para2 = "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost.";
    private const string Para3 = "Residents who spoke at the meeting said the closure had doubled their journeys to the market, and several shop owners asked for a temporary ferry service.";

    private static Article Extract(string html, string? url = "https://news.example.org/2024/03/05/bridge") =>
        new HtmlPageExtractor().Extract(DecodedPage.FromText("test.html", html, PageFormat.Html, url), LineStatistics.Empty);

    /// <summary>An article page of a headline and these paragraphs.</summary>
    private static Article ExtractArticle(params string[] paragraphs) =>
        Extract(Page($"<article><h1>Bridge to be rebuilt</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</article>"));

    private static void AssertRemovedAs(Article article, string text, string reason) =>
        Assert.Contains(article.Removed, b => b.Text == text && b.Reason == reason);

    private static string Page(string article, string head = "") => $$"""
        <!DOCTYPE html><html lang="en"><head><title>Bridge to be rebuilt | Harbour Times</title>{{head}}</head>
        <body>
          <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
          <div class="cookie-banner"><p>We use cookies to improve your experience on our website. By continuing you accept our cookie policy.</p></div>
          <main>{{article}}</main>
          <aside class="related-articles"><h3>Related</h3><ul><li><a href="/a">Council elects new mayor after long count</a></li><li><a href="/b">Ferry timetable changes this summer</a></li></ul></aside>
          <footer><p>© 2024 Harbour Times. All rights reserved. Contact us for advertising and syndication requests.</p></footer>
        </body></html>
        """;

    private static readonly string ArticleHtml = $"""
        <article>
          <h1>Bridge to be rebuilt</h1>
          <div class="byline">By <a href="/author/jane-doe" rel="author">Jane Doe</a> | <time datetime="2024-03-05T09:30:00+01:00">5 March 2024</time></div>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
          <div class="article-body">
            <p>{Para1}</p>
            <figure><img src="b.jpg"><figcaption>The bridge in 1998. Photo: Archive</figcaption></figure>
            <h2>Cost and timing</h2>
            <p>{Para2}</p>
            <blockquote><p>{Para3}</p></blockquote>
            <ul><li>Closed since last winter</li><li>Eighteen months of work</li></ul>
            <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news in your inbox every day.</p></div>
          </div>
          <section class="comments"><h3>Comments</h3><p>I drove over that bridge every day for twenty years and I will be glad to see it open again at last, honestly.</p></section>
        </article>
        """;

    [Fact]
    public void Main_text_is_kept_in_reading_order_with_headings_quotes_and_lists()
    {
        var a = Extract(Page(ArticleHtml));
        var expected = string.Join(Article.ParagraphSeparator, Para1, "Cost and timing", Para2, Para3, "Closed since last winter", "Eighteen months of work");
        Assert.Equal(expected, a.Text);
        Assert.Equal(BlockRole.Heading, a.Paragraphs[1].Role);
    }

    [Fact]
    public void Chrome_is_removed_and_recorded_with_its_reason()
    {
        var a = Extract(Page(ArticleHtml));
        string? Reason(string start) => a.Removed.FirstOrDefault(b => b.Text.StartsWith(start, StringComparison.Ordinal))?.Reason;
        Assert.Equal("navigation", Reason("Home"));
        Assert.Equal("cookie notice", Reason("We use cookies"));
        Assert.Equal("share widget", Reason("Share on Facebook"));
        Assert.Equal("caption", Reason("The bridge in 1998"));
        Assert.Equal("subscription box", Reason("Sign up for our morning newsletter"));
        Assert.Equal("comments", Reason("I drove over that bridge"));
        Assert.Equal("footer", Reason("© 2024 Harbour Times"));
        Assert.NotNull(Reason("Council elects new mayor"));
        Assert.DoesNotContain("cookie", a.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Metadata_comes_with_its_sources()
    {
        var head = """
            <link rel="canonical" href="https://news.example.org/bridge-rebuilt">
            <meta property="og:site_name" content="Harbour Times">
            <meta property="og:title" content="Bridge to be rebuilt">
            <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
            """;
        var a = Extract(Page(ArticleHtml, head));
        Assert.Equal("Bridge to be rebuilt", a.Title?.Value);
        Assert.Equal("html:h1", a.Title?.Source);
        Assert.Equal("Jane Doe", a.Byline?.Value);
        Assert.Equal("Harbour Times", a.Outlet?.Value);
        Assert.Equal("https://news.example.org/bridge-rebuilt", a.Url);
        Assert.Equal("en", a.Language?.Value);
        Assert.Equal("meta:article:published_time", a.Date?.Source);
        Assert.Equal(new DateTime(2024, 3, 5), a.Date!.Value.Date);
        Assert.True(a.Date.HasTime);
    }

    [Fact]
    public void Json_ld_wins_and_an_organisation_is_not_taken_for_the_author_when_a_person_is_shown()
    {
        var head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour Times"},
              {"@type":"NewsArticle","headline":"Bridge to be rebuilt","datePublished":"2024-03-04T22:10:00-05:00","author":{"@type":"Organization","name":"Harbour Times"}}]}</script>
            """;
        var a = Extract(Page(ArticleHtml, head));
        Assert.Equal("json-ld:datePublished", a.Date?.Source);
        // The day as the page wrote it, in its own time zone.
        Assert.Equal(new DateTime(2024, 3, 4), a.Date!.Value.Date);
        Assert.Equal("Jane Doe", a.Byline?.Value);
    }

    [Theory]
    [InlineData("Open menu / close menu", "html:title", "Council approves the new ferry timetable")]
    [InlineData("Ferry timetable changes in June", "html:h1", "Ferry timetable changes in June")]
    public void A_heading_over_the_article_is_the_title_only_when_it_shares_a_word_with_the_title_tag(string h1, string source, string title)
    {
        AssertTitle($"<html><head><title>Council approves the new ferry timetable | Harbour Times</title></head><body><div><h1>{h1}</h1></div><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", source, title);
    }

    private static void AssertTitle(string html, string source, string title)
    {
        var a = Extract(html);
        Assert.Equal(source, a.Title?.Source);
        Assert.Equal(title, a.Title?.Value);
    }

    private const string Para4 = "The committee said the new bridge would carry a cycle lane on both sides and would be built to stand a storm twice as strong as last winter's, at a small extra cost.";
    private const string Para5 = "A public meeting on the design will be held at the town hall next month, and the plans will be shown in the library until the end of the year for residents to comment on.";

    private static string MenuItems(int n) => string.Concat(Enumerable.Range(1, n).Select(i => $"<li><a href=\"/s{i}\">Section {i}</a></li>"));

    [Theory]
    [InlineData("<p class=\"meta\">Published on Oct 21, 2025</p>", "", "text:published", 2025, 10, 21)]
    [InlineData("<p class=\"meta\">Veröffentlicht am 16.08.2019</p>", "", "text:published", 2019, 8, 16)]
    [InlineData("<div><span>Published</span></div><div><span>Feb 2, 2023</span></div>", "", "text:published", 2023, 2, 2)]
    [InlineData("", "<p>Last updated: November 13, 2025</p>", "text:updated", 2025, 11, 13)]
    public void A_labelled_stamp_far_from_the_first_paragraph_is_the_date(string top, string bottom, string source, int y, int m, int d)
    {
        // The stamp sits in a header bar above a long menu, or under the text: outside the few blocks around the headline.
        var html = $"<html><body><header>{top}<nav><ul>{MenuItems(15)}</ul></nav></header><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p><p>{Para5}</p>{bottom}</article></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Fact]
    public void A_labelled_stamp_in_a_comment_further_down_is_not_the_date()
    {
        var comments = string.Concat(Enumerable.Range(1, 10).Select(i => $"<div class=\"comment\"><p>Reader {i} wrote a long reply about the bridge and the ferry and the market, at some length.</p></div>"));
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article><section>{comments}<p>Posted on March 3, 2021</p></section></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Null(a.Date);
    }

    [Fact]
    public void A_site_specific_meta_name_for_the_publication_stamp_is_read()
    {
        var head = """<meta name="modified-date" content="2024-07-30"><meta name="published-date" content="2021-02-16">""";
        var html = $"<html><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal("meta:published-date", a.Date?.Source);
        Assert.Equal(new DateTime(2021, 2, 16), a.Date!.Value.Date);
    }

    [Fact]
    public void A_stamp_shown_in_the_article_wins_over_a_generic_date_meta()
    {
        // A generic "date" meta is often when the page was generated; the byline's <time> is when it was published.
        var a = Extract(Page(ArticleHtml, """<meta name="date" content="2024-03-09T11:52:23">"""), "https://news.example.org/bridge");
        Assert.Equal("html:time", a.Date?.Source);
        Assert.Equal(new DateTime(2024, 3, 5), a.Date!.Value.Date);

        var noStamp = Extract($"<html><head><meta name=\"date\" content=\"2024-03-09\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "https://news.example.org/bridge");
        Assert.Equal("meta:date", noStamp.Date?.Source);
    }

    [Theory]
    [InlineData("Yoga Won’t Fix the Plumbing, But It Might Save Your Sanity – Yoga Pathways", "Yoga Won’t Fix the Plumbing, But It Might Save Your Sanity", "Yoga Pathways")]
    [InlineData("RogerBW's Blog: Advent of Code 2025 week 2", "Advent of Code 2025 week 2", "RogerBW's Blog")]
    public void An_h1_that_one_title_tag_adds_to_another_is_the_site_name_not_the_title(string titleTag, string ogTitle, string h1)
    {
        AssertTitle($"<html><head><title>{titleTag}</title><meta property=\"og:title\" content=\"{ogTitle}\"></head><body><header><h1>{h1}</h1></header><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "meta:og:title", ogTitle);
    }

    [Theory]
    [InlineData("Rinderleber mit Apfel und Zwiebel |  Liebe geht durch den Magen", "Liebe geht durch den Magen", "Rinderleber mit Apfel und Zwiebel")]
    [InlineData("Muffin Grundrezept : Muffin Rezepte", "Muffin Rezepte", "Muffin Grundrezept")]
    [InlineData("Four Years Remaining » Blog Archive » Interning of Small Integers", "Four Years Remaining", "Interning of Small Integers")]
    public void An_h1_that_is_the_title_tags_site_part_is_the_blogs_name_and_the_rest_is_the_title(string titleTag, string h1, string title)
    {
        AssertTitle($"<html><head><title>{titleTag}</title></head><body><header><h1>{h1}</h1></header><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:title", title);
    }

    [Fact]
    public void An_h1_that_is_all_a_title_tag_adds_after_its_first_part_is_the_sites_name_and_the_first_part_the_title()
    {
        AssertTitle($"<html><head><title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title></head><body><header><h1>Salsa-Figuren - Rueda in Berlin</h1></header><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:title", "Enchufla Figuren");
    }

    [Fact]
    public void An_h1_in_the_content_that_is_all_a_title_tag_adds_after_the_sites_name_is_the_headline()
    {
        AssertTitle($"<html><head><title>Harbour Times | Ferry timetable changes - what riders need to know</title></head><body><article><h1>Ferry timetable changes - what riders need to know</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:h1", "Ferry timetable changes - what riders need to know");
    }

    [Fact]
    public void An_h1_that_is_the_whole_title_tag_with_the_sites_name_is_read_as_the_tag_less_the_site()
    {
        // The host's label ("harbourtimes") names the last part; the section's label goes with it, as in the tag.
        const string tag = "Ferry timetable changes for the summer | Local News | Harbour Times Online";
        var html = $"<html><head><title>{tag}</title></head><body><article><h1>{tag}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://www.harbourtimes.com/news/ferry");
        Assert.Equal("Ferry timetable changes for the summer", a.Title?.Value);
        Assert.Equal("html:h1", a.Title?.Source);
    }

    [Fact]
    public void An_h1_in_lower_case_that_a_stated_title_spells_with_a_capital_takes_the_capital()
    {
        AssertTitle($"<html><head><title>History of coffee | Origin, Spread, Facts | Harbour Times</title></head><body><article><h1>history of coffee</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:h1", "History of coffee");
    }

    [Fact]
    public void An_h1_after_a_section_label_in_the_title_tag_is_still_the_headline()
    {
        // "Opinion | Headline": the part after the bar is the longer one, the headline, not a site's name.
        AssertTitle($"<html><head><title>Opinion | How meditation changes the brain</title></head><body><article><h1>How meditation changes the brain</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:h1", "How meditation changes the brain");
    }

    [Theory]
    [InlineData("<span class=\"roofline\">Ernährung sichern</span> Schulze: Deutschland steht an der Seite des Welternährungsprogramms", "Schulze: Deutschland steht an der Seite des Welternährungsprogramms")]
    [InlineData("<small>Tunesien</small><br> Große Aufgaben für die neue Regierung", "Große Aufgaben für die neue Regierung")]
    [InlineData("<em>Dune</em> review: a desert epic that takes its time", "Dune review: a desert epic that takes its time")]
    public void A_topic_label_opening_the_h1_in_its_own_element_is_not_part_of_the_title(string h1, string title) => AssertH1Title(h1, title);

    [Theory]
    [InlineData("<strong>Blog:</strong> Best social media agencies of 2025, ranked", "Best social media agencies of 2025, ranked")]
    [InlineData("<a href=\"/p\"><em>Holocaust-Gedenktag</em> Erinnerung an die Opfer der NS-Verbrechen</a>", "Erinnerung an die Opfer der NS-Verbrechen")]
    public void A_label_in_its_own_element_before_the_headline_the_title_tag_states_is_not_part_of_the_title(string h1, string title) => AssertH1Title(h1, title);

    [Fact]
    public void A_source_or_comment_count_after_the_headlines_own_element_in_the_h1_is_not_part_of_the_title() =>
        AssertH1Title("<span class=\"story-title\"><a href=\"/s\">Stanford grads find their degrees no longer guarantee jobs</a> <a href=\"https://www.latimes.com/x\">(latimes.com)</a></span> <span>87</span>", "Stanford grads find their degrees no longer guarantee jobs");

    /// <summary>An article page whose title tag is the title and the outlet, and whose h1 is given: the title read is the h1's, as <paramref name="title"/>.</summary>
    private static void AssertH1Title(string h1, string title)
    {
        var html = $"<html><head><title>{title} | Beispiel</title></head><body><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(title, a.Title?.Value);
        Assert.Equal("html:h1", a.Title?.Source);
    }

    [Theory]
    [InlineData("WEEKEND<br>CODING<br> <span>AGENT</span> stories", "WEEKEND CODING AGENT stories")]
    [InlineData("The Best Notion Alternatives<span class=\"block small\">Top Note-taking Tools</span>", "The Best Notion Alternatives Top Note-taking Tools")]
    [InlineData("<a href=\"/p\"><time datetime=\"2025-12-18\">Dec 18 2025</time> Preparing a transition in Debusine</a>", "Preparing a transition in Debusine")]
    [InlineData("<span class=\"post-title\"><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span>", "Lagen-Pyramide mit GA2")]
    [InlineData("Mes\u00ADsen\u00ADger\u00ADdiens\u00ADte sind kein Raum", "Messengerdienste sind kein Raum")]
    [InlineData("<span class=\"mc\">Ehezoff</span> der Pochers eskaliert", "Ehezoff der Pochers eskaliert")]
    [InlineData("Zuschauerrückkehr bei den Proficlubs<br><small>02.02.2022 • Verband, Presse</small>", "Zuschauerrückkehr bei den Proficlubs")]
    [InlineData("Ferry timetable<br><small>The summer changes</small>", "Ferry timetable The summer changes")]
    public void An_h1_is_read_as_shown_line_breaks_part_words_and_a_stamp_or_kicker_in_it_is_not_the_title(string h1, string title) => AssertH1Title(h1, title);

    [Fact]
    public void Soft_hyphens_an_editor_put_in_the_title_tags_are_kept_in_the_title()
    {
        // Soft hyphens in a title tag are the editor's (no one lays a title tag out); in an h1 they may be a layout
        // tool's, one in every word, and are dropped where the title tags have none (the h1 test above).
        const string title = "Schulze: Deutsch\u00ADland steht an der Seite des Welt\u00ADernährungs\u00ADprogramms";
        AssertTitle($"<html><head><title>{title} | BMZ</title></head><body><article><h1>{title}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:h1", title);

        const string og = "Änderung der Anforderungen an Genesenen\u00ADnachweise";
        AssertTitle($"<html><head><meta property=\"og:title\" content=\"{og}\"></head><body><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "meta:og:title", og);
    }

    [Theory]
    [InlineData("How meditation rewires brains and improves health | Opinion", "The full impact of meditation on mind and body | Opinion", "How meditation rewires brains and improves health")]
    [InlineData("Luftfahrtbranche hebt nach Corona ab - und FACC profitiert", "INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab - und FACC profitiert", "Luftfahrtbranche hebt nach Corona ab - und FACC profitiert")]
    public void A_last_part_of_the_h1_that_a_title_tag_with_another_headline_ends_with_is_a_label(string h1, string titleTag, string title)
    {
        AssertTitle($"<html><head><title>{titleTag}</title></head><body><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:h1", title);
    }

    [Fact]
    public void An_h1_of_three_sentences_is_a_description_not_the_headline()
    {
        const string h1 = "Learn which home renovations have the best return on investment. Get expert tips on how to understand and calculate it. We will help you learn everything you need to know about the value of your renovation project.";
        AssertTitle($"<html><head><title>The 10 best home improvement projects | RenoFi</title></head><body><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>", "html:title", "The 10 best home improvement projects");
    }

    [Fact]
    public void An_og_title_that_ends_as_the_title_tag_does_still_has_the_sites_name()
    {
        AssertTitle($"<html><head><title>The 10 best home improvement projects | RenoFi | RenoFi</title><meta property=\"og:title\" content=\"The 10 best home improvement projects | RenoFi\"><meta property=\"og:site_name\" content=\"RenoFi\"></head><body><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "meta:og:title", "The 10 best home improvement projects");
    }

    [Fact]
    public void An_og_title_that_the_title_tag_continues_with_a_sites_name_keeps_its_own_dash()
    {
        // Without the title tag beside it, "Würde des Lebens – ein Projekt" reads as a title and a short label.
        AssertTitle($"<html><head><title>Würde des Lebens – ein Projekt | Große Fragen</title><meta property=\"og:title\" content=\"Würde des Lebens – ein Projekt\"></head><body><article><p>{Para1}</p><p>{Para2}</p></article></body></html>", "meta:og:title", "Würde des Lebens – ein Projekt");
    }

    [Theory]
    [InlineData("<title>Alles Neue mach der Mai | Bibliothek 2.0 und mehr</title>", "<h2>Alles Neue mach der Mai</h2>", "html:h2", "Alles Neue mach der Mai")]
    [InlineData("<meta property=\"og:title\" content=\"Vessel Returning To Puerto Rico With Cocaine\">", "<h2>Vessel Returning to Puerto Rico With Cocaine</h2>", "html:h2", "Vessel Returning to Puerto Rico With Cocaine")]
    [InlineData("<meta property=\"og:title\" content=\"Jens Weber, architect\">", "<h2>[&gt; Jens Weber, architect</h2>", "meta:og:title", "Jens Weber, architect")]
    public void Without_an_h1_a_subheading_with_the_stated_titles_words_gives_the_title_as_the_page_shows_it(string head, string heading, string source, string title)
    {
        AssertTitle($"<html><head>{head}</head><body><article>{heading}<p>{Para1}</p><p>{Para2}</p></article></body></html>", source, title);
    }

    [Theory]
    [InlineData("Small is the new large", "Small adventures with small language models", "Small adventures with small language models - Engora Data Blog", "html:h3", "Small adventures with small language models")]
    [InlineData("Parallels Desktop 15 for Mac", "Run Windows on Mac", "Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac", "html:h1", "Parallels Desktop 15 for Mac")]
    public void An_h1_the_title_tags_do_not_repeat_gives_way_to_a_subheading_they_do(string h1, string h3, string titleTag, string source, string title)
    {
        AssertTitle($"<html><head><title>{titleTag}</title></head><body><article><h3>{h3}</h3><p>{Para1}</p><h1>{h1}</h1><p>{Para2}</p></article></body></html>", source, title);
    }

    [Theory]
    [InlineData("TIPS FOR ONLINE SUCCESS", "Tips for Online Success", "html:title", "Tips for Online Success")]
    [InlineData("BEST DRIP COFFEE MAKER IN 2026: TIPS FROM PROS", "Best Drip Coffee Maker 2026: Tips From Pros", "html:title", "Best Drip Coffee Maker 2026: Tips From Pros")]
    [InlineData("Tips for online success", "Tips for Online Success", "html:h1", "Tips for online success")]
    public void An_h1_in_capitals_gives_way_to_the_title_tags_words_as_written(string h1, string titleTag, string source, string title)
    {
        var html = $"<html><head><title>{titleTag} - Harbour Times</title><meta property=\"og:site_name\" content=\"Harbour Times\"></head><body><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        AssertTitle(html, source, title);
    }

    [Theory]
    [InlineData("Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst", "Critics’ Choice: Best UK Art Exhibitions 2025")]
    [InlineData("Artlyst reviews the best UK art exhibitions of 2025", "Artlyst reviews the best UK art exhibitions of 2025")]
    public void An_h1_ending_in_the_outlets_name_is_the_title_without_it(string h1, string title)
    {
        var html = $"<html><head><title>{h1} - Artlyst</title><meta property=\"og:site_name\" content=\"Artlyst\"></head><body><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        AssertTitle(html, "html:h1", title);
    }

    [Theory]
    [InlineData("Readers Find Solutions (Including", "Readers Find Solutions (Including One Universal Trick) - Emily Henderson", "html:title", "Readers Find Solutions (Including One Universal Trick)")]
    [InlineData("Senador califica a Biden de ", "Senador califica a Biden de \"incapacitado\"", "html:title", "Senador califica a Biden de \"incapacitado\"")]
    [InlineData("Learn web development", "Learn web development | web.dev", "json-ld:headline", "Learn web development")]
    public void A_stated_title_that_a_later_one_continues_was_cut_short(string headline, string titleTag, string source, string title)
    {
        var ld = $"<script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"{headline.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}</script>";
        var html = $"<html><head><title>{System.Net.WebUtility.HtmlEncode(titleTag)}</title>{ld}</head><body><article><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        AssertTitle(html, source, title);
    }

    [Fact]
    public void A_post_held_in_a_template_script_inside_the_article_body_is_read_but_other_templates_are_not()
    {
        // Blogger writes the post as a text/template script that a script renders where it stands.
        var html = $"<html><body><h2>Bridge to be rebuilt soon</h2><div class='post-body'><div class='post-content' itemprop='articleBody'>\n<script type='text/template'><p>{Para1}</p><p>{Para2}</p></script></div></div>"
            + "<div class='widget'><script type='text/template'><p>Template for a comment form that the reader never sees as text on the page at all.</p></script></div></body></html>";
        AssertBodyWithout(html, "comment form");
    }

    /// <summary>The page's body is the article's two paragraphs, and <paramref name="left"/> is not in it.</summary>
    private static void AssertBodyWithout(string html, string left)
    {
        var a = Extract(html);
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para2, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(left, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_a_page_prints_twice_is_kept_once_and_the_repeat_recorded()
    {
        // A slider prints its slides twice (one copy for the loop); the article has the quote once.
        const string quote = "The best teaching podcast ever, thank you for making science easy to understand.";
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><div class=\"slides\"><p>{quote}</p><p>{Para3}</p><p>{quote}</p></div></article></body></html>";
        var a = Extract(html);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(a.Text, System.Text.RegularExpressions.Regex.Escape(quote)));
        AssertRemovedAs(a, quote, "repeated text");
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GAME CHANGER | Newegg.com", "https://promotions.newegg.com/zotac/index.html", "GAME CHANGER")]
    [InlineData("Was ist Freie Software - MyOOS Community Forum", "https://foren.myoos.de/viewtopic.php?t=167", "Was ist Freie Software")]
    [InlineData("Bridge to be rebuilt - Harbour Notes - Example News", "https://www.example.co.uk/bridge", "Bridge to be rebuilt")]
    public void A_title_tag_part_naming_the_sites_host_is_dropped_when_no_outlet_is_named(string titleTag, string url, string title)
    {
        var html = $"<html><head><title>{titleTag}</title></head><body><article><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, url);
        Assert.Equal(title, a.Title?.Value);
        Assert.Equal("html:title", a.Title?.Source);
    }

    [Theory]
    [InlineData("de", "2021-11-04T23:00Z", 2021, 11, 5)]
    [InlineData("de-DE", "2019-10-18T22:04:00+00:00", 2019, 10, 19)]
    [InlineData("de", "2019-10-18T21:04:00Z", 2019, 10, 18)]
    [InlineData("en", "2021-11-04T23:00Z", 2021, 11, 4)]
    [InlineData("de", "2021-11-04T23:00:00-05:00", 2021, 11, 4)]
    public void A_utc_stamp_on_a_central_european_page_is_read_as_the_pages_own_day(string lang, string stamp, int y, int m, int d)
    {
        // Midnight in Berlin is 23:00 UTC in winter and 22:00 UTC in summer; a stamp with its own offset is kept.
        var html = $"<html lang=\"{lang}\"><head><meta property=\"article:published_time\" content=\"{stamp}\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("https://www.example.com.ar/politica/bridge", "2022-05-04T00:53:29Z", 2022, 5, 3)]
    [InlineData("https://example.com.bo/santa-cruz/bridge", "Wed, 04 May 2022 02:41:00 GMT", 2022, 5, 3)]
    [InlineData("https://example.com.bo/santa-cruz/bridge", "2022-05-04T02:41:00-01:00", 2022, 5, 4)]
    [InlineData("https://example.com/santa-cruz/bridge", "Wed, 04 May 2022 02:41:00 GMT", 2022, 5, 4)]
    public void A_utc_stamp_on_a_latin_american_site_is_read_as_that_countrys_day(string url, string stamp, int y, int m, int d)
    {
        var html = $"<html lang=\"es\"><head><meta property=\"article:published_time\" content=\"{stamp}\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, url);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Fact]
    public void A_time_in_a_list_after_the_article_is_not_its_stamp()
    {
        // Published and modified the same day, which alone lets a visible stamp before the body win; the only
        // <time> on the page dates a teaser under the article.
        var head = "<meta property=\"article:published_time\" content=\"2025-12-15T07:15:00+00:00\"><script type=\"application/ld+json\">{\"@type\":\"Article\",\"dateModified\":\"2025-12-15T17:03:34+00:00\"}</script>";
        var html = $"<html><head>{head}</head><body><div><div><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></article>"
            + "<ul class=\"more\"><li><a href=\"/x\">Ferry timetable changes this summer</a> <time datetime=\"2025-11-13T07:45:00+00:00\">13 November 2025</time></li></ul></div></div></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal(new DateTime(2025, 12, 15), a.Date!.Value.Date);
    }

    [Fact]
    public void A_date_in_the_body_is_not_the_publication_date_but_the_url_date_is_used()
    {
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1} The last repair was on 12 January 2019.</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://news.example.org/2024/03/05/bridge");
        Assert.Equal("url", a.Date?.Source);
        Assert.Equal(new DateTime(2024, 3, 5), a.Date!.Value.Date);

        var noUrl = Extract(html, "https://news.example.org/bridge");
        Assert.Null(noUrl.Date);
    }

    [Theory]
    [InlineData("", "", "<footer><p><time datetime=\"2025-12-18T22:37:57Z\">18th Dec 2025</time></p></footer>", "html:time:page", 2025, 12, 18)]
    [InlineData("<div class=\"meta\"><span>13.01.2022</span></div>", "", "", "text:stamp", 2022, 1, 13)]
    [InlineData("<span class=\"post-comment\">0 Kommentare</span><span property=\"schema:dateCreated\" content=\"2022-01-28T12:45:46+00:00\"></span>", "", "", "html:stamp", 2022, 1, 28)]
    [InlineData("<span class=\"updated\" title=\"2013-04-04T18:52:11+00:00\"></span>", "", "", "html:stamp", 2013, 4, 4)]
    [InlineData("", "<p>29.11.2022 – Mehrfach und vehement hatte die Branche vor den Folgen gewarnt, doch die Regierung blieb bei ihrem Kurs, und die Betriebe warten weiter.</p>", "", "text:stamp", 2022, 11, 29)]
    public void When_nothing_states_the_date_the_pages_first_stamp_of_its_own_is_used(string top, string first, string after, string source, int y, int m, int d)
    {
        // The stamp is far from the headline (above a long menu, or in the footer), or opens the first paragraph.
        var html = $"<html><body><header>{top}<nav><ul>{MenuItems(15)}</ul></nav></header><div><div><article><h1>Bridge to be rebuilt soon</h1>{first}<p>{Para1} The last repair was on 12 January 2019.</p><p>{Para2}</p><p>{Para3}</p></article></div></div>{after}</body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("https://www.example.com/blog/2023/october/03/how-many-wine-types", 2023, 10, 3)]
    [InlineData("https://www.example.com/blog/2023/10/03/how-many-wine-types", 2023, 10, 3)]
    [InlineData("https://www.example.com/blog/2023/notes/03/how-many-wine-types", 0, 0, 0)]
    public void A_url_date_may_name_its_month(string url, int y, int m, int d)
    {
        var date = HtmlDates.FromUrl(url);
        Assert.Equal(y == 0 ? null : new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), date);
    }

    [Theory]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("Von Heike Buchter | 16.10.2019", "Heike Buchter")]
    [InlineData("Jane Doe, Staff Writer", "Jane Doe, Staff Writer")]
    [InlineData("Rachel MacDonald Writer", "Rachel MacDonald")]
    [InlineData("Liz Kenny Former McKinsey Consultant", "Liz Kenny")]
    [InlineData("SFist Contributor", "SFist Contributor")]
    [InlineData("3 Hours Ago Josh Constine", null)]
    [InlineData("Share on Twitter", null)]
    [InlineData("By", null)]
    [InlineData("jane@example.org", null)]
    [InlineData("By Jane Doe December 3, 2024", "Jane Doe")]
    [InlineData("\"Jane Doe\"", "Jane Doe")]
    [InlineData("Erstellt von Andri Bryner", "Andri Bryner")]
    [InlineData("Eingestellt von der Michel", "der Michel")]
    [InlineData("Publié par Matthieu Hy", "Matthieu Hy")]
    public void Bylines_give_names_only(string text, string? expected)
    {
        Assert.Equal(expected, HtmlMetadata.CleanAuthor(text));
    }

    [Fact]
    public void A_page_without_body_text_gives_an_empty_article_with_a_reason()
    {
        var a = Extract("<html><head><title>Nothing here</title></head><body></body></html>");
        Assert.Equal("", a.Text);
        Assert.Contains(a.Notes, n => n.Contains("no visible text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_frameset_gives_an_empty_article_with_a_reason()
    {
        var a = Extract("<html><head><title>Frames</title></head><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>");
        Assert.Equal("", a.Text);
        Assert.Contains(a.Notes, n => n.Contains("frameset", StringComparison.Ordinal));
    }

    [Fact]
    public void Binary_bytes_served_as_html_give_an_empty_article_with_a_reason()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        var a = Extract(Encoding.Latin1.GetString(bytes));
        Assert.Equal("", a.Text);
        Assert.Contains(a.Notes, n => n.Contains("binary", StringComparison.Ordinal));
    }

    [Fact]
    public void An_oversized_page_is_refused_with_a_reason()
    {
        var huge = "<html><body><p>" + new string('a', HtmlPageExtractor.MaxPageChars) + "</p></body></html>";
        var a = Extract(huge);
        Assert.Equal("", a.Text);
        Assert.Contains(a.Notes, n => n.Contains("limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_thousand_nesting_levels_do_not_crash_and_the_text_is_still_found()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("<p>").Append(Para1).Append("</p><p>").Append(Para2).Append("</p>");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("</div>");
        }

        sb.Append("</body></html>");
        var a = Extract(sb.ToString());
        Assert.Contains("harbour bridge", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var html = Page(ArticleHtml);
        Assert.Equal(Extract(html).Text, Extract(html).Text);
        Assert.Equal(Extract(html).Id, Extract(html).Id);
    }

    [Fact]
    public void Teasers_under_a_read_next_heading_end_the_article_but_a_linkless_section_of_that_name_stays()
    {
        const string Teaser = "A long teaser that sums up another story of the site in two full sentences, so that it looks like a paragraph. It links to that story.";
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"""<p><a href="/story-{i}">Other story number {i} in the harbour series</a></p><p>{Teaser}</p>"""));
        var withTeasers = Extract(Page($"""<div class="content"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para1}</p><h3>Read this next</h3>{teasers}</div>"""));
        Assert.Contains(Para3, withTeasers.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("teaser", withTeasers.Text, StringComparison.Ordinal);
        Assert.Equal("after the article's end", withTeasers.Removed.First(b => b.Text == "Read this next").Reason);

        // The author's own reading list, without links, is part of the article.
        const string Reading = "The council's report on the pillars, published last autumn, explains the damage in detail and is worth reading in full.";
        var withSection = Extract(Page($"""<div class="content"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><h3>Recommended reading</h3><p>{Reading}</p></div>"""));
        Assert.Contains("Recommended reading", withSection.Text, StringComparison.Ordinal);
        Assert.Contains(Reading, withSection.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_split_by_a_table_and_a_link_box_is_kept_whole_not_only_its_longest_paragraph()
    {
        var longPara = string.Join(' ', Para1, Para2, Para3);
        var links = string.Concat(Enumerable.Range(1, 12).Select(i => $"""<li><a href="/topic-{i}">Harbour topic page number {i} of the archive</a></li>"""));
        var cells = string.Concat(Enumerable.Range(1, 6).Select(i => $"<tr><td>Pillar {i}</td><td>{i * 3} metres</td></tr>"));
        const string Later = "The committee will publish a timetable for the closure of the approach roads once the contract has been signed next month.";
        const string Last = "Engineers said the new bridge would carry two lanes of traffic and a cycle path, and would be built to withstand far stronger storms.";
        var a = Extract(Page($"""<div class="wiki-text"><p>{longPara}</p><table>{cells}</table><ul class="linkbox">{links}</ul><p>{Later}</p><p>{Last}</p></div>"""));
        Assert.Contains(longPara, a.Text, StringComparison.Ordinal);
        Assert.Contains(Later, a.Text, StringComparison.Ordinal);
        Assert.Contains(Last, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour topic page", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_teaser_paragraph_and_an_article_header_intro_are_the_article_but_a_teaser_list_is_not()
    {
        const string Intro = "The harbour bridge will be rebuilt within two years, the council decided after a long debate about the cost of the work.";
        var html = Page($"""
            <article>
              <header class="entry-header"><h1>Bridge to be rebuilt</h1><p class="intro">{Intro}</p></header>
              <p class="article-teaser">Residents had waited since the storm for a decision on the closed crossing over the river.</p>
              <p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>
              <div class="teaser-list"><p><a href="/x">Ferry timetable changes this summer</a> New boats and later sailings for the evening commuters.</p><p><a href="/y">Council elects new mayor after long count</a> The count went on until dawn at the town hall.</p></div>
            </article>
            """);
        var a = Extract(html);
        Assert.Contains(Intro, a.Text, StringComparison.Ordinal);
        Assert.Contains("Residents had waited since the storm", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry timetable", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bem_modifier_naming_what_a_section_holds_is_not_a_boilerplate_cue()
    {
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><section class="report__section report__section--has-ads"><p>{Para1}</p></section><section class="report__section"><p>{Para2}</p><p>{Para3}</p></section></article>"""));
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_streamed_in_a_hidden_react_segment_is_read_but_other_hidden_text_is_not()
    {
        var html = Page($"""
            <div id="placeholder"><p>Loading…</p></div>
            <div hidden id="S:0"><article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p></article></div>
            <div hidden><p>This hidden panel explains the site's search filters and is never shown to a reader of the article at all.</p></div>
            """);
        AssertBodyWithout(html, "search filters");
    }

    [Fact]
    public void The_folded_panels_of_an_accordion_in_the_article_are_read_but_other_hidden_text_is_not()
    {
        const string Step = "Once the permits are granted, engineers survey the eastern pillars and the contractor orders the steel for the new deck.";
        const string Works = "The old deck comes off in sections over the summer, and the new one is lifted into place from barges in the harbour.";
        var a = Extract(Page($"""
            <article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p>
            <div class="steps-accordion"><h3>Step 1: permits</h3><div id="step_0_content" style="display: none"><p>{Step}</p></div></div>
            <div class="chakra-collapse" style="display:none"><p>{Para3}</p></div>
            <div class="box"><h3>Step 2: works</h3><div id="collapse-step-2" style="display:none"><p>{Works}</p></div></div>
            <div hidden><p>This hidden panel explains the site's search filters and is never shown to a reader of the article at all.</p></div>
            </article>
            """));
        Assert.Contains(Step, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.Contains(Works, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("search filters", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_with_a_long_comment_thread_inside_it_is_kept_whole()
    {
        const string Comment = "I have crossed that bridge twice a day for thirty years and I still cannot believe how long the council took to decide anything about it.";
        var comments = string.Concat(Enumerable.Range(1, 8).Select(i => $"""<li class="comment"><p>{Comment} ({i})</p></li>"""));
        const string Short1 = "The committee meets again in May to choose a builder.";
        const string Short2 = "Ferries will run every half hour until the work is done.";
        var a = Extract(Page($"""<div class="postarea"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Short1}</p><p>{Short2}</p><ol class="comment-list">{comments}</ol></div>"""));
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.Contains(Short2, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("thirty years", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mehr zu Brücken")]
    [InlineData("Neueste Artikel")]
    [InlineData("Leia também")]
    [InlineData("Articoli correlati")]
    public void Headings_over_other_pages_in_other_languages_end_the_article(string heading)
    {
        const string Teaser = "Ein Anriss eines anderen Artikels der Seite, der fast so lang ist wie ein richtiger Absatz des Textes.";
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"""<p><a href="/story-{i}">Anderer Artikel Nummer {i} aus der Serie</a></p><p>{Teaser}</p>"""));
        var a = Extract(Page($"""<div class="content"><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para1}</p><h3>{heading}</h3>{teasers}</div>"""));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anriss", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_by_line_under_the_headline_gives_the_author_when_no_markup_names_one()
    {
        var a = ExtractArticle("By Jane Doe", Para1, Para2, Para3);
        Assert.Equal("Jane Doe", a.Byline?.Value);
        Assert.Equal("text:byline", a.Byline?.Source);

        // A line that does not start with "by" is not taken for a byline.
        var b = ExtractArticle("Harbour Desk", Para1, Para2);
        Assert.Null(b.Byline);
    }

    [Fact]
    public void A_related_box_inside_the_article_ends_only_that_box()
    {
        const string After = "Talks between the council and the builders are due to resume at the town hall on Friday morning.";
        var a = Extract($"""
            <html><body><article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>
            <aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Council elects new mayor after long count</a></li><li><a href="/b">Ferry timetable changes this summer</a></li></ul></aside>
            <p>{After}</p></article></body></html>
            """);
        Assert.Contains(After, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry timetable", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_of_prose_under_a_menu_or_paywall_class_are_the_article_but_the_menus_promotions_are_not()
    {
        const string Promo = "Save big during the spring sale when you open a new account with us this month, terms apply";
        var menu = string.Concat(Enumerable.Range(1, 8).Select(i => $"""<li><a href="/loans/{i}">Personal loans and credit cards</a><p>{Promo} ({i}).</p></li>"""));
        string[] more =
        [
            "Engineers said the new deck would be wider than the old one, with a separate lane for bicycles and a footpath on each side of the river crossing.",
            "The council has set aside money for the first year of work and will ask the regional government to pay for the rest once a builder is chosen next year.",
            "Shop owners on the eastern bank said they hoped the reopening would bring back the weekend visitors who stopped coming when the bridge was closed last winter.",
        ];
        var prose = string.Concat(new[] { Para1, Para2, Para3 }.Concat(more).Select(p => $"<p>{p}</p>"));

        // Other article-like text on the page, so that the article holds less than half of it.
        var side = string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>The harbour museum opens a new exhibition about the port's history and its ships this weekend, part {i}.</p>"));
        foreach (var cls in new[] { "content-nav-section", "entry steady-paywall-container" })
        {
            var a = Extract(Page($"""<div class="mega-menu"><ul>{menu}</ul></div><h1>Bridge to be rebuilt</h1><div class="{cls}">{prose}</div><aside>{side}</aside>"""));
            Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
            Assert.Contains(more[2], a.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Save big", a.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ruby_annotations_over_japanese_words_are_not_read_into_the_text()
    {
        const string Line = "子供への虐待をなくすための法律ができて、親が子供を教育するために体罰を禁止することになりました。";
        var html = $"""<html><body><article><h1>法律</h1><p><ruby>子供<rp>(</rp><rt>こども</rt><rp>)</rp></ruby>への<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができて、親が子供を教育するために体罰を禁止することになりました。</p><p>{Para1}</p></article></body></html>""";
        var a = Extract(html);
        Assert.Contains(Line, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("こども", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_tag_inside_a_noscript_does_not_hide_the_page()
    {
        var a = Extract($"""<html><body><noscript><div id="no-js"></noscript><div id="page"><article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p></article></div></body></html>""");
        Assert.Contains(Para2, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_follows_the_articles_text_container_is_the_pages_but_a_table_there_is_the_articles()
    {
        string[] more =
        [
            "Engineers said the new deck would be wider than the old one, with a separate lane for bicycles and a footpath on each side of the river crossing.",
            "The council has set aside money for the first year of work and will ask the regional government to pay for the rest once a builder is chosen next year.",
            "Shop owners on the eastern bank said they hoped the reopening would bring back the weekend visitors who stopped coming when the bridge was closed last winter.",
        ];
        var prose = string.Concat(new[] { Para1, Para2, Para3 }.Concat(more).Select(p => $"<p>{p}</p>"));
        const string Appeal = "If you value our reporting, please support independent local journalism with a monthly gift today.";
        var a = Extract(Page($"""
            <div class="postarea"><h1>Bridge to be rebuilt</h1><div class="text">{prose}</div>
            <table><tr><td>Cost of the works</td><td>40 million</td></tr></table>
            <div class="appeal"><h3>Support us</h3><p>{Appeal}</p></div></div>
            """));
        Assert.Contains(more[2], a.Text, StringComparison.Ordinal);
        Assert.Contains("Cost of the works", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("please support", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Support us", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_follows_an_element_named_as_the_articles_body_that_holds_half_its_text_is_the_pages()
    {
        // The sections after the post are prose too, so the named body holds only about half the text: its name says where the article ends.
        const string Offer = "Our team of advisers has helped hundreds of towns plan, fund and build new river crossings on time.";
        const string Call = "Call our office today for a free first consultation about the bridges and roads in your own town.";
        var a = Extract(Page($"""
            <div class="layout"><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <div class="section"><h2>Why choose us</h2><p>{Offer}</p></div><div class="section"><h2>Contact us</h2><p>{Call}</p></div></div>
            """));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why choose us", a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Offer, "after the article's end");
        AssertRemovedAs(a, Call, "after the article's end");
    }

    [Fact]
    public void A_lead_paragraph_in_the_articles_header_is_its_standfirst_but_an_excerpt_the_body_opens_with_is_not()
    {
        const string Lead = "The old harbour bridge will be rebuilt after all: the council found the money, and the work starts in spring.";
        var body = $"""<div class="article-body"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>""";
        var a = Extract(Page($"""<header class="entry"><h1>Bridge to be rebuilt</h1><p class="intro">{Lead}</p><figure><figcaption>The bridge in 1998.</figcaption></figure><p>5 March 2024</p></header>{body}"""));
        Assert.StartsWith(Lead + Article.ParagraphSeparator + Para1, a.Text, StringComparison.Ordinal);
        Assert.Equal(BlockRole.Standfirst, a.Paragraphs[0].Role);
        Assert.DoesNotContain("1998", a.Text, StringComparison.Ordinal);

        // Set as a subheadline, with a share bar between it and the body.
        var shares = string.Concat(Enumerable.Range(1, 8).Select(i => $"""<li><a href="/share/{i}">Share {i}</a></li>"""));
        var c = Extract(Page($"""<div><h1>Bridge to be rebuilt</h1><h2 class="article-lead">{Lead}</h2></div><ul class="share-bar">{shares}</ul>{body}"""));
        Assert.StartsWith(Lead + Article.ParagraphSeparator + Para1, c.Text, StringComparison.Ordinal);

        var excerpt = Para1[..90] + "…";
        var b = Extract(Page($"""<header class="entry"><h1>Bridge to be rebuilt</h1><p class="intro">{excerpt}</p></header>{body}"""));
        Assert.StartsWith(Para1, b.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_sentence_made_mostly_of_links_inside_the_article_is_kept_but_a_linked_teaser_is_not()
    {
        const string Thanks = """Thanks to <a href="/a">Jane Doe of the harbour office</a>, <a href="/b">John Roe of the ferry company</a> and <a href="/c">the transport committee</a> for their help.""";
        const string Teaser = """<a href="/d">Council elects new mayor after a long count in the town hall</a> and more""";
        var a = ExtractArticle(Para1, Para2, Thanks, Teaser, Para3);
        Assert.Contains("Thanks to Jane Doe of the harbour office, John Roe of the ferry company and the transport committee for their help.", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Council elects", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_linked_to_another_site_or_to_itself_is_kept_but_a_teasers_headline_linked_to_this_site_is_not()
    {
        var a = ExtractArticle(
            Para1,
            """</p><h2><a href="https://ferries.example.com/">1. Harbour Ferry Company</a></h2><p>""" + Para2,
            """</p><h2><a href="#costs">2. What the works will cost</a></h2><p>""" + Para3,
            """</p><h3><a href="https://www.news.example.org/2024/03/01/mayor">Council elects new mayor after long count</a></h3><p>""" + Para4);
        Assert.Contains("1. Harbour Ferry Company", a.Text, StringComparison.Ordinal);
        Assert.Contains("2. What the works will cost", a.Text, StringComparison.Ordinal);
        Assert.Contains(Para4, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Council elects new mayor after long count", "mostly links");
    }

    [Fact]
    public void A_list_item_linked_to_another_site_is_kept_but_one_linked_to_this_site_or_to_a_section_here_is_not()
    {
        const string List = """
            </p><ul><li><a href="https://ferries.example.com/timetable">Harbour Ferry Company timetable</a></li>
            <li><a href="/2024/03/01/mayor">Council elects new mayor after long count</a></li>
            <li><a href="#costs">What the works will cost</a></li></ul><p>
            """;
        var a = ExtractArticle(Para1, Para2 + List + Para3, Para4);
        Assert.Contains("Harbour Ferry Company timetable", a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Council elects new mayor after long count", "mostly links");
        AssertRemovedAs(a, "What the works will cost", "mostly links");
    }

    [Fact]
    public void A_heading_classed_as_a_header_inside_the_article_is_its_heading_but_a_header_box_is_the_sites()
    {
        var a = Extract(Page($"""
            <div class="header"><p>The town's paper since 1888</p></div>
            <article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><h2 class="section-header">What the works will cost</h2><p>{Para2}</p><p>{Para3}</p></article>
            """));
        Assert.Contains("What the works will cost" + Article.ParagraphSeparator + Para2, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "The town's paper since 1888", "page header");
    }

    [Fact]
    public void A_headings_id_made_of_its_own_words_is_not_a_cue_but_its_class_is()
    {
        var a = ExtractArticle(
            Para1,
            """</p><h2 id="how-the-town-will-share-the-cost">How the town will share the cost</h2><p>""" + Para2,
            """</p><h3 class="share-title">Share this article</h3><p>""" + Para3);
        Assert.Contains("How the town will share the cost" + Article.ParagraphSeparator + Para2, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Share this article", "share widget");
    }

    [Fact]
    public void A_call_to_action_box_and_a_disclaimer_inside_the_article_are_the_sites()
    {
        const string Offer = "Planning works of your own? Our engineers will plan, fund and build your next river crossing on time.";
        const string Legal = "This article is for information only and is not legal, tax or engineering advice for any reader.";
        var a = ExtractArticle(Para1, Para2 + $"""</p><div class="post-cta"><p>{Offer}</p></div><p>""" + Para3, Para4 + $"""</p><div class="article-disclaimer"><p>{Legal}</p></div><p>""");
        Assert.Contains(Para4, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Offer, "call to action");
        AssertRemovedAs(a, Legal, "disclaimer");
    }

    [Fact]
    public void A_box_of_prose_set_aside_inside_the_article_is_kept_but_a_box_of_links_is_not()
    {
        const string Box = "Key facts: the bridge was built in 1898, carried twelve thousand vehicles a day before the storm, and is the only road crossing for twenty miles in either direction.";
        var links = """<aside><h3>Read more</h3><ul><li><a href="/a">Council elects new mayor after long count</a></li><li><a href="/b">Ferry timetable changes this summer</a></li></ul></aside>""";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><aside class="callout"><p>{Box}</p></aside><p>{Para2}</p>{links}<p>{Para3}</p></article>"""));
        Assert.Contains(Box, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry timetable", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Updated: 11.04.2020, 10:27", true)]
    [InlineData("asked Feb 6, 2014 at 20:37", true)]
    [InlineData("16 marca 2021", true)]
    [InlineData("4 min read", true)]
    [InlineData("Termin: 29.02.2020, 19 Uhr", false)]
    [InlineData("+81 158-23-2012", false)]
    [InlineData("3. MODEX 2026", false)]
    [InlineData("The council met on 5 March 2024.", false)]
    public void A_date_or_time_stamp_line_is_told_from_a_line_that_gives_a_date(string line, bool stamp) =>
        Assert.Equal(stamp, ContentScorer.IsStampLine(line));

    [Fact]
    public void A_stamp_line_in_the_article_is_removed_with_its_reason()
    {
        var a = ExtractArticle("Updated: 11.04.2024, 10:27", Para1, Para2, "Meeting: 29.04.2024, 19:00", Para3);
        Assert.DoesNotContain("Updated", a.Text, StringComparison.Ordinal);
        Assert.Contains("Meeting: 29.04.2024, 19:00", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Removed, b => b.Text.StartsWith("Updated", StringComparison.Ordinal) && b.Reason == "byline or date");
    }

    [Fact]
    public void A_closing_appeal_of_the_site_is_removed_but_the_same_words_early_in_the_article_are_kept()
    {
        const string Early = "Readers who subscribe to the council's newsletter were told first.";
        const string Appeal = "Subscribe now to our print edition for the full story, and follow us on Instagram.";
        var a = ExtractArticle(Early, Para1, Para2, Para3, Para4, Para5, Appeal);
        Assert.Contains(Early, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para5, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe now", a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Appeal, "site appeal");
    }

    [Theory]
    [InlineData("Was this article helpful? Let us know below.")]
    [InlineData("Kommentare sind geschlossen.")]
    [InlineData("If you believe stories like this one matter, please consider pitching in what you can.")]
    [InlineData("Support the Harbour Times! Become a Patron, or buy our mugs in the shop.")]
    [InlineData("Sie müssen sich einloggen, um einen Kommentar zu schreiben.")]
    public void Closing_questions_and_comment_notices_are_the_sites(string line)
    {
        var a = ExtractArticle(Para1, Para2, Para3, Para4, Para5, line);
        Assert.Contains(Para5, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, line, "site appeal");
    }

    [Fact]
    public void The_prose_under_an_about_the_author_heading_ends_the_article()
    {
        const string Bio = "Jane Doe has written about the harbour, its ferries and its bridges for the paper since 2009, and lives in the old town.";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><h3>About the author</h3><p>{Bio}</p></article>"""));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("About the author", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bio, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Titelbild: Jane Doe")]
    [InlineData("Photo credit: Harbour Times archive")]
    [InlineData("Jane Doe / Getty Images")]
    [InlineData("Getty Images / Jane Doe")]
    [InlineData("Harbourimages via Getty Images")]
    [InlineData("Courtesy of the brand")]
    [InlineData("Image provided by Harbour Ferries.")]
    [InlineData("Source: Harbour Transport Committee")]
    [InlineData("Quelle: Deutscher Fährverband (DFV), 2. Februar 2024")]
    public void A_picture_credit_on_a_line_of_its_own_is_removed_as_a_caption(string line)
    {
        var a = ExtractArticle(Para1, line, Para2, Para3, "The photo credit: a line in the text that names no picture stays.");
        Assert.Contains(Para2, a.Text, StringComparison.Ordinal);
        Assert.Contains("a line in the text", a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, line, "caption");
    }

    [Theory]
    [InlineData("This post contains affiliate links. We may earn a commission when you buy through them.")]
    [InlineData("*Werbung. Dieser Beitrag enthält Werbung für eine Fähre.")]
    [InlineData("Never miss the latest news by signing up to our newsletter today!")]
    [InlineData("Wir respektieren deine Privatsphäre und verwenden Cookies nur mit deiner Zustimmung.")]
    [InlineData("Purchases made through links earn us a small commission, at no extra cost to you.")]
    [InlineData("We are a reader-supported website and do not accept payment from the ferry companies.")]
    [InlineData("Die mit Sternchen gekennzeichneten Links sind sogenannte »Affiliate-Links«.")]
    [InlineData("Love ferries? Our weekly harbour newsletter has the timetables, delivered right to your inbox.")]
    [InlineData("By signing up, you agree to receive recurring automated text messages from Harbour Deals.")]
    [InlineData("Join our mailing list! Get a newsletter when an episode is published.")]
    [InlineData("Do you want to be informed of the ferry's new times? Sign up here")]
    [InlineData("To view the full story, please subscribe to the Harbour Times.")]
    public void An_advertising_disclosure_or_a_paywall_prompt_is_removed_wherever_it_stands(string line)
    {
        const string AboutAffiliates = "Shops on the bridge plan to implement affiliate links and discount codes to win back customers lost to the closure.";
        var a = ExtractArticle(line, Para1, AboutAffiliates, Para2, Para3);
        Assert.Contains(AboutAffiliates, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, line, "advertising or paywall notice");
    }

    [Fact]
    public void An_advertising_disclosure_in_the_articles_header_is_not_its_standfirst()
    {
        const string Lead = "The old harbour bridge will be rebuilt after all: the council found the money, and the work starts in spring.";
        const string Disclosure = "Every product here was chosen by our editors. We may earn a commission when you buy through our links.";
        var body = $"""<div class="article-body"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p><p>{Para5}</p></div>""";
        var a = Extract(Page($"""<header class="entry"><h1>Bridge to be rebuilt</h1><p class="intro">{Lead}</p><p>{Disclosure}</p><figure><figcaption>The bridge in 1998.</figcaption></figure></header>{body}"""));
        Assert.StartsWith(Lead + Article.ParagraphSeparator + Para1, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Disclosure, "advertising or paywall notice");
    }

    [Fact]
    public void A_closing_biography_of_the_author_is_removed_but_a_person_introduced_in_the_story_is_kept()
    {
        const string Early = "Jane Roe is a structural engineer who inspected the pillars after the storm and wrote the council's report.";
        const string Bio = "John Doe is a freelance writer living in the old town, who has covered the harbour and its ferries for ten years.";
        var a = ExtractArticle(Para1, Early, Para2, Para3, Para4, Para5, Bio);
        Assert.Contains(Early, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para5, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Bio, "author box");

        // The harbour company closing the text is no person with a trade.
        const string Company = "Harbour Ferries Limited is a company owned by the city, which runs the boats and the piers.";
        Assert.Contains(Company, ExtractArticle(Para1, Para2, Para3, Para4, Para5, Company).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zum Weiterlesen:")]
    [InlineData("Related Coverage")]
    [InlineData("Bild anzeigen")]
    [InlineData("Externer Inhalt")]
    [InlineData("Dieses Skript als PDF herunterladen")]
    [InlineData("Empfehlungen aus der Redaktion")]
    public void A_widgets_label_inside_the_text_is_removed(string label)
    {
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><div class="box">{label}</div><p>{Para3}</p></article>"""));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, label, "widget text");
    }

    [Fact]
    public void The_label_of_other_pages_stays_out_even_when_long_teasers_keep_the_text_going()
    {
        const string Teaser = "The ferry company will add an evening boat from May, after residents asked for a later crossing during the works on the bridge.";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><h3>Related stories you may like</h3><p><a href="/ferry">Evening ferry from May</a></p><p>{Teaser}</p><p>{Para2}</p><p>{Para3}</p></article>"""));
        Assert.Contains(Teaser, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Related stories you may like", "related articles");
    }

    [Fact]
    public void A_heading_over_nothing_but_removed_links_is_removed_with_them()
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"""<li><a href="/trip-{i}">Harbour trip number {i}</a></li>"""));
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><h2>Trips along the coast</h2><ul>{teasers}</ul><h2>Cost and timing</h2><p>{Para2}</p><p>{Para3}</p></article>"""));
        Assert.Contains("Cost and timing", a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Trips along the coast", "heading over links");

        // Links to other sites (the article's sources) are kept, and so is their heading.
        var sources = string.Concat(Enumerable.Range(1, 3).Select(i => $"""<li><a href="https://transport.example.com/report-{i}">Transport report {i}</a></li>"""));
        var withSources = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><h2>Trips along the coast</h2><ul>{sources}</ul><h2>Cost and timing</h2><p>{Para2}</p><p>{Para3}</p></article>"""));
        Assert.Contains("Trips along the coast", withSources.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_that_close_the_text_head_nothing_and_are_removed()
    {
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><h2>Cost and timing</h2><p>{Para2}</p><p>{Para3}</p><h3>Our map of the harbour to save:</h3><h3>What the ferry operators think of the new summer timetable?</h3></article>"""));
        Assert.Contains("Cost and timing", a.Text, StringComparison.Ordinal);
        Assert.EndsWith(Para3, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, "Our map of the harbour to save:", "heading over no text");

        // A heading written as a sentence is text of its own.
        const string Sentence = "The bridge opens again in the autumn of next year.";
        var withSentence = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><h3>{Sentence}</h3></article>"""));
        Assert.EndsWith(Sentence, withSentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_forms_labels_outside_any_comment_box_are_removed_as_comments()
    {
        const string Label = "Your email address will not be published. Required fields are marked *";
        var a = ExtractArticle(Para1, Para2, Para3, Label);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Label, "comments");
    }

    [Fact]
    public void Cards_of_teasers_after_the_article_are_removed_unless_they_stand_in_the_named_text()
    {
        string[] excerpts =
        [
            "When the council closes a road for repairs, it has to publish a plan for the traffic that the closure diverts to other streets nearby.",
            "Ferries on the river have carried more passengers this year than in any year since the old service was first started in the sixties.",
            "The market hall reopens next month after a long refit, with more room for the stalls and a new roof that lets in the daylight.",
            "Cyclists asked the council for a lane of their own on the new bridge, and the transport committee said it would look at the idea.",
        ];
        var cards = string.Concat(excerpts.Select((e, i) =>
            $"<div class=\"card\"><h3><a href=\"/2024/03/story-{i}\">Another story from the harbour number {i}</a></h3><span>March {i + 1}, 2024</span><p>{e}</p></div>"));
        string PageWith(string cls) => $"""
            <html><body><h1>Bridge to be rebuilt</h1>
            <div class="{cls}"><div class="text"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <h2>Latest</h2><div class="grid">{cards}</div></div>
            </body></html>
            """;

        var a = Extract(PageWith("wrap"));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(excerpts[0], a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, excerpts[2], "related articles");

        // A list of such cards inside the element named as the post's text is the author's (a round-up of projects).
        var named = Extract(PageWith("entry-content"));
        Assert.Contains(excerpts[0], named.Text, StringComparison.Ordinal);
        Assert.Contains(Para1, named.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_of_prose_in_a_box_set_aside_in_the_article_is_kept_even_without_a_full_stop()
    {
        const string Note = "A note on the figures: the council counts the cost of the ferry service and the bridge works together, from one budget line";
        const string Second = "The transport committee publishes the line's totals every quarter on its own pages, next to the minutes of each meeting.";
        var a = ExtractArticle(Para1, Para2, $"</p><aside class=\"note\"><p>{Note}</p><p>{Second}</p></aside><p>{Para3}");
        Assert.Contains(Note, a.Text, StringComparison.Ordinal);
        Assert.Contains(Second, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_articles_text_split_into_sibling_elements_of_one_class_is_read_from_all_of_them()
    {
        // An opening of short paragraphs, a table of links, then the longer part of the text in a second element.
        string[] intro = ["Councils publish their lists every spring.", "The lists rank firms by the work they did.", "Most of the firms on them are small.", "A few build bridges and roads.", "This year the list has forty names."];
        const string More = "The firms at the top of the list also employ the most apprentices, and the council says it will ask them to take on more of them next year.";
        var rows = string.Concat(Enumerable.Range(1, 12).Select(i => $"<tr><td><a href=\"/firms/{i}\">Harbour Building Company {i}</a></td></tr>"));
        string PageWith(string introClass, string bodyClass) => $"""
            <html><body><h1>The largest building firms</h1>
            <div class="post"><div class="{introClass}">{string.Concat(intro.Select(p => $"<p>{p}</p>"))}</div>
            <div class="embed"><table>{rows}</table></div>
            <div class="{bodyClass}"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{More}</p></div></div>
            </body></html>
            """;

        var a = Extract(PageWith("rich-text", "rich-text"));
        Assert.Contains(intro[0], a.Text, StringComparison.Ordinal);
        Assert.Contains(More, a.Text, StringComparison.Ordinal);

        // Classes that differ but both name the post's text: an intro block before the body block.
        var named = Extract(PageWith("post-content intro", "post-content w-richtext"));
        Assert.Contains(intro[0], named.Text, StringComparison.Ordinal);
        Assert.Contains(More, named.Text, StringComparison.Ordinal);

        // A sibling of another class is not the article's: here an unnamed box of short lines.
        var other = Extract(PageWith("box", "rich-text"));
        Assert.DoesNotContain(intro[0], other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_of_links_with_words_of_its_own_is_kept_however_it_ends()
    {
        // A reference written out: its title and address are links, its authors and date the writer's own words.
        const string Reference = "Doe, J. and Roe, R. (2023, May), for the harbour trust's annual review: <a href=\"https://example.com/reviews/2023/harbour-bridges-ferries-quays\">Bridges, ferries and quays of the old harbour, 1850 to the present day</a> <a href=\"https://example.com/reviews/2023/harbour-bridges-ferries-quays\">https://example.com/reviews/2023/harbour-bridges-ferries-quays</a>";
        const string Menu = "<a href=\"/news\">News</a> | <a href=\"/sport\">Sport</a> | <a href=\"/weather\">Weather</a> | <a href=\"/opinion\">Opinion and letters</a> | more";
        var a = ExtractArticle(Para1, Para2, Para3, Reference, Menu);
        Assert.Contains("for the harbour trust's annual review", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opinion and letters", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_after_the_element_that_holds_most_of_the_text_is_the_pages_not_the_articles()
    {
        const string More = "The firms at the top of the list also employ the most apprentices, and the council says it will ask them to take on more of them next year.";
        const string Offer = "Our surveyors inspect bridges, quays and harbour walls across the county, with a free quote within a week.";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="text"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{More}</p></div><div class="offer"><p>{Offer}</p></div></article>"""));
        Assert.Contains(More, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Offer, "after the article's end");
    }

    [Fact]
    public void A_disclosure_or_a_biography_in_the_articles_header_is_not_its_standfirst()
    {
        const string Lead = "The harbour bridge will be rebuilt from the spring, the council said on Tuesday, after a winter in which the storm left it closed to traffic.";
        const string Disclosure = "We are a reader-supported website and do not accept payment from manufacturers to promote their products. When you buy through the links on our site we may earn an affiliate commission, at no cost to you, which helps us keep testing gear and writing these guides for our readers every week.";
        const string Bio = "Jane Doe is a freelance writer who has covered transport and the harbour for the Times for ten years, and she lives in the old town.";
        const string FirstNameBio = "Jane is an experienced journalist who has covered transport and the harbour for the Times for ten years, and she lives in the old town.";
        // The header holds the headline, the paragraph under test and a row of topic links; the body is its own element.
        var topics = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/topics/{i}\">Harbour, bridges and the old town, part {i}</a></li>"));
        string PageWith(string header) =>
            Page($"""<div class="post"><div class="head"><h1>Bridge to be rebuilt</h1>{header}<ul>{topics}</ul></div><div class="body"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></div>""");

        Assert.Contains(Lead, Extract(PageWith($"<p>{Lead}</p>")).Text, StringComparison.Ordinal);
        var a = Extract(PageWith($"<p>{Lead}</p><p>{Disclosure}</p>"));
        Assert.DoesNotContain(Disclosure, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bio, Extract(PageWith($"<p>{Bio}</p>")).Text, StringComparison.Ordinal);
        var b = Extract(PageWith($"<p>{FirstNameBio}</p>"));
        Assert.DoesNotContain(FirstNameBio, b.Text, StringComparison.Ordinal);
        Assert.Contains(Para1, b.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Table of Contents")]
    [InlineData("Contents [hide]")]
    [InlineData("In this article")]
    [InlineData("Inhaltsverzeichnis")]
    public void The_label_of_a_table_of_contents_is_removed_with_its_links(string label)
    {
        var toc = $"""<div class="toc"><p>{label}</p><ul><li><a href="#cost">What the bridge will cost</a></li><li><a href="#works">When the works start</a></li></ul></div>""";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{Para1}</p>{toc}<h2 id="cost">What the bridge will cost</h2><p>{Para2}</p><h2 id="works">When the works start</h2><p>{Para3}</p></div></article>"""));
        AssertRemovedAs(a, label, "table of contents");
        Assert.Contains("When the works start", a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbour Desk | 5 min read")]
    [InlineData("On behalf of Doe & Roe LLP | Apr 21, 2017 | Transport")]
    [InlineData("Posted by Jane 21.10.2019")]
    public void A_byline_row_with_a_date_above_the_first_paragraph_is_removed(string row)
    {
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><ul><li>{row}</li></ul><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></article>"""));
        AssertRemovedAs(a, row, "byline or date");
        Assert.StartsWith(Para1, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deadline: 15 March 2024")]
    [InlineData("Weekly report 14 - 20 January 2024")]
    public void A_labelled_date_or_a_dated_heading_above_the_first_paragraph_stays(string line)
    {
        var tag = line.StartsWith("Weekly", StringComparison.Ordinal) ? "h2" : "p";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><{tag}>{line}</{tag}><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></article>"""));
        Assert.Contains(line, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_dates_after_the_first_paragraph_stays()
    {
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{Para1}</p><ul><li>5 March 2024 | vote</li><li>1 May 2025 | works start</li></ul><p>{Para2}</p><p>{Para3}</p></div></article>"""));
        Assert.Contains("1 May 2025 | works start", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_author_box_of_the_simple_author_box_plugin_is_removed()
    {
        const string Bio = "Jane started the Harbour Times in 2010 as a weekend project, before leaving her job at the port to write about the town every day.";
        var box = $"""<div class="saboxplugin-wrap"><div class="saboxplugin-tab"><div class="saboxplugin-desc"><div><p>{Bio}</p></div></div></div></div>""";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>{box}</div></article>"""));
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
        AssertRemovedAs(a, Bio, "author box");
    }

    [Fact]
    public void A_section_headed_with_words_of_a_contents_label_is_kept()
    {
        const string Heading = "Contents of the time capsule";
        var a = Extract(Page($"""<article><h1>Bridge to be rebuilt</h1><div class="entry-content"><p>{Para1}</p><h2>{Heading}</h2><p>{Para2}</p><p>{Para3}</p></div></article>"""));
        Assert.Contains(Heading, a.Text, StringComparison.Ordinal);
    }
}

public class HtmlContentChoiceTests
{
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";

    private static Article Extract(string html) =>
        new HtmlPageExtractor().Extract(DecodedPage.FromText("test.html", html, PageFormat.Html, "https://news.example.org/results"), LineStatistics.Empty);

    [Fact]
    public void A_results_table_under_one_long_heading_is_kept_with_the_element_marked_as_the_articles_text()
    {
        var rows = string.Concat(Enumerable.Range(1, 12).Select(i => $"<tr><td>{i}.</td><td>Harbour Rowing Club {i}</td><td>{50 + i},{i:00} sec.</td></tr>"));
        var a = Extract($"""
            <html><body><h1>Results of the harbour regatta</h1>
            <div class="entry-content"><h3>Harbour Rowing Association, regional championships of the junior crews, held on the old harbour course</h3>
            <table>{rows}</table></div>
            <div class="contact"><p>Harbour Rowing Association</p><p>Quay Street 4</p></div>
            </body></html>
            """);
        Assert.Contains("Harbour Rowing Club 7", a.Text, StringComparison.Ordinal);
        Assert.Contains("regional championships", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_article_in_the_pages_only_article_element_wins_over_a_form_with_more_sentences()
    {
        const string Short = "Jane Doe, the harbour society's spokeswoman, was the guest of the morning show to talk about the launch of the petition against the sale of the old harbour bridge.";
        var links = string.Concat(Enumerable.Range(1, 40).Select(i => $"<li><a href=\"/topic-{i}\">The society's campaign number {i}</a></li>"));
        var form = string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>Option {i}: receive the society's letters and the calls to act on the harbour, at most two or three e-mails a month.</p>"));
        var a = Extract($"""
            <html><body><h1>Harbour Society</h1><div class="topics"><ul>{links}</ul></div>
            <article><h2>Petition against the sale of the bridge</h2><p>{Short}</p><p>Listen to the interview again below.</p></article>
            <div class="box-actions"><h3>Stay informed</h3>{form}</div>
            </body></html>
            """);
        Assert.Contains(Short, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Option 2", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Removed, b => b.Text.StartsWith("Option 2", StringComparison.Ordinal) && b.Reason == "outside the main content");
    }

    [Fact]
    public void A_live_ticker_under_a_comment_cue_is_the_text_when_the_page_has_no_other()
    {
        const string Entry = "The final whistle goes at the old harbour ground: the home side held the champions to a draw they will remember.";
        var a = Extract($"""
            <html><body><h1>Harbour United vs City</h1>
            <div class="match-info"><p>Kick-off 17:00</p><p>Harbour Ground</p></div>
            <div class="live-match-comments"><div class="live-match-comment"><p>96'</p><p>{Entry}</p></div>
            <div class="live-match-comment"><p>93'</p><p>A corner for the visitors comes to nothing, and the home keeper takes his time with the goal kick.</p></div></div>
            </body></html>
            """);
        Assert.Contains(Entry, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header", "page header")]
    [InlineData("site-header", "page header")]
    [InlineData("page__header", "page header")]
    [InlineData("table-header", null)]
    [InlineData("card-header", null)]
    [InlineData("selected-podcasts__header", null)]
    public void Header_names_the_pages_header_unless_it_is_the_header_of_a_thing_in_the_text(string cls, string? kind) =>
        Assert.Equal(kind, ContentScorer.CueWordKind(cls));

    [Theory]
    [InlineData("blog-article__main sidebar-enabled--false container", null)]
    [InlineData("layout comments-disabled", null)]
    [InlineData("sidebar widget-area", "sidebar")]
    public void A_class_that_says_whether_a_part_is_switched_on_names_a_state_not_a_role(string cls, string? kind)
    {
        using var doc = HtmlPageExtractor.Parse($"<html><body><div class=\"{cls}\"><p>Text</p></div></body></html>");
        Assert.Equal(kind, ContentScorer.NegativeCue(doc.Body!.FirstElementChild!));
    }

    [Fact]
    public void A_recipes_ingredient_table_with_a_header_class_is_kept()
    {
        const string Para1 = "Heat the oven to 180 degrees and butter a round tin; the pastry needs an hour in the fridge before it is rolled out.";
        const string Para2 = "Spread the cream over the cooled base, lay the fruit on top and bake for another forty minutes until it is golden.";
        var a = Extract($"""
            <html><body><header class="site-header"><p>Harbour Kitchen</p></header>
            <article><h1>Mandarin cheesecake</h1>
            <table class="ingredients table-header"><thead><tr><th><h3>For the pastry:</h3></th></tr></thead>
            <tbody><tr><td>125 g</td><td>Flour</td></tr><tr><td>65 g</td><td>Margarine or butter</td></tr></tbody></table>
            <p>{Para1}</p><p>{Para2}</p></article>
            </body></html>
            """);
        Assert.Contains("Margarine or butter", a.Text, StringComparison.Ordinal);
        Assert.Contains(Para2, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Kitchen", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_ld_article_body_far_longer_than_the_shown_teaser_gives_the_rest_of_the_text_and_says_so()
    {
        const string Teaser = "The council voted on Tuesday to rebuild the old harbour bridge, closed since the storm of last winter.";
        string[] rest =
        [
            "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost on Monday evening.",
            "Residents who spoke at the meeting said the closure had doubled their journeys to the market, and several shop owners asked for a temporary ferry service until the bridge opens again.",
            "The committee said it would look at the ferry, and at a footbridge for the months of the works, before the next meeting of the council in April, when the contracts are due to be signed.",
        ];
        var body = System.Text.Json.JsonSerializer.Serialize(string.Join("\n", [Teaser, .. rest]));
        var page = $$"""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge to be rebuilt","articleBody":{{body}}}</script></head>
            <body><article><h1>Bridge to be rebuilt</h1><p>{{Teaser}}</p><div class="paywall"><p>Subscribe to read the whole story.</p></div></article></body></html>
            """;
        var a = Extract(page);
        Assert.Contains(Teaser, a.Text, StringComparison.Ordinal);
        Assert.Contains(rest[2], a.Text, StringComparison.Ordinal);
        Assert.Single(a.Paragraphs, p => a.ParagraphText(p) == Teaser);
        Assert.Contains(a.Notes, n => n.Contains("JSON-LD articleBody", StringComparison.Ordinal));

        // An articleBody that holds the page's escaped markup ("&nbsp;", "&rsquo;") is not the article's text.
        var escaped = Extract(page.Replace("the old harbour bridge, closed", "the old harbour&nbsp;bridge, closed", StringComparison.Ordinal));
        Assert.DoesNotContain(rest[2], escaped.Text, StringComparison.Ordinal);

        // A page that shows the whole text keeps its own.
        var shown = Extract(page.Replace($"<p>{Teaser}</p>", string.Concat(rest.Select(r => $"<p>{r}</p>")), StringComparison.Ordinal));
        Assert.DoesNotContain(shown.Notes, n => n.Contains("JSON-LD", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_after_an_unclosed_named_anchor_is_not_link_text()
    {
        const string Para1 = "A while back I went to a meeting of the local user group, where the main talk was about tunnelling file copies over an encrypted connection.";
        const string Para2 = "Unfortunately the examples in the talk rely on an old syntax of the tunnel's configuration, so I wrote down what worked for me with the new one.";
        const string Para3 = "Download the latest source tarball, unpack it in a folder of your choice, then configure and build it with the usual two commands.";
        var a = Extract($"""
            <html><body><h1>Copying files over a tunnel</h1>
            <h2><a name="purpose">Purpose</h2><blockquote><p>{Para1}<p>{Para2}</blockquote>
            <h2><a name="build">Building the sources</h2><blockquote><p>{Para3}</blockquote>
            </body></html>
            """);
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("„", "“")]
    [InlineData("»", "«")]
    public void Short_paragraphs_of_quoted_speech_end_their_sentences_in_any_quote_mark(string open, string close)
    {
        var lines = new[] { "Ich weiß, ich bin müde und sollte das vielleicht nicht sagen.", "Dann sag es doch einfach nicht, es ist schon spät geworden.", "Gut, dann sage ich es eben nicht, aber morgen ganz sicher." };
        var post = string.Concat(lines.Select(l => $"<p>{open}{l}{close}</p>"));
        var a = Extract($"""
            <html><body><h1>Nichts tun</h1><div class="post">{post}</div>
            <div class="box"><p>Am Anfang des Films sollten sich alle gegenseitig erschießen, und dann nur noch Landschaften zeigen.</p></div>
            </body></html>
            """);
        Assert.Contains(lines[1], a.Text, StringComparison.Ordinal);
    }
}
