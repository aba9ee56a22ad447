using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

public class TitleRankerTests
{
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";
    private const string Para2 = "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost.";

    private static string Page(string titleTag, string h1, string head = "") => $"""
        <!DOCTYPE html><html lang="en"><head><title>{titleTag}</title>{head}</head>
        <body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <main><article><h1>{h1}</h1><p>{Para1}</p><p>{Para2}</p></article></main></body></html>
        """;

    private const string SiteName = "<meta property=\"og:site_name\" content=\"Harbour Times\">";

    private static DecodedPage Decoded(string html) => DecodedPage.FromText("test.html", html, PageFormat.Html, "https://news.example.org/2024/03/05/bridge");

    [Fact]
    public void The_shipped_ranker_loads_with_a_weight_for_every_feature()
    {
        var ranker = TitleRanker.Default;
        Assert.True(ranker.Weight("rule") > 0);
        var written = ranker.Write("header");
        Assert.Equal(TitleRanker.FeatureNames.Length, written.Split('\n').Count(l => l.Length > 0 && l[0] != '#'));
        Assert.Equal(written, TitleRanker.Parse(written).Write("header"));
    }

    [Fact]
    public void A_weights_file_without_a_feature_or_with_an_unknown_one_is_refused()
    {
        var lines = TitleRanker.Default.Write("h").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Throws<FormatException>(() => TitleRanker.Parse(string.Join('\n', lines.Skip(1))));
        Assert.Throws<FormatException>(() => TitleRanker.Parse(string.Join('\n', lines.Append("no.such.feature\t1"))));
    }

    [Fact]
    public void The_h1_beats_a_title_tag_that_adds_the_site_name()
    {
        var html = Page("Bridge to be rebuilt after storm | Harbour Times", "Bridge to be rebuilt after storm", SiteName);
        var article = new HtmlPageExtractor().Extract(Decoded(html), LineStatistics.Empty);
        Assert.Equal("Bridge to be rebuilt after storm", article.Title?.Value);
        Assert.Equal("html:h1", article.Title?.Source);
    }

    [Fact]
    public void The_ranker_is_not_asked_when_the_title_tag_repeats_the_h1()
    {
        var asked = false;
        var html = Page("Bridge to be rebuilt | Local news | Harbour Times", "Bridge to be rebuilt", SiteName);
        new HtmlPageExtractor(_ => asked = true).Extract(Decoded(html), LineStatistics.Empty);
        Assert.False(asked);
    }

    [Fact]
    public void When_the_h1_and_the_title_tag_differ_the_ranker_keeps_the_h1_over_the_tag_with_the_site_name()
    {
        IReadOnlyList<TitleCandidate> seen = [];
        var html = Page("Council votes to rebuild the harbour bridge | Harbour Times", "Bridge to be rebuilt after storm", SiteName);
        var article = new HtmlPageExtractor(c => seen = c).Extract(Decoded(html), LineStatistics.Empty);
        Assert.Contains(seen, c => c.Text == "Council votes to rebuild the harbour bridge | Harbour Times" && c.Has(TitleFeature.TagWhole));
        Assert.Equal("Bridge to be rebuilt after storm", article.Title?.Value);
    }

    [Fact]
    public void Candidates_hold_the_title_tag_runs_with_whether_the_rest_names_the_site()
    {
        IReadOnlyList<TitleCandidate> seen = [];
        var html = Page("Harbour bridge works | Local news | Harbour Times", "Bridge to be rebuilt after storm", SiteName);
        new HtmlPageExtractor(c => seen = c).Extract(Decoded(html), LineStatistics.Empty);

        TitleCandidate One(string text) => seen.Single(c => c.Text == text);
        Assert.True(One("Bridge to be rebuilt after storm").Has(TitleFeature.H1));
        Assert.True(One("Bridge to be rebuilt after storm").Has(TitleFeature.Rule));
        Assert.True(One("Bridge to be rebuilt after storm").Has(TitleFeature.H1InContent));
        Assert.True(One("Harbour bridge works").Has(TitleFeature.TagPrefix));
        Assert.False(One("Harbour bridge works").Has(TitleFeature.TagRestIsSite));
        Assert.True(One("Harbour bridge works").Has(TitleFeature.TagRestHasSite));
        Assert.True(One("Harbour bridge works | Local news").Has(TitleFeature.TagRestIsSite));
        Assert.True(One("Local news").Has(TitleFeature.TagMiddle));
        Assert.True(One("Harbour Times").Has(TitleFeature.IsSite));
        Assert.True(One("Harbour bridge works | Local news | Harbour Times").Has(TitleFeature.TagWhole));
    }

    [Fact]
    public void Examples_find_the_true_title_among_the_candidates_or_leave_the_page_out()
    {
        var html = Page("Harbour bridge works | Harbour Times", "Bridge to be rebuilt after storm");
        var examples = TitleRanker.Examples([(Decoded(html), "Harbour  bridge works"), (Decoded(html), "Something else entirely")]).ToList();
        Assert.NotNull(examples[0]);
        Assert.Equal("Harbour bridge works", examples[0]!.Texts[examples[0]!.Truth]);
        Assert.Null(examples[1]);
    }

    [Fact]
    public void Training_on_a_small_synthetic_set_is_deterministic_and_learns_which_source_is_right()
    {
        static double[] F(params string[] on)
        {
            var f = new double[TitleRanker.FeatureNames.Length];
            foreach (var name in on)
            {
                f[TitleRanker.Feature(name)] = 1;
            }

            return f;
        }

        // The h1 is the title on most pages; on some the title tag's first part is, and the whole tag never.
        var pages = new List<TitleRanker.TrainingPage>();
        for (var i = 0; i < 30; i++)
        {
            var truth = i % 4 == 3 ? 1 : 0;
            pages.Add(new TitleRanker.TrainingPage([F("h1", "rule"), F("tag.prefix", "tag.rest-is-site"), F("tag.whole", "has-site")], truth));
        }

        var a = TitleRanker.Train(pages, iterations: 300);
        var b = TitleRanker.Train(pages, iterations: 300);
        Assert.Equal(a.Write("x"), b.Write("x"));
        Assert.True(a.Weight("h1") + a.Weight("rule") > a.Weight("tag.prefix") + a.Weight("tag.rest-is-site"));
        Assert.True(a.Weight("tag.prefix") + a.Weight("tag.rest-is-site") > a.Weight("tag.whole") + a.Weight("has-site"));
        Assert.Equal(0, Array.IndexOf(pages[0].Features, pages[0].Features.MaxBy(a.Score)));
    }
}
