using Storyline.Figures;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Tests.Figures;

/// <summary>EXPECTED.md "Figures and disagreements": the seeds ingested as ingest does, figures found with entities naming the sources.</summary>
public class SeedFigureTests
{
    private static readonly Lazy<(IReadOnlyList<Article> Articles, StoryFigureSet Set)> All = new(() =>
    {
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([SharedData.Seeds], store);
        var articles = store.Articles().ToList();
        return (articles, StoryFigures.Find(articles));
    });

    private static string IdOf(string seed) => All.Value.Articles.Single(a => a.Origin.Contains(seed + "_", StringComparison.Ordinal)).Id;

    private static string TextOf(Figure f) => All.Value.Articles.Single(a => a.Id == f.ArticleId).Text;

    private static List<Figure> In(string seed) => [.. All.Value.Set.Figures.Where(f => f.ArticleId == IdOf(seed))];

    [SharedTheory]
    [InlineData("003")]
    [InlineData("004")]
    public void Thirteen_Turkish_soldiers_killed_in_a_week(string seed)
    {
        // 003 says it once; 004 twice ("in a week", "in the past week").
        var killed = In(seed).Where(f => f.Category == FigureCategory.Killed && f.Value.Low == 13).ToList();
        Assert.Equal(seed == "003" ? 1 : 2, killed.Count);
        Assert.All(killed, f =>
        {
            Assert.Equal("Turkish soldiers", f.Counted);
            Assert.Equal("13", f.Value.Text);
            Assert.Equal(FigureQualifier.Exact, f.Value.Qualifier);
            Assert.Contains("week", f.When, StringComparison.Ordinal);
            Assert.Equal("P1W", f.TimexValue);
        });
    }

    [SharedFact]
    public void The_thirteen_killed_are_one_figure_with_both_articles()
    {
        var group = Assert.Single(All.Value.Set.Groups, g => g.Quantity.Category == FigureCategory.Killed && g.Value.Low == 13);

        Assert.Equal([IdOf("003"), IdOf("004")], group.ArticleIds.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(3, group.Figures.Length);
    }

    [SharedFact]
    public void Eight_Turkish_personnel_killed_on_Monday()
    {
        var f = Assert.Single(In("004"), f => f.Category == FigureCategory.Killed && f.Value.Low == 8);

        Assert.Equal("eight", f.Value.Text);
        Assert.Equal("Turkish personnel", f.Counted);
        Assert.Equal("on Monday", f.When);
        Assert.Equal("killed", f.Cue!.Value.Of(TextOf(f)));
    }

    [SharedFact]
    public void Drones_at_least_three_brought_down_and_seven_destroyed()
    {
        var figures = In("000");

        var downed = Assert.Single(figures, f => f.Category == FigureCategory.Downed);
        Assert.Equal(("at least three", 3.0, FigureQualifier.AtLeast, "drone"), (downed.Value.Text, downed.Value.Low, downed.Value.Qualifier, downed.CountedHead));
        var destroyed = Assert.Single(figures, f => f.Category == FigureCategory.Destroyed);
        Assert.Equal(("seven", 7.0, "drones"), (destroyed.Value.Text, destroyed.Value.Low, destroyed.Counted));
    }

    [SharedFact]
    public void Displaced_close_to_a_million_per_Erdogan_against_520000_per_the_United_Nations()
    {
        var d = Assert.Single(All.Value.Set.Disagreements);

        Assert.Equal(new FigureQuantity(FigureCategory.Displaced, "people"), d.Quantity);
        Assert.Equal(2, d.Groups.Length);
        var erdogan = Assert.Single(d.Groups, g => g.Value.Text == "close to 1 million");
        Assert.Equal(FigureQualifier.CloseTo, erdogan.Value.Qualifier);
        Assert.Contains("Erdogan", Assert.Single(erdogan.Sources), StringComparison.Ordinal);
        var un = Assert.Single(d.Groups, g => g.Value.Text == "520,000");
        Assert.Equal("United Nations", Assert.Single(un.Sources));
        Assert.Equal("since early December", Assert.Single(un.Figures).When);
        Assert.All(d.Figures, f => Assert.Equal(IdOf("004"), f.ArticleId));
    }

    [SharedFact]
    public void No_year_date_time_model_number_or_chrome_number_is_a_figure()
    {
        foreach (var f in All.Value.Set.Figures)
        {
            var words = f.Span.Of(TextOf(f));
            Assert.DoesNotMatch(@"\b(19|20)\d\d\b", words);
            Assert.DoesNotMatch(@"(January|February|Feb\.|October|June) \d", words);
            Assert.DoesNotMatch(@"\d:\d|Su-|S-\d|Russia 1|-year|GMT", words);
        }

        // Each seed's figures are exactly the quantities a reader would count, nothing more.
        Assert.Equal(["12 villages", "at least three", "seven drones"], In("000").Select(f => f.Span.Of(TextOf(f))));
        Assert.Empty(In("002"));
    }
}
