using Storyline.Quotes;

namespace Storyline.Tests.Quotes;

public class QuoteMergerTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static (string, string, IReadOnlyList<Quote>) Article(string id, string text) => (id, text, Extractor.Extract(text));

    [Fact]
    public void The_same_quote_with_other_typography_and_trimmed_ends_is_merged_with_both_sources()
    {
        var a = Article("a", "\"We consider such sorties from the north unacceptable and dangerous,\" Mayor Ana Ruiz said.");
        var b = Article("b", "“We consider such sorties from the north unacceptable,” Ruiz told reporters.");

        var merged = QuoteMerger.Merge([a, b]);

        var q = Assert.Single(merged);
        Assert.Equal(["a", "b"], q.ArticleIds);
        Assert.Equal("\"We consider such sorties from the north unacceptable and dangerous,\"", q.Text);
        Assert.Equal("Ana Ruiz", q.SpeakerName);
    }

    [Fact]
    public void Different_words_or_contradicting_speakers_stay_apart()
    {
        var a = Article("a", "“The bridge opens in May this year,” Ana Ruiz said.");
        var b = Article("b", "“The bridge opens in May this year,” Carlos Vidal said.");
        var c = Article("c", "“Nobody will pay a toll on the new road,” Ana Ruiz said.");

        var merged = QuoteMerger.Merge([a, b, c]);

        Assert.Equal(3, merged.Length);
        Assert.All(merged, m => Assert.Single(m.Sources));
    }

    [Fact]
    public void Two_quotes_of_one_article_are_never_merged_with_each_other()
    {
        var a = Article("a", "“The bridge opens in May,” Ana Ruiz said.\n\n“The bridge opens in May,” she said again.");

        Assert.Equal(2, QuoteMerger.Merge([a]).Length);
    }
}
