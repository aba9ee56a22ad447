using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

/// <summary>Single lines inside an article that are the site's, not the author's (ContentScorer.Lines.cs).</summary>
public class SiteLineTests
{
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";
    private const string Para2 = "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost.";
    private const string Para3 = "Residents who spoke at the meeting said the closure had doubled their journeys to the market, and several shop owners asked for a temporary ferry service.";

    private static Article Extract(string articleHtml) =>
        new HtmlPageExtractor().Extract(
            DecodedPage.FromText("test.html", $$"""
                <!DOCTYPE html><html lang="en"><head><title>Bridge to be rebuilt | Harbour Times</title></head>
                <body>
                  <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
                  <main><article><h1>Bridge to be rebuilt</h1>{{articleHtml}}</article></main>
                  <footer><p>© 2024 Harbour Times.</p></footer>
                </body></html>
                """, PageFormat.Html, "https://news.example.org/2024/03/05/bridge"),
            LineStatistics.Empty);

    /// <summary>The line set as a paragraph between the article's paragraphs.</summary>
    private static Article WithLine(string line) => Extract($"<p>{Para1}</p><p>{line}</p><p>{Para2}</p><p>{Para3}</p>");

    [Theory]
    [InlineData("Marco Odermatt, the Swiss skier, at the start in Beaver Creek. © AFP / Marco Bertorello", "caption")]
    [InlineData("Der Hirschkäfer lebt in alten Kastanienhainen. Foto © Jörg Gemsch", "caption")]
    [InlineData("(Credit: Clayton Aldern / Grist)", "caption")]
    [InlineData("The old ferry terminal in 1962. Copyright 2023 Harbour Times Media", "caption")]
    [InlineData("Image copyright Harbour Times", "caption")]
    [InlineData("Get the latest news straight to your phone with the Harbour Times app.", "site appeal")]
    [InlineData("Lust auf mehr? Melde dich hier für unseren Newsletter an!", "site appeal")]
    [InlineData("Jede kleine Spende hilft den Menschen in Not!", "site appeal")]
    [InlineData("Get Jane Doe's stories in your inbox", "site appeal")]
    [InlineData("Bild anzeigen Bild schließen", "widget text")]
    [InlineData("Gefällt mir Wird geladen...", "widget text")]
    [InlineData("Show Caption", "widget text")]
    [InlineData("Play Video", "widget text")]
    [InlineData("Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407", "page error")]
    [InlineData("This entry was posted in Harbour, Transport and tagged bridge, council. Bookmark the permalink.", "byline or date")]
    [InlineData("Les opinions exprimées dans les blogs n'engagent que leurs auteurs.", "disclaimer")]
    [InlineData("(Alle Angaben ohne Gewähr)", "disclaimer")]
    [InlineData("Summer is here, and the ferry company has a new timetable for the islands. Read more", "related articles")]
    [InlineData("Harbour Times booking hotline: 040 - 244 249 230", "contact details")]
    [InlineData("ANZEIGE - Heute mal ausgehen? Wie wäre es mit:", "advertisement")]
    [InlineData("Benachrichtigung aktivieren Dürfen wir Sie über die wichtigsten Nachrichten informieren?", "pop-up")]
    [InlineData("13 Besucher sind online", "widget text")]
    [InlineData("Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB | Datei ist nicht barrierefrei", "widget text")]
    [InlineData("aja/PAP", "byline or date")]
    [InlineData("Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news and updates.", "site appeal")]
    [InlineData("Follow me on instagram: @harbourwalks", "site appeal")]
    [InlineData("Share this on:", "site appeal")]
    [InlineData("Join Our Harbour Newsletter", "site appeal")]
    [InlineData("Written by Jane Doe", "byline or date")]
    [InlineData("Medically reviewed by John Roe, MD, on March 5, 2024.", "byline or date")]
    public void A_site_line_inside_the_article_is_removed(string line, string reason)
    {
        var a = WithLine(line);
        Assert.Contains(a.Removed, b => b.Text == line && b.Reason == reason);
        Assert.Equal(string.Join(Article.ParagraphSeparator, Para1, Para2, Para3), a.Text);
    }

    [Theory]
    [InlineData("The council said the copyright of the old plans lies with the city archive, which will publish them next year.")]
    [InlineData("The ferry company will publish a newsletter for commuters every week until the bridge reopens.")]
    [InlineData("Warning: the road will be closed on Sunday.")]
    [InlineData("Why copyright law keeps the old harbour plans locked away")]
    [InlineData("Applicants' CVs arrive in your inbox within 72 hours of the advert going live.")]
    [InlineData("Fax: (518) 474-1418; make sure to include the signed authorization form with the request.")]
    [InlineData("The council's report, a PDF of 38 pages, lists every repair the bridge needs before it can open again.")]
    [InlineData("Anzeige - so nennt der Rat die Mitteilung, die er am Montag an alle Haushalte verschickt hat, mit den Terminen der Sperrungen.")]
    [InlineData("Read more about the plans at the town hall, where they are on display until May.")]
    [InlineData("Follow us as we walk the old harbour path from the ferry terminal to the eastern pillars.")]
    [InlineData("Published by Harbour Press in 1962, the first guide to the bridge is still sold at the ferry terminal.")]
    [InlineData("Share this view of the harbour with the people who cross the bridge every day, the mayor said.")]
    public void Article_lines_that_only_share_a_word_with_site_lines_stay(string line)
    {
        Assert.Contains(line, WithLine(line).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_over_a_list_of_links_that_ends_the_article_is_removed()
    {
        const string Label = "Harbour walks for the weekend";
        var a = Extract($"""
            <p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>
            <p>{Label}</p>
            <ul><li><a href="/ferry">Ferry timetable changes this summer</a></li><li><a href="/mayor">Council elects new mayor after long count</a></li></ul>
            """);
        Assert.Contains(a.Removed, b => b.Text == Label && b.Reason == "heading over links");
        Assert.Equal(string.Join(Article.ParagraphSeparator, Para1, Para2, Para3), a.Text);
    }

    [Fact]
    public void A_sentence_that_introduces_a_list_of_links_with_a_colon_stays()
    {
        const string Intro = "Read the council's earlier statements:";
        var a = Extract($"""
            <p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>
            <p>{Intro}</p>
            <ul><li><a href="/statement-1">Statement of 8 November</a></li><li><a href="/statement-2">Statement of 5 November</a></li></ul>
            """);
        Assert.Contains(Intro, a.Text, StringComparison.Ordinal);
    }
}
