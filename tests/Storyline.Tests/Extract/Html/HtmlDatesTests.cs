using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

/// <summary>Publication dates read from small hand-written pages and texts, one rule a test.</summary>
public class HtmlDatesTests
{
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";
    private const string Para2 = "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost.";

    private const string Para3 = "Residents who spoke at the meeting said the closure had doubled their journeys to the market, and several shop owners asked for a temporary ferry service.";
    private const string Para4 = "The committee promised to publish a timetable for the works before the summer, together with the routes that buses will take while the bridge is closed.";

    private static Article Extract(string html, string url = "https://news.example.org/bridge") =>
        new HtmlPageExtractor().Extract(DecodedPage.FromText("test.html", html, PageFormat.Html, url), LineStatistics.Empty);

    private static DateTime? Day(string text, bool? monthFirst = null) => HtmlDates.ParseText(text, monthFirst)?.Value.Date;

    [Theory]
    [InlineData("15 августа 2016, 13:43", 2016, 8, 15)]
    [InlineData("19 лютого 2020", 2020, 2, 19)]
    [InlineData("11 maja 2021", 2021, 5, 11)]
    [InlineData("3 października 2020", 2020, 10, 3)]
    [InlineData("5. května 2022", 2022, 5, 5)]
    [InlineData("19.2.2020 klo 14.00", 2020, 2, 19)]
    [InlineData("19. helmikuuta 2020", 2020, 2, 19)]
    [InlineData("12 Şubat 2021", 2021, 2, 12)]
    [InlineData("7 Σεπτεμβρίου 2019", 2019, 9, 7)]
    [InlineData("2020. február 19.", 2020, 2, 19)]
    [InlineData("2019年6月24日 17時", 2019, 6, 24)]
    [InlineData("2021년 3월 5일", 2021, 3, 5)]
    [InlineData("on 04-ago-2021 5:11:10", 2021, 8, 4)]
    [InlineData("12-Jan-2020", 2020, 1, 12)]
    [InlineData("3 augusti 2018", 2018, 8, 3)]
    [InlineData("5th of March 2024", 2024, 3, 5)]
    [InlineData("5 d'abril de 2020", 2020, 4, 5)]
    [InlineData("12 مارس 2021", 2021, 3, 12)]
    [InlineData("3 أكتوبر 2022 - 10:15", 2022, 10, 3)]
    [InlineData("23.09.22 - Hamburg", 2022, 9, 23)]
    [InlineData("Von: Björn Jahner | 31.10.23", 2023, 10, 31)]
    [InlineData("Anmeldedatum 26.10.13.", 2013, 10, 26)]
    [InlineData("Stand 28.09.2019: neue Preise", 2019, 9, 28)]
    public void Dates_in_visible_text_are_read_in_many_languages(string text, int y, int m, int d) =>
        Assert.Equal(new DateTime(y, m, d), Day(text));

    /// <summary>
    /// A forum's name, date and time in spans of their own run together in the block's text ("macbacchi" "28.09.19"
    /// "12:44"): the date is still read, and the time does not make a year of 1912. So are a blog theme's day, month
    /// and year in spans of their own ("Feb" "18" "2009").
    /// </summary>
    [Theory]
    [InlineData("macbacchi28.09.1912:44", 2019, 9, 28)]
    [InlineData("maculi28.09.20199:05", 2019, 9, 28)]
    [InlineData("28.09.2012:44", 2020, 9, 28)]
    [InlineData("Feb 182009", 2009, 2, 18)]
    [InlineData("18Feb2009", 2009, 2, 18)]
    [InlineData("8.Dezember 2010 um 09:43 · Rezepte", 2010, 12, 8)]
    public void A_date_glued_to_a_user_name_and_a_time_is_read(string text, int y, int m, int d) =>
        Assert.Equal(new DateTime(y, m, d), Day(text));

    [Theory]
    [InlineData("Hamar 5, 2020")]
    [InlineData("৫ আগস্ট ২০২০")]
    [InlineData("২০২০-০৮-২৯")]
    [InlineData("Version v23.09.22")]
    [InlineData("Firmware 1.23.09.22")]
    [InlineData("23.19.22")]
    public void Words_ending_in_a_month_name_digits_of_other_scripts_and_version_numbers_are_not_dates(string text) =>
        Assert.Null(Day(text));

