using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Time;

namespace Storyline.Tests.Time;

public class ArticleDatesTests
{
    private static Article Make(string text, PageDate? date = null) =>
        new() { Id = "t", Origin = "test", Text = text, Date = date, DateCandidates = date is null ? [] : ImmutableArray.Create(date) };

    private static PageDate Day(int y, int m, int d, string source = "meta:article:published_time") =>
        new(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), false, $"{y}-{m:00}-{d:00}", source);

    [Fact]
    public void A_page_date_that_agrees_with_the_content_is_the_reference()
    {
        var dating = ArticleDates.Analyze(Make("The minister resigned on Monday. Talks on March 2 failed.", Day(2020, 3, 4)));
        Assert.False(dating.PageDateContradicted);
        Assert.Null(dating.Note);
        Assert.Equal(new DateOnly(2020, 3, 4), dating.Reference!.Date);
        Assert.Contains(dating.Expressions, e => e.Value == "2020-03-02");
        Assert.Contains(dating.Expressions, e => e.Value == "2020-03-02" && e.Resolution == TimexResolution.Resolved);
    }

    [Fact]
    public void Content_dated_after_the_page_date_contradicts_it_and_both_are_kept()
    {
        var dating = ArticleDates.Analyze(Make("The summit was held on 14 May 2019 in Sochi.", Day(2018, 1, 2, "url")));
        Assert.True(dating.PageDateContradicted);
        Assert.Null(dating.Reference);
        Assert.Contains("2019-05-14", dating.Note, StringComparison.Ordinal);
        Assert.Contains(dating.Candidates, c => c.Source == "url");
        Assert.Contains(dating.Candidates, c => c.Source == "text:content" && c.Day == "2019-05-14");
    }

    [Fact]
    public void Without_a_page_date_the_note_says_so_and_nothing_is_guessed()
    {
        var dating = ArticleDates.Analyze(Make("Officials said on Friday that the border reopened last week."));
        Assert.Null(dating.PageDate);
        Assert.NotNull(dating.Note);
        Assert.All(dating.Expressions, e => Assert.Equal(TimexResolution.Unresolved, e.Resolution));
        Assert.Contains(dating.Expressions, e => e.Value == "XXXX-WXX-5");
    }

    [Fact]
    public void A_date_line_at_the_top_is_the_page_date_and_not_content()
    {
        var dating = ArticleDates.Analyze(Make("09:15 GMT 3 March 2020\nThe minister resigned on Monday."));
        Assert.Equal("2020-03-03", dating.PageDate!.Day);
        Assert.True(dating.PageDate.HasTime);
        Assert.Equal("text:date-line", dating.PageDate.Source);
        Assert.Equal("2020-03-02", Assert.Single(dating.Expressions).Value);
    }

    [Fact]
    public void A_wire_stamp_earlier_than_the_page_date_is_the_reference_and_both_are_kept()
    {
        // A story written on Friday 7 January and republished on the 15th: its "Thursday" is the 6th, not the 13th.
        const string text = "APW20000107.0088  NEWS STORY  2000-01-07 03:03\nCastro attended a rally Thursday in Havana.";
        var dating = ArticleDates.Analyze(Make(text, Day(2000, 1, 15)));
        Assert.True(dating.PageDateContradicted);
        Assert.Equal(new DateOnly(2000, 1, 7), dating.Reference!.Date);
        Assert.Equal("text:wire-stamp", dating.Reference.Source);
        Assert.Contains("2000-01-15", dating.Note, StringComparison.Ordinal);
        Assert.Contains(dating.Candidates, c => c.Source == "meta:article:published_time");
        Assert.Equal("2000-01-06", Assert.Single(dating.Expressions).Value);

        // A stamp that agrees, or an all-capital headline with a day but no clock time, changes nothing.
        var same = ArticleDates.Analyze(Make("APW20000115.0088  NEWS STORY  2000-01-15 03:03\nCastro attended a rally Thursday.", Day(2000, 1, 15)));
        Assert.False(same.PageDateContradicted);
        Assert.Equal(new DateOnly(2000, 1, 15), same.Reference!.Date);
        var headline = ArticleDates.Analyze(Make("REMEMBERING SEPT. 11, 2001\nFamilies gathered on Thursday.", Day(2020, 9, 11)));
        Assert.False(headline.PageDateContradicted);
        Assert.Equal(new DateOnly(2020, 9, 11), headline.Reference!.Date);
    }

    [Fact]
    public void A_span_takes_its_own_date_else_the_article_date_flagged()
    {
        const string text = "Talks on March 2 failed. The minister is angry.";
        var dating = ArticleDates.Analyze(Make(text, Day(2020, 3, 4)));
        var own = ArticleDates.DateOf(dating, 0, text.IndexOf('.', StringComparison.Ordinal) + 1);
        Assert.Equal(("2020-03-02", SpanDateSource.Text), (own.Value, own.Source));
        var second = text.IndexOf("The minister", StringComparison.Ordinal);
        var flagged = ArticleDates.DateOf(dating, second, text.Length - second);
        Assert.Equal(("2020-03-04", SpanDateSource.ArticleDate), (flagged.Value, flagged.Source));
    }
}
