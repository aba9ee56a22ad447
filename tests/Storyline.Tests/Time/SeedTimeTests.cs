using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Time;

namespace Storyline.Tests.Time;

/// <summary>The "Time" section of shared/seeds/EXPECTED.md, checked on the raw seed text.</summary>
public class SeedTimeTests
{
    private static Article SeedArticle(string prefix, PageDate? date = null)
    {
        var text = File.ReadAllText(SharedData.Seed(prefix));
        var blocks = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new Block(l, BlockRole.Body)).ToImmutableArray();
        return new Article { Id = prefix, Origin = SharedData.Seed(prefix), Text = text, Blocks = blocks, Date = date };
    }

    private static TimeExpression Find(ArticleDating dating, string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{words}\" is not in the seed");
        var hits = dating.Expressions.Where(e => e.Start < at + words.Length && at < e.End).ToList();
        Assert.True(hits.Count > 0, $"\"{words}\" was not recognised");
        return hits[0];
    }

    [SharedFact]
    public void Seed_000_crawl_stamp_is_contradicted_and_the_January_days_keep_an_unknown_year()
    {
        var article = SeedArticle("000");
        var dating = ArticleDates.Analyze(article);

        Assert.NotNull(dating.PageDate);
        Assert.Equal("2021-06-17", dating.PageDate!.Day);
        Assert.True(dating.PageDateContradicted);
        Assert.Null(dating.Reference);
        Assert.Contains("contradicted", dating.Note, StringComparison.Ordinal);

        Assert.Equal("XXXX-01-10", Find(dating, article.Text, "January 10").Value);
        Assert.Equal("XXXX-01-08", Find(dating, article.Text, "January 8").Value);
        Assert.Equal(TimexResolution.Unresolved, Find(dating, article.Text, "January 10").Resolution);

        // Both kept: the page's stamp and what the content says, each with its source.
        Assert.Contains(dating.Candidates, c => c.Source == "text:date-line" && c.Text.Contains("June 2021", StringComparison.Ordinal));
        Assert.Contains(dating.ContentDates, e => e.Value == "XXXX-01-10");
    }

    [SharedFact]
    public void Seed_000_crawl_stamp_given_by_the_extractor_is_contradicted_too()
    {
        var stamp = new PageDate(new DateTimeOffset(2021, 6, 17, 10, 4, 0, TimeSpan.Zero), true, "10:04 GMT17 June 2021", "text:crawl-stamp");
        var dating = ArticleDates.Analyze(SeedArticle("000", stamp));
        Assert.True(dating.PageDateContradicted);
        Assert.Equal("text:crawl-stamp", dating.PageDate!.Source);
        Assert.Contains(dating.Expressions, e => e.Value == "XXXX-01-10");
    }

    [SharedFact]
    public void Seed_001_explicit_months_have_their_years_and_relative_days_stay_unresolved()
    {
        var article = SeedArticle("001");
        var dating = ArticleDates.Analyze(article);
        Assert.Null(dating.PageDate);
        Assert.Null(dating.Reference);
        Assert.Equal("2017-05", Find(dating, article.Text, "May 2017").Value);
        Assert.Equal("2018-09", Find(dating, article.Text, "September 2018").Value);
        Assert.Equal("2018", Find(dating, article.Text, "in 2018 came").Value);

        var lastWeek = Find(dating, article.Text, "last week");
        Assert.Equal(TimexResolution.Unresolved, lastWeek.Resolution);
        Assert.Equal("XXXX-WXX", lastWeek.Value);
        Assert.Equal("XXXX-WXX-1", Find(dating, article.Text, "Monday and Tuesday").Value);
    }

    [SharedFact]
    public void Seed_002_February_21_keeps_an_unknown_year()
    {
        var article = SeedArticle("002");
        var dating = ArticleDates.Analyze(article);
        Assert.Equal("XXXX-02-21", Find(dating, article.Text, "February 21").Value);
        Assert.Equal("2019-10-09", Find(dating, article.Text, "October 9, 2019").Value);
    }

    [SharedTheory]
    [InlineData("003")]
    [InlineData("004")]
    public void Seeds_003_and_004_explicit_dates_without_a_page_date(string seed)
    {
        var article = SeedArticle(seed);
        var dating = ArticleDates.Analyze(article);
        Assert.Null(dating.Reference);
        Assert.Equal("2012", Find(dating, article.Text, "2012").Value);
        Assert.Equal("2018", Find(dating, article.Text, "2018").Value);
        Assert.Equal("XXXX-10", Find(dating, article.Text, "October last year").Value);

        var tuesday = Find(dating, article.Text, "on Tuesday");
        Assert.Equal("XXXX-WXX-2", tuesday.Value);
        Assert.Equal(TimexResolution.Unresolved, tuesday.Resolution);
        Assert.Equal("XXXX-WXX", Find(dating, article.Text, "last week").Value);
        if (seed == "004")
        {
            Assert.Equal("XXXX-02-11", Find(dating, article.Text, "Feb. 11").Value);
            var december = Find(dating, article.Text, "early December");
            Assert.Equal("XXXX-12", december.Value);
            Assert.Equal("START", december.Mod);
            Assert.Equal(article.Text.IndexOf("early December", StringComparison.Ordinal), december.Start);
        }
    }

    [SharedFact]
    public void Seed_004_relative_dates_resolve_once_the_article_date_is_known()
    {
        // Wednesday 12 February 2020: the day after "The Kremlin said on Feb. 11".
        var date = new PageDate(new DateTimeOffset(2020, 2, 12, 0, 0, 0, TimeSpan.Zero), false, "12 February 2020", "test:given");
        var article = SeedArticle("004", date);
        var dating = ArticleDates.Analyze(article);
        Assert.False(dating.PageDateContradicted);
        Assert.Equal("test:given", dating.Reference!.Source);

        Assert.Equal("2020-02-11", Find(dating, article.Text, "on Tuesday").Value);
        Assert.Equal(TimexResolution.Resolved, Find(dating, article.Text, "on Tuesday").Resolution);
        Assert.Equal("2020-02-11", Find(dating, article.Text, "Feb. 11").Value);
        Assert.Equal("2019-10", Find(dating, article.Text, "October last year").Value);
        Assert.Equal("2019-12", Find(dating, article.Text, "early December").Value);
        Assert.Equal("2020-W06", Find(dating, article.Text, "last week").Value);
        Assert.Equal("2020-02-10", Find(dating, article.Text, "on Monday").Value);
        Assert.Equal("2012", Find(dating, article.Text, "2012").Value);
    }

    [SharedFact]
    public void A_sentence_without_its_own_date_gets_the_article_date_flagged()
    {
        var date = new PageDate(new DateTimeOffset(2020, 2, 12, 0, 0, 0, TimeSpan.Zero), false, "12 February 2020", "test:given");
        var article = SeedArticle("004", date);
        var dating = ArticleDates.Analyze(article);

        var own = article.Text.IndexOf("The Kremlin said on Feb. 11", StringComparison.Ordinal);
        var d1 = ArticleDates.DateOf(dating, own, 60);
        Assert.Equal(SpanDateSource.Text, d1.Source);
        Assert.Equal("2020-02-11", d1.Value);

        var none = article.Text.IndexOf("The United Nations says", StringComparison.Ordinal);
        var sentence = article.Text.IndexOf('\n', none) - none;
        var undated = ArticleDates.DateOf(ArticleDates.Analyze(SeedArticle("004")), none, 24);
        Assert.Equal(SpanDateSource.Unknown, undated.Source);
        Assert.Null(undated.Value);

        var quote = article.Text.IndexOf("We consider such sorties", StringComparison.Ordinal);
        var d2 = ArticleDates.DateOf(dating, quote, 40);
        Assert.Equal(SpanDateSource.ArticleDate, d2.Source);
        Assert.Equal("2020-02-12", d2.Value);
        Assert.True(sentence > 0);
    }
}