    [Fact]
    public void Digits_of_other_scripts_in_a_stamp_do_not_break_the_page()
    {
        // \d would match Bengali digits, which int.Parse refuses: the page would fail as a whole.
        var html = $"<html lang=\"bn\"><head><meta property=\"article:published_time\" content=\"২০২০-০৮-২৯\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p>প্রকাশিত: ২৯ আগস্ট ২০২০</p><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://news.example.org/2020/08/29/bridge");
        Assert.Contains(Para1, a.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2020, 8, 29), a.Date!.Value.Date);
        Assert.Equal("url", a.Date.Source);
    }

    [Theory]
    [InlineData("03/04/2020", true, 2020, 3, 4)]
    [InlineData("03/04/2020", false, 2020, 4, 3)]
    [InlineData("03/04/2020", null, 0, 0, 0)]
    [InlineData("10/16/2019", null, 2019, 10, 16)]
    [InlineData("16/10/2019", true, 2019, 10, 16)]
    [InlineData("14-02-2020", null, 2020, 2, 14)]
    [InlineData("Pubblicato il 02-14-2020", null, 2020, 2, 14)]
    [InlineData("03-04-2020", false, 2020, 4, 3)]
    [InlineData("03-04-2020", null, 0, 0, 0)]
    [InlineData("Posted 10/16/19", null, 2019, 10, 16)]
    [InlineData("16/10/19", null, 2019, 10, 16)]
    [InlineData("3/4/21", true, 2021, 3, 4)]
    [InlineData("3/4/21", null, 0, 0, 0)]
    [InlineData("1/2/3/19", true, 0, 0, 0)]
    public void An_ambiguous_slashed_or_dashed_date_is_read_as_the_pages_locale_writes_it(string text, bool? monthFirst, int y, int m, int d) =>
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), Day(text, monthFirst));

    [Theory]
    [InlineData("en-US", true)]
    [InlineData("en_us", true)]
    [InlineData("en-GB", false)]
    [InlineData("fr-FR", false)]
    [InlineData("es", false)]
    [InlineData("en", null)]
    [InlineData("de", null)]
    [InlineData(null, null)]
    public void The_locale_says_which_number_of_a_slashed_date_is_the_month(string? language, bool? monthFirst) =>
        Assert.Equal(monthFirst, HtmlMetadata.MonthFirst(language));

    [Theory]
    [InlineData("lang=\"en-GB\"", 2020, 10, 2)]
    [InlineData("lang=\"en-US\"", 2020, 2, 10)]
    [InlineData("xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en-GB\"", 2020, 10, 2)]
    [InlineData("lang=\"\" xml:lang=\"en-GB\"", 2020, 10, 2)]
    public void A_dateline_in_slashes_follows_the_page_language(string lang, int y, int m, int d)
    {
        var html = $"<html {lang}><body><article><h1>Bridge to be rebuilt soon</h1><p class=\"date\">02/10/2020</p><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(new DateTime(y, m, d), Extract(html).Date!.Value.Date);
    }

    [Theory]
    [InlineData("https://example.org/media-news/meldungen/29-10-2021", 2021, 10, 29)]
    [InlineData("https://example.org/news/10-29-2021/bridge", 2021, 10, 29)]
    [InlineData("https://example.org/news/05-03-2021/bridge", 0, 0, 0)]
    [InlineData("https://example.org/news/31-02-2021/bridge", 0, 0, 0)]
    public void A_url_date_with_the_year_last_counts_when_day_and_month_cannot_be_confused(string url, int y, int m, int d) =>
        Assert.Equal(y == 0 ? null : new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), HtmlDates.FromUrl(url));

    [Theory]
    [InlineData("https://www.example.de/home/2017/7/12/unter-uns-montauk", 2017, 7, 12)]
    [InlineData("https://example.org/2019/10/3/", 2019, 10, 3)]
    [InlineData("https://example.org/2019/10/3-things-to-know", 0, 0, 0)]
    [InlineData("https://example.org/2019/13/3/", 0, 0, 0)]
    public void A_url_date_may_write_month_and_day_in_one_digit_as_path_parts_of_their_own(string url, int y, int m, int d) =>
        Assert.Equal(y == 0 ? null : new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), HtmlDates.FromUrl(url));

    [Theory]
    [InlineData("Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit mit dem Programm wird ausgebaut.", "25. Januar 2022")]
    [InlineData("Berlin, 28.10.2021 – Immer mehr Menschen sind auf Hilfe angewiesen, sagt der Verband.", "28.10.2021")]
    [InlineData("29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt.", "29.11.2022")]
    [InlineData("(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der anderen.", "21. November 2022")]
    [InlineData("Die Regierung hat am 25. Januar 2022 – so heißt es – entschieden.", null)]
    [InlineData("Die Regierung (seit 25. Januar 2022) hat entschieden.", null)]
    [InlineData("The vote. On 25 January 2022 – the council met again.", null)]
    public void A_date_opening_a_paragraph_after_a_short_label_is_its_dateline(string text, string? date) =>
        Assert.Equal(date, HtmlDates.OpensWithDate(text));

    [Fact]
    public void A_dateline_under_the_headline_comes_before_dates_in_a_rail_above_it()
    {
        // A teaser rail with its own dates stands a few blocks above the headline; the article's stamp sits under it.
        var rail = string.Join("", Enumerable.Range(1, 3).Select(i => $"<div class=\"teaser\"><h3><a href=\"/t{i}\">Ferry timetable changes {i}</a></h3><span>{i}. Januar 2022</span></div>"));
        var html = $"<html lang=\"de\"><body><div><div>{rail}</div><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">reineckefuchs — 2. Februar 2022</div><p>{Para1}</p><p>{Para2}</p></article></div></body></html>";
        var a = Extract(html);
        Assert.Equal("text:dateline", a.Date?.Source);
        Assert.Equal(new DateTime(2022, 2, 2), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("06.01.2022", "meta:article:published_time", 2022, 1, 6)]
    [InlineData("04.01.2022", "json-ld:datePublished", 2022, 1, 4)]
    [InlineData("", "json-ld:datePublished", 2022, 1, 4)]
    public void When_the_publication_stamps_disagree_the_one_the_dateline_repeats_wins(string shown, string source, int y, int m, int d)
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-01-04T07:29:00Z\"}</script><meta property=\"article:published_time\" content=\"2022-01-06T08:29:34+01:00\">";
        var html = $"<html lang=\"de\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">{shown}</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>With no machine stamp, a dateline labelled as the publication's wins over a bare date above it.</summary>
    [Theory]
    [InlineData("Crime Published On May 10, 2022 01:52 PM", 2022, 5, 10)]
    [InlineData("Crime | May 10, 2022 01:52 PM", 2022, 5, 11)]
    public void A_dateline_labelled_as_the_publication_wins_over_a_bare_date(string labelled, int y, int m, int d)
    {
        var html = $"<html lang=\"en\"><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"today\">May 11, 2022</div><div class=\"meta\">{labelled}</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    /// <summary>A dateline that a generic "date" meta repeats wins over a JSON-LD stamp more than a day from both.</summary>
    [Theory]
    [InlineData("<meta name=\"date\" content=\"November 25, 2025\">", "meta:date", 2025, 11, 25)]
    [InlineData("", "json-ld:datePublished", 2024, 8, 29)]
    public void A_dateline_repeated_by_a_generic_date_meta_wins_over_a_lone_stamp(string meta, string source, int y, int m, int d)
    {
        var head = $"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-08-29T10:00:00+00:00\"}}</script>{meta}";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">Nov 25, 2025 5:00 am PST</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// A press release's dateline is a day after its lone machine stamp, and a generic "date" meta written at another
    /// moment repeats it: two stamps against one. The same moment written in UTC and in local time is one stamp, not
    /// two, and the "published" stamp keeps its place then.
    /// </summary>
    [Theory]
    [InlineData("2021-10-27T20:35:36+01:00", "2021-10-28T13:21:30+01:00", "meta:date", 2021, 10, 28)]
    [InlineData("2021-10-27T23:35:36+00:00", "2021-10-28T00:35:36+01:00", "microdata:datePublished", 2021, 10, 27)]
    public void A_dateline_a_day_after_the_stamp_wins_when_a_stamp_of_another_moment_repeats_it(string published, string generic, string source, int y, int m, int d)
    {
        var head = $"<meta name=\"date\" content=\"{generic}\">";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><span itemprop=\"datePublished\" content=\"{published}\"></span><div class=\"meta\">Berlin, 28.10.2021, 058/21</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// A full date in the URL is the first save's: a machine stamp more than a month after it is a later save's (a
    /// site moved to another system), and the URL's date wins; a stamp within the month keeps its place.
    /// </summary>
    [Theory]
    [InlineData("2019-06-17T18:28:00+0200", "url", 2017, 7, 12)]
    [InlineData("2017-07-20T18:28:00+0200", "json-ld:datePublished", 2017, 7, 20)]
    public void A_stamp_more_than_a_month_after_the_urls_date_gives_way_to_it(string stamp, string source, int y, int m, int d)
    {
        var head = $"<script type=\"application/ld+json\">{{\"@type\":\"BlogPosting\",\"datePublished\":\"{stamp}\"}}</script>";
        var html = $"<html lang=\"de\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://www.example.de/home/2017/7/12/bridge");
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// A carousel of teasers above the headline, each an &lt;article&gt; of its own with its story's date: none of
    /// them dates the page, as a dateline or as the last guess.
    /// </summary>
    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("<div class=\"meta\">18. März 2020</div>", 2020, 3, 18)]
    public void A_teasers_date_in_an_article_of_its_own_is_not_the_pages(string dateline, int y, int m, int d)
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"<article class=\"teaser\"><h2><a href=\"/t{i}\">Fähre fährt wieder {i}</a></h2><footer><span class=\"teaser-date\">0{i}. März 2020</span></footer></article>"));
        var html = $"<html lang=\"de\"><body><div class=\"slider\">{teasers}</div><div class=\"story\"><h1>Bridge to be rebuilt soon</h1>{dateline}<p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></body></html>";
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    /// <summary>
    /// The page shows one bare date at its headline, the day its "modified" stamp gives, and its "published" stamp is
    /// months older: the page presents itself as of that revision, and the shown date wins. A dateline that says
    /// "updated", or one far above the headline (today's date in the site's top bar), leaves the published stamp.
    /// </summary>
    [Theory]
    [InlineData("<div class=\"meta\">November 14, 2025</div>", "", "text:dateline", 2025, 11, 14)]
    [InlineData("<div class=\"meta\">Updated November 14, 2025</div>", "", "json-ld:datePublished", 2024, 9, 6)]
    [InlineData("", "<div class=\"today\">Friday, November 14, 2025</div>", "json-ld:datePublished", 2024, 9, 6)]
    public void A_bare_dateline_the_modified_stamp_repeats_wins_over_an_older_published_stamp(string dateline, string topBar, string source, int y, int m, int d)
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-09-06\",\"dateModified\":\"2025-11-14\"}</script><meta property=\"article:published_time\" content=\"2024-09-06T13:12:36+00:00\">";
        var menu = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/s{i}\">Section {i}</a></li>"));
        var html = $"<html lang=\"en\"><head>{head}</head><body><header>{topBar}<ul>{menu}</ul></header><article><h1>Bridge to be rebuilt soon</h1>{dateline}<p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// A bare dateline that a &lt;time&gt; repeats, years from the lone "published" meta and not the "modified" stamp's
    /// day: two stamps the page shows against one carried over from its first version. Labelled as an update, the
    /// shown date leaves the published stamp in place, in the languages the labels are read in, mid-line as well.
    /// </summary>
    [Theory]
    [InlineData("", "html:time", 2023, 3, 20)]
    [InlineData("Updated ", "meta:article:published_time", 2013, 3, 11)]
    [InlineData("Zdrowie, zaktualizowano ", "meta:article:published_time", 2013, 3, 11)]
    [InlineData("Zdraví, aktualizováno ", "meta:article:published_time", 2013, 3, 11)]
    public void A_bare_dateline_a_time_repeats_wins_over_a_distant_published_meta(string label, string source, int y, int m, int d)
    {
        var head = "<meta property=\"article:published_time\" content=\"2013-03-11T11:11:07-07:00\"><meta property=\"article:modified_time\" content=\"2026-02-18T07:49:16-08:00\">";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">{label}<time datetime=\"2023-03-20T00:00:00-07:00\">March 20, 2023</time> | Wellness</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html, "https://news.example.org/bridge");
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// The page labels a later update and no publication, and states its publication for machines alone, in JSON-LD:
    /// the labelled update is its date. An Open Graph article stamp beside the JSON-LD, or a labelled publication on
    /// the page, keeps the publication.
    /// </summary>
    [Theory]
    [InlineData("", "", "text:updated", 2025, 9, 4)]
    [InlineData("<meta property=\"article:published_time\" content=\"2024-04-10T19:30:39Z\">", "", "json-ld:datePublished", 2024, 4, 10)]
    [InlineData("", "<p>Published: Apr 10, 2024</p>", "json-ld:datePublished", 2024, 4, 10)]
    public void A_labelled_update_wins_over_a_publication_stated_only_in_json_ld(string og, string published, string source, int y, int m, int d)
    {
        var head = $"<script type=\"application/ld+json\">{{\"@type\":\"Article\",\"datePublished\":\"2024-04-10T19:30:39Z\"}}</script>{og}";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1>{published}<p>Last updated: Sep 4, 2025</p><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// An update's label after the byline on one line is read as a label; a sentence saying the text was updated is
    /// not one.
    /// </summary>
    [Theory]
    [InlineData("By Richard Garner Updated Sep 5, 2024", "text:updated", 2024, 9, 5)]
    [InlineData("David Hartshorne•Updated on Sep 5, 2024 •28 min read", "text:updated", 2024, 9, 5)]
    [InlineData("Note: we updated this list on Sep 5, 2024.", "json-ld:datePublished", 2023, 7, 22)]
    public void An_update_label_after_the_byline_on_the_same_line_is_read(string line, string source, int y, int m, int d)
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2023-07-22T03:47:21+00:00\"}</script>";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"byline\">{line}</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>
    /// The page labels one date published and another updated, and its machine stamp is the update's day: the
    /// labelled publication date wins. Without the update label the stamp keeps its place.
    /// </summary>
    [Theory]
    [InlineData("<p>Published Apr 26, 2023</p><p>Updated Aug 21, 2025</p>", "text:published", 2023, 4, 26)]
    [InlineData("<p>Published Apr 26, 2023</p>", "json-ld:datePublished", 2025, 8, 21)]
    public void A_machine_stamp_on_the_day_the_page_says_it_was_updated_gives_way_to_its_published_label(string shown, string source, int y, int m, int d)
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"Aug 21, 2025\",\"dateModified\":\"Aug 20, 2025\"}</script>";
        var html = $"<html lang=\"en\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">{shown}</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("https://seelenradio.de/leo", "<h1>seelenradio</h1>", "seelenradio » Blog Archiv » Nummer zwei: Leo", "Nummer zwei: Leo")]
    [InlineData("https://www.disfunctions.de/podcasts", "<h1>Disfunctions.de</h1>", "Disfunctions.de » Blog Archive » Podcasts in Plex einbinden", "Podcasts in Plex einbinden")]
    [InlineData("https://davidbau.com/archives/vibe.html", "<h1>davidbau.com</h1>", "davidbau.com Vibe Coding", "Vibe Coding")]
    [InlineData("https://austinhardware.com/catalog", "<h1>Austin Hardware Catalog</h1>", "Austin Catalog Index", "Austin Hardware Catalog")]
    [InlineData("https://www.python.org/news", "<h1>Python 3.6.0 is now available!</h1>", "Python 3.6.0 is now available!", "Python 3.6.0 is now available!")]
    public void A_heading_that_is_only_the_sites_host_name_is_not_the_title(string url, string h1, string titleTag, string expected)
    {
        var html = $"<html><head><title>{titleTag}</title></head><body><header>{h1}</header><article><h2>More</h2><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(expected, Extract(html, url).Title?.Value);
    }

    [Theory]
    [InlineData("3 hours ago", 2024, 3, 5)]
    [InlineData("Updated 11 hours ago", 2024, 3, 4)]
    [InlineData("2 days ago", 2024, 3, 3)]
    [InlineData("a week ago", 2024, 2, 27)]
    [InlineData("vor 2 Tagen", 2024, 3, 3)]
    [InlineData("Aktualisiert vor einer Stunde", 2024, 3, 5)]
    [InlineData("il y a 3 jours", 2024, 3, 2)]
    [InlineData("hace 2 semanas", 2024, 2, 20)]
    [InlineData("2 giorni fa", 2024, 3, 3)]
    [InlineData("há 5 horas", 2024, 3, 5)]
    [InlineData("3 uur geleden", 2024, 3, 5)]
    [InlineData("Gestern, 14:32 Uhr", 2024, 3, 4)]
    [InlineData("yesterday", 2024, 3, 4)]
    [InlineData("Today at 8:15 am", 2024, 3, 5)]
    [InlineData("hier à 18h30", 2024, 3, 4)]
    [InlineData("Today", 0, 0, 0)]
    [InlineData("Mehr hier", 0, 0, 0)]
    [InlineData("3 months ago", 0, 0, 0)]
    [InlineData("The bridge closed 2 days ago after the storm damaged its pillars.", 0, 0, 0)]
    public void A_relative_stamp_is_counted_back_from_when_the_page_was_fetched(string text, int y, int m, int d)
    {
        var fetched = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(y == 0 ? null : new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), HtmlDates.ParseRelative(text, fetched));
    }

    [Fact]
    public void A_relative_dateline_gives_the_date_only_when_the_fetch_time_is_known()
    {
        var html = $"<html lang=\"de\"><body><article><h1>Bridge to be rebuilt soon</h1><div class=\"meta\">vor 2 Tagen</div><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var raw = new RawPage("test.html", System.Text.Encoding.UTF8.GetBytes(html), PageFormat.Html) { Url = "https://news.example.org/bridge", FetchedAt = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero) };
        var a = new HtmlPageExtractor().Extract(new DecodedPage(raw, html, "utf-8", "declared"), LineStatistics.Empty);
        Assert.Equal("text:relative", a.Date?.Source);
        Assert.Equal(new DateTime(2024, 3, 3), a.Date!.Value.Date);
        Assert.Null(Extract(html).Date);
    }

    [Theory]
    [InlineData("2024-03-06", 2024, 3, 6)]
    [InlineData("2024-09-30", 2024, 3, 1)]
    public void A_date_after_the_page_was_fetched_is_not_its_publication_date(string stamp, int y, int m, int d)
    {
        // An event's day set as the stamp ("Konzert am 30.09.2024"): impossible for a page fetched in March, so the
        // dateline under the headline counts; a day of grace covers the time zones.
        var html = $"<html lang=\"en-GB\"><head><meta property=\"article:published_time\" content=\"{stamp}\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p class=\"meta\">1 March 2024</p><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var raw = new RawPage("test.html", System.Text.Encoding.UTF8.GetBytes(html), PageFormat.Html) { Url = "https://news.example.org/2024/09/30/bridge", FetchedAt = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero) };
        var a = new HtmlPageExtractor().Extract(new DecodedPage(raw, html, "utf-8", "declared"), LineStatistics.Empty);
        Assert.Equal(new DateTime(y, m, d), a.Date?.Value.Date);
    }

    [Theory]
    [InlineData("<meta name=\"rnews:datePublished\" content=\"2021-06-01\">", "meta:rnews:datepublished", 2021, 6, 1)]
    [InlineData("<meta name=\"DC.date.publication\" content=\"2021-06-01\">", "meta:dc.date.publication", 2021, 6, 1)]
    [InlineData("<meta name=\"pdate\" content=\"20210601\">", "meta:pdate", 2021, 6, 1)]
    [InlineData("<meta property=\"article:published_time\" content=\"02/06/2021\">", "meta:article:published_time", 2021, 6, 2)]
    public void Publication_stamps_under_other_names_and_forms_are_read(string meta, string source, int y, int m, int d)
    {
        var html = $"<html lang=\"en-GB\"><head>{meta}</head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    /// <summary>Update stamps under sites' own names date a page that states no publication, before a date in a table of its text.</summary>
    [Theory]
    [InlineData("<meta itemprop=\"dateUpdate\" content=\"2020-02-14 10:47:36\">", "meta:modified:dateupdate", 2020, 2, 14)]
    [InlineData("<meta name=\"modified-date\" content=\"2020-02-14\">", "meta:modified:modified-date", 2020, 2, 14)]
    [InlineData("<meta property=\"og:modified_time\" content=\"2020-02-14T10:47:36Z\">", "meta:modified:og:modified_time", 2020, 2, 14)]
    [InlineData("<meta name=\"theme-updater\" content=\"2020-02-14\">", "text:stamp", 2012, 10, 26)]
    public void Update_stamps_under_other_names_are_read(string meta, string source, int y, int m, int d)
    {
        var html = $"<html lang=\"en\"><head>{meta}</head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p><table><tr><td>Harbour Song</td><td>2012-10-26</td></tr></table></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("<div class=\"meta\">2017年7月18日</div>", 2017, 7, 18)]
    [InlineData("<p>2017年7月18日，正式加盟环球音乐并在北京举行亚洲签约记者会。</p>", 0, 0, 0)]
    public void A_chinese_sentence_with_a_date_is_not_a_stamp_but_a_short_date_block_is(string block, int y, int m, int d)
    {
        var html = $"<html lang=\"zh\"><body><header><nav><ul><li><a href=\"/\">首页</a></li></ul></nav></header><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p>{block}</article></body></html>";
        var a = Extract(html);
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), a.Date?.Value.Date);
    }

    [Theory]
    [InlineData("pl", "Opublikowano: 12.03.2021", "text:published", 2021, 3, 12)]
    [InlineData("cs", "Publikováno 12. března 2021", "text:published", 2021, 3, 12)]
    [InlineData("sv", "Publicerad 12 mars 2021", "text:published", 2021, 3, 12)]
    [InlineData("fi", "Julkaistu 12.3.2021 klo 14.00", "text:published", 2021, 3, 12)]
    [InlineData("ru", "Опубликовано 12 марта 2021", "text:published", 2021, 3, 12)]
    [InlineData("tr", "Yayınlanma tarihi: 12 Mart 2021", "text:published", 2021, 3, 12)]
    [InlineData("pt", "Atualizado em 12 de março de 2021", "text:updated", 2021, 3, 12)]
    [InlineData("nb", "Oppdatert 12. mars 2021", "text:updated", 2021, 3, 12)]
    public void Publication_and_update_labels_are_read_in_many_languages(string lang, string stamp, string source, int y, int m, int d)
    {
        // The stamp stands under the article, out of the dateline's reach, as many themes print it.
        var html = $"<html lang=\"{lang}\"><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p><p>{stamp}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde 4 Minuten<br>Lizenz: CC-BY 4.0<br>Downloads: 22.273", 2019, 8, 16)]
    [InlineData("Publié le 3 mai 2021<br>Durée : 45 minutes", 2021, 5, 3)]
    [InlineData("Published: March 13, 2024<br>Reading time: 4 minutes", 2024, 3, 13)]
    public void A_labelled_stamp_on_the_first_line_of_a_block_is_read(string block, int y, int m, int d)
    {
        // The stamp stands under the text, as podcast and blog themes print it, with a comment's stamp further down.
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p><p>{block}</p></article><section class=\"comments\"><p>Peter sagt:</p><time datetime=\"2019-08-24T03:36:11+02:00\">24. August 2019</time></section></body></html>";
        var a = Extract(html);
        Assert.Equal("text:published", a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("de", "Mittwoch, 01. November 2023", "31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up und Glitter, auf Partys und in Shows, auch im Stadttheater.", 2023, 10, 31)]
    [InlineData("en", "Wednesday, November 1, 2023", "October 31, 2023. Drag queens are figures of make-up and glitter, at parties and in shows, and now in the theatre.", 2023, 10, 31)]
    [InlineData("es", "miércoles, 1 de noviembre de 2023", "31 de octubre de 2023. Las drag queens son figuras de maquillaje y purpurina, en fiestas y espectáculos.", 2023, 10, 31)]
    public void Todays_date_in_the_sites_top_bar_is_not_the_date_but_the_articles_dateline_is(string lang, string today, string first, int y, int m, int d)
    {
        var menu = string.Concat(Enumerable.Range(1, 15).Select(i => $"<li><a href=\"/s{i}\">Section {i}</a></li>"));
        var html = $"<html lang=\"{lang}\"><body><div id=\"head\"><header class=\"container\"><span class=\"date\"><time datetime=\"2023-11-01T13:56:20+01:00\">{today}</time></span><nav><ul>{menu}</ul></nav></header></div><div id=\"wrap\"><div id=\"main\"><div id=\"content\"><h1>Im Schlepptau der Dragqueens</h1><p>{first}</p><p>{Para1}</p><p>{Para2}</p></div></div></div></body></html>";
        var a = Extract(html);
        Assert.Equal(new DateTime(y, m, d), a.Date?.Value.Date);
    }

    [Theory]
    [InlineData("de", "Registriert: 18.09.2008, 05:56", "Beitrag von r23 » 21.01.2009, 05:42")]
    [InlineData("en", "Joined: 18 Sep 2008", "Post by r23 » 21 Jan 2009, 05:42")]
    public void A_forum_posters_joining_date_is_not_the_posts_date(string lang, string profile, string post)
    {
        var html = $"<html lang=\"{lang}\"><body><div class=\"topic\"><h1>Bridge to be rebuilt soon</h1><dl class=\"postprofile\"><dt>r23</dt><dd>{profile}</dd></dl><div class=\"postbody\"><p class=\"author\">{post}</p><p>{Para1}</p><p>{Para2}</p></div></div></body></html>";
        Assert.Equal(new DateTime(2009, 1, 21), Extract(html).Date?.Value.Date);
    }

    [Theory]
    [InlineData("en", "This page was last edited on 4 November 2020, at 19:23.", 2020, 11, 4)]
    [InlineData("en", "BeginnersGuide/Download (last edited 2020-11-04 13:28:18 by MatsWichmann)", 2020, 11, 4)]
    [InlineData("de", "Diese Seite wurde zuletzt am 4. November 2020 um 19:23 Uhr bearbeitet.", 2020, 11, 4)]
    [InlineData("en", "Content is available under CC BY-SA 4.0 since 4 November 2020.", 0, 0, 0)]
    public void A_wikis_last_edit_in_its_footer_dates_a_page_that_states_nothing_else(string lang, string footer, int y, int m, int d)
    {
        var html = $"<html lang=\"{lang}\"><body><div id=\"content\"><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div><div id=\"footer\"><ul><li>{footer}</li><li><a href=\"/privacy\">Privacy policy</a></li></ul></div></body></html>";
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    [Theory]
    [InlineData("<script type=\"application/json\">{\"publishedDate\":\"2016-11-04T20:37:27Z\",\"updatedDate\":null}</script>", 2016, 11, 4)]
    [InlineData("<script>window.__STATE__={\"createdAt\":\"2016-11-04 21:58:43\"}</script>", 2016, 11, 4)]
    [InlineData("<script>var calendar={\"first\":\"2016-11-04\"}</script>", 0, 0, 0)]
    [InlineData("<script>W[0]={name:X,created_at:\"2016-11-04T06:55:31.518Z\"}</script>", 2016, 11, 4)]
    [InlineData("<script>self.__next_f.push([1,\"{\\\"published_at\\\":\\\"2016-11-04T06:22:28+01:00\\\"}\"])</script>", 2016, 11, 4)]
    [InlineData("<script>var state={\"session\":{\"expires\":\"2016-11-04T13:55:20.000Z\"}}</script>", 0, 0, 0)]
    [InlineData("<script>var post={\"updated_at\":\"2016-11-04T11:20:07.390Z\"}</script>", 0, 0, 0)]
    [InlineData("<script>var form={\"Name\":\"HtmlText_2016-11-04T18:08:19.939Z\"}</script>", 0, 0, 0)]
    public void A_creation_or_publication_timestamp_in_a_script_dates_a_page_that_states_nothing_else(string script, int y, int m, int d)
    {
        var html = $"<html lang=\"en\"><body><article><h1>Bridge to be rebuilt soon</h1>{script}<p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    [Fact]
    public void A_comment_stamp_is_not_the_date_of_a_page_that_states_none()
    {
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p></article><ol class=\"comment-list\"><li><b>Peter</b> says: <time datetime=\"2019-08-24T03:36:11+02:00\">24 August 2019</time><p>Great news for the town.</p></li></ol></body></html>";
        Assert.Null(Extract(html).Date);
    }

    [Theory]
    [InlineData("<p>Published</p><p>Feb 2, 2023</p>", "text:published", 2023, 2, 2)]
    [InlineData("<p>Veröffentlicht am 2. Februar 2023</p>", "text:published", 2023, 2, 2)]
    [InlineData("<p>Mis à jour le 2 février 2023</p>", "text:updated", 2023, 2, 2)]
    public void A_labelled_stamp_in_a_box_far_below_the_article_is_the_date_when_nothing_else_states_one(string box, string source, int y, int m, int d)
    {
        var links = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/t{i}\">Topic {i}</a></li>"));
        var html = $"<html><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></article><div class=\"details\"><ul>{links}</ul><table><tr><td>Source</td><td>Archive</td></tr></table><div class=\"dateline\">{box}</div></div></body></html>";
        var a = Extract(html);
        Assert.Equal(source, a.Date?.Source);
        Assert.Equal(new DateTime(y, m, d), a.Date!.Value.Date);
    }

    [Theory]
    [InlineData("<blockquote class=\"instagram-media\"><p><a href=\"https://www.instagram.com/p/x/\">Ein Beitrag geteilt von Esmeralda</a> am <time datetime=\"2019-04-21T23:47:18+00:00\">Apr 21, 2019</time></p></blockquote>")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p lang=\"en\">The ferry is back!</p>&mdash; Harbour Ferries <time datetime=\"2019-04-21T10:00:00Z\">April 21, 2019</time></blockquote>")]
    public void A_time_in_an_embedded_post_is_the_posts_not_the_articles(string embed)
    {
        // The page states its publication only for machines, as published and modified at once: an earlier <time>
        // of the article's own would win, but one in an embedded post is not the article's.
        var head = "<meta property=\"article:published_time\" content=\"2019-10-18T16:06:50+0200\"><meta property=\"article:modified_time\" content=\"2019-10-18T16:06:50+0200\">";
        var html = $"<html lang=\"de\"><head>{head}</head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p>{embed}<p>{Para2}</p><p>{Para3}</p></article></body></html>";
        var a = Extract(html);
        Assert.Equal("meta:article:published_time", a.Date?.Source);
        Assert.Equal(new DateTime(2019, 10, 18), a.Date!.Value.Date);
    }

    /// <summary>A UTC stamp is read in the time zone of the page's language: midnight in Tokyo, Helsinki or Berlin is the previous evening in UTC.</summary>
    [Theory]
    [InlineData("ja", "2019-06-23T15:30:00Z", 2019, 6, 24)]
    [InlineData("zh-CN", "2019-06-23T16:30:00Z", 2019, 6, 24)]
    [InlineData("fi", "2020-02-18T22:30:00Z", 2020, 2, 19)]
    [InlineData("fi", "2020-07-18T21:30:00Z", 2020, 7, 19)]
    [InlineData("de", "2020-02-18T23:30:00Z", 2020, 2, 19)]
    [InlineData("en", "2020-02-18T23:30:00Z", 2020, 2, 18)]
    public void A_utc_stamp_is_read_in_the_zone_of_the_pages_language(string lang, string stamp, int y, int m, int d)
    {
        var html = $"<html lang=\"{lang}\"><head><meta property=\"article:published_time\" content=\"{stamp}\"></head><body><article><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    [Theory]
    [InlineData("26/12/2019", 2019, 12, 26)]
    [InlineData("27.12.2019", 2019, 12, 27)]
    public void A_utc_stamp_keeps_its_day_when_the_page_shows_that_day(string shown, int y, int m, int d)
    {
        // A site set to UTC: the stamp's day is the one it shows; a Berlin site's midnight is the next day in UTC+1.
        var html = $"<html lang=\"de\"><body><article><h1>Bridge to be rebuilt soon</h1><span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"2019-12-26T23:07:45+00:00\" itemprop=\"datePublished\">{shown}</time></span><p>{Para1}</p><p>{Para2}</p></article></body></html>";
        Assert.Equal(new DateTime(y, m, d), Extract(html).Date?.Value.Date);
    }

    [Theory]
    [InlineData("<div><b>Last Updated: </b>June 2022</div>", 2022, 6, 1)]
    [InlineData("<p>Stand: Januar 2021</p>", 2021, 1, 1)]
    [InlineData("<p>Mis à jour : mars 2020</p>", 2020, 3, 1)]
    [InlineData("<p>Our team grew in June 2022</p>", 0, 0, 0)]
    public void A_labelled_month_and_year_gives_its_first_day_when_nothing_else_dates_the_page(string block, int y, int m, int d)
    {
        var html = $"<html><body><main><h1>Bridge to be rebuilt soon</h1><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>{block}</main></body></html>";
        var a = Extract(html);
        Assert.Equal(y == 0 ? null : new DateTime(y, m, d), a.Date?.Value.Date);
        Assert.Equal(y != 0, a.Notes.Any(n => n.Contains("only to the month", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_events_list_between_a_headline_and_a_late_article_text_gives_no_dateline()
    {
        // A wine shop's region page: the headline, a long list of regions, the tastings with their dates, then the text.
        var regions = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li><a href=\"/r{i}\">Region {i}</a></li>"));
        var events = string.Concat(Enumerable.Range(1, 3).Select(i => $"<li><a href=\"/e{i}\">{i + 20}.02.2020 18:00 Uhr Weinprobe Nummer {i}</a></li>"));
        var html = $"<html lang=\"de\"><head><meta name=\"date\" content=\"2020-02-11\"></head><body><div><h1>D.O.Ca. Rioja, Spanien</h1><ul class=\"regionen\">{regions}</ul><ul class=\"termine\">{events}</ul><div class=\"text\"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></div></body></html>";
        var a = Extract(html);
        Assert.Equal("meta:date", a.Date?.Source);
        Assert.Equal(new DateTime(2020, 2, 11), a.Date!.Value.Date);
    }

    [Fact]
    public void A_heading_ending_in_a_colon_introduces_a_box_and_is_not_the_title()
    {
        var head = "<title>How the harbour bridge will be rebuilt - Harbour Times</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"How the harbour bridge will be rebuilt\"}</script>";
        var html = $"<html><head>{head}</head><body><div><div class=\"promo\"><h1>A message from the Harbour Times editor:</h1><p>Support our reporting.</p></div><article><h2>Bridge</h2><p>{Para1}</p><p>{Para2}</p></article></div></body></html>";
        Assert.Equal("How the harbour bridge will be rebuilt", Extract(html).Title?.Value);
    }
}
