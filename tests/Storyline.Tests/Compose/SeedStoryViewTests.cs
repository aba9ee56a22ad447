using Storyline.Compose;
using Storyline.Store;

namespace Storyline.Tests.Compose;

/// <summary>EXPECTED.md end to end on the story view: the seeds ingested, the story of 001–004 composed.</summary>
public class SeedStoryViewTests
{
    private static readonly Lazy<(StoryView View, Dictionary<string, string> IdOf)> Seeds = new(() =>
    {
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([SharedData.Seeds], store);
        var idOf = store.Articles().ToDictionary(a => Path.GetFileName(a.Origin)[..3], a => a.Id);
        var story = store.Stories().Single(s => s.ArticleIds.Contains(idOf["003"]));
        return (StoryViewBuilder.FromStore(store, story.Id)!, idOf);
    });

    private static StoryView View => Seeds.Value.View;

    private static string Id(string seed) => Seeds.Value.IdOf[seed];

    [SharedFact]
    public void The_story_holds_001_to_004_with_a_headline_from_a_title()
    {
        var ids = View.Articles.Select(a => a.Id).ToHashSet();
        Assert.All(new[] { "001", "002", "003", "004" }, s => Assert.Contains(Id(s), ids));
        Assert.Equal("title", View.Headline.Source);
        Assert.Contains("Idlib", View.Headline.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Article_004_is_shown_carrying_003s_wire_copy_and_adding_its_own()
    {
        var copy = Assert.Single(View.Copies, c => c.Origin == Id("003") && c.Copy == Id("004"));
        Assert.Equal("shares_wire_copy", copy.Kind);
        Assert.True(copy.SharedParagraphs >= 9, $"{copy.SharedParagraphs} shared paragraphs");
        Assert.True(copy.AddedParagraphs > 0);
        Assert.Equal(Id("003"), View.Articles.Single(a => a.Id == Id("004")).CopyOf);

        // Each shared paragraph cites the same words in both articles, typography aside.
        Assert.All(copy.Shared, p => Assert.True(p.Origin.Length > 0 && p.Copy.Length > 0));
    }

    [SharedTheory]
    [InlineData("At the moment, we consider the most important thing")]
    [InlineData("We consider such sorties from Idlib unacceptable")]
    public void Peskovs_wire_copy_quotes_are_shown_once_with_both_outlets(string words)
    {
        var peskov = Assert.Single(View.Quotes, s => s.Speaker == "Dmitry Peskov");
        Assert.NotNull(peskov.EntityId);
        Assert.Contains(View.Entities.People, e => e.Id == peskov.EntityId);
        var quote = Assert.Single(peskov.Quotes, q => Storyline.Text.TextNormalizer.Normalize(q.Text).Contains(words, StringComparison.Ordinal));
        Assert.Equal("direct", quote.Kind);
        Assert.Equal(new[] { Id("003"), Id("004") }.Order(), quote.Sources.Select(s => s.ArticleId).Distinct().Order());
        Assert.False(quote.Text.StartsWith('"'), "the quoted words are shown without their quotation marks");
    }

    [SharedFact]
    public void The_timeline_puts_the_2018_agreements_before_the_2020_events_whose_year_stays_unknown()
    {
        var timeline = View.Timeline;
        var sochi = timeline.ToList().FindIndex(e => e.Date.Value == "2018-09" && e.Text.Contains("Sochi", StringComparison.Ordinal));
        var deal = timeline.ToList().FindIndex(e => e.Date.Value == "2018" && e.Text.Contains("demilitarized zone", StringComparison.Ordinal));
        var feb11 = timeline.ToList().FindIndex(e => e.Date.Value == "XXXX-02-11");
        Assert.True(sochi >= 0 && deal >= 0 && feb11 >= 0, string.Join("\n", timeline.Select(e => $"{e.Date.Value} {e.Text}")));
        Assert.True(sochi < feb11 && deal < feb11);
        Assert.Equal("11 February, year unknown", timeline[feb11].Date.Display);
        Assert.Equal("unresolved", timeline[feb11].Date.Source);

        // Wire copy dates one entry citing both carriers.
        Assert.Equal(2, timeline[deal].Sources.Select(s => s.ArticleId).Distinct().Count());

        // Every citation points at words that are in the article.
        var texts = View.Articles.Select(a => a.Id).ToDictionary(id => id, id => id);
        Assert.All(timeline.SelectMany(e => e.Sources), c => Assert.Contains(c.ArticleId, texts.Keys));
    }

    [SharedFact]
    public void Undated_pages_are_said_to_be_undated_rather_than_given_a_date()
    {
        Assert.Null(View.FirstDate);
        Assert.Contains(View.Notes, n => n.Contains("gives no date", StringComparison.Ordinal));
        Assert.DoesNotContain(View.Timeline, e => e.Date.Value is not null && e.Date.Value.StartsWith("2020", StringComparison.Ordinal));
    }

    [SharedFact]
    public void The_displaced_figures_of_erdogan_and_the_un_are_shown_side_by_side_as_a_disagreement()
    {
        var d = Assert.Single(View.Disagreements, d => d.Quantity.Contains("displaced", StringComparison.Ordinal));
        var sides = d.Figures.Select(i => View.Figures[i]).ToList();
        Assert.Contains(sides, f => f.Value == "close to 1 million" && f.Source == "Recep Tayyip Erdogan");
        Assert.Contains(sides, f => f.Value == "520,000" && f.Source == "United Nations" && f.When == "since early December");
        Assert.All(sides, f => Assert.Contains(f.Sources, c => c.ArticleId == Id("004")));
    }

    [SharedFact]
    public void Every_figure_is_dated_by_its_own_words_or_else_said_to_be_undated()
    {
        // The seeds of this story have no page date: a figure's date comes from its own words or stays unknown.
        var un = Assert.Single(View.Figures, f => f.Value == "520,000");
        Assert.Equal("XXXX-12", un.Date.Value);
        Assert.Equal("unresolved", un.Date.Source);
        Assert.Equal("early December", un.Date.Text);
        Assert.All(View.Figures, f => Assert.Contains(f.Date.Source, new[] { "explicit", "resolved", "unresolved", "unknown" }));
        Assert.DoesNotContain(View.Figures, f => f.Date.Source == "article_date");
    }

    [SharedFact]
    public void The_killed_figures_are_shown_once_each_with_every_article_that_gives_them()
    {
        var killed = View.Figures.Where(f => f.Category == "killed").ToList();
        var thirteen = Assert.Single(killed, f => f.Low == 13);
        Assert.Contains("soldiers", thirteen.Counted, StringComparison.Ordinal);
        Assert.Equal(new[] { Id("003"), Id("004") }.Order(), thirteen.Sources.Select(c => c.ArticleId).Distinct().Order());
        var eight = Assert.Single(killed, f => f.Low == 8);
        Assert.Equal("eight", eight.Value);
        Assert.Equal([Id("004")], eight.Sources.Select(c => c.ArticleId).Distinct());
    }

    [SharedFact]
    public void The_summary_cites_every_carrier_of_a_wire_sentence_and_never_quotes_removed_text()
    {
        Assert.NotEmpty(View.Summary);
        Assert.Contains(View.Summary, s => s.Sources.Select(c => c.ArticleId).Distinct().Count() >= 2);
        Assert.DoesNotContain(View.Summary, s => s.Text.Contains("newsletter", StringComparison.OrdinalIgnoreCase) || s.Text.Contains("Terrorist organization banned", StringComparison.Ordinal));

        // Coverage counts the summary's lines per outlet; the wire copy's lines are carried by both 003 and 004.
        Assert.Equal(View.Summary.Length, View.Coverage.Facts);
        var moscowTimes = Assert.Single(View.Coverage.Outlets, o => o.ArticleIds.Contains(Id("003")));
        Assert.NotEmpty(moscowTimes.Facts);
    }

    [SharedFact]
    public void Markdown_and_html_show_the_story_and_escape_its_text()
    {
        var md = StoryViewText.ToMarkdown(View);
        Assert.Contains("## Timeline", md, StringComparison.Ordinal);
        Assert.Contains("### Dmitry Peskov", md, StringComparison.Ordinal);
        Assert.Contains("carries the wire copy of", md, StringComparison.Ordinal);

        var hostile = View with { Headline = View.Headline with { Text = "<script>alert(1)</script>" } };
        var html = StoryViewText.ToHtml(hostile);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
