using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Tests.Quotes;

/// <summary>
/// EXPECTED.md, "Quotes", on the seed pages as the crawler saved them (paragraphs = non-empty lines). Speakers are
/// checked as the words the text gives (a pronoun through its antecedent); once the entity stage plugs in as the
/// <see cref="ISpeakerResolver"/>, "the spokesman" in 002 must resolve to Dmitry Peskov as well.
/// </summary>
public class SeedQuoteTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static (string Text, IReadOnlyList<Quote> Quotes) Seed(string prefix)
    {
        var text = File.ReadAllText(SharedData.Seed(prefix));
        return (text, Extractor.Extract(text));
    }

    private static string Fold(string s) => TextNormalizer.Normalize(s, lowerCase: true);

    /// <summary>The speaker as the text names it: the resolved name, else the speaker's words.</summary>
    private static string Speaker(string text, Quote q) => q.SpeakerName ?? (q.Speaker is { } s ? s.Of(text) : "");

    [SharedTheory]
    [InlineData("000", "The process of implementing agreements", "Peskov", QuoteKind.Direct)]
    [InlineData("001", "We were satisfied with the agreements", "Peskov", QuoteKind.Direct)]
    [InlineData("002", "perfectly armed, constantly receiving ammunition", "the spokesman", QuoteKind.Mixed)]
    [InlineData("002", "Very dangerous samples", "Peskov", QuoteKind.Direct)]
    [InlineData("003", "At the moment, we consider the most important thing", "Peskov", QuoteKind.Direct)]
    [InlineData("004", "At the moment, we consider the most important thing", "Peskov", QuoteKind.Direct)]
    [InlineData("003", "We consider such sorties from Idlib unacceptable", "Peskov", QuoteKind.Direct)]
    [InlineData("004", "We consider such sorties from Idlib unacceptable", "Peskov", QuoteKind.Direct)]
    [InlineData("003", "there were no plans currently for", "Peskov", QuoteKind.Indirect)]
    [InlineData("004", "there were no plans currently for", "Peskov", QuoteKind.Indirect)]
    [InlineData("002", "Turkey has not yet fulfilled the Syria accords", "Peskov", QuoteKind.Indirect)]
    [InlineData("004", "Our expectation from the (Syrian) regime's guarantors", "Cavusoglu", QuoteKind.Direct)]
    [InlineData("004", "We conveyed our determination to our Russian counterparts", "Cavusoglu", QuoteKind.Direct)]
    [InlineData("004", "\"without anger\"", "Erdogan", QuoteKind.Mixed)]
    [InlineData("002", "\"war\"", "Erdogan", QuoteKind.Mixed)]
    public void Every_expected_quote_is_found_with_its_speaker(string seed, string words, string speaker, QuoteKind kind)
    {
        var (text, quotes) = Seed(seed);

        var found = quotes.Where(q => Fold(q.ContentText(text)).Contains(Fold(words), StringComparison.Ordinal)).ToList();

        var q = Assert.Single(found);
        Assert.Equal(kind, q.Kind);
        Assert.Contains(speaker, Speaker(text, q), StringComparison.Ordinal);
    }

    [SharedFact]
    public void A_pronoun_speaker_in_003_is_traced_to_Peskov_through_the_quote_before()
    {
        var (text, quotes) = Seed("003");

        var q = quotes.Single(q => q.ContentText(text).Contains("such sorties", StringComparison.Ordinal));

        Assert.Equal("he", q.Speaker!.Value.Of(text));
        Assert.Equal("Dmitry Peskov", q.SpeakerName);
    }

    [SharedFact]
    public void The_003_and_004_Peskov_quotes_are_merged_once_each_with_both_sources()
    {
        var (t3, q3) = Seed("003");
        var (t4, q4) = Seed("004");

        var merged = QuoteMerger.Merge([("003", t3, q3), ("004", t4, q4)]);

        foreach (var words in new[] { "At the moment, we consider the most important thing", "We consider such sorties from Idlib unacceptable", "there were no plans currently for" })
        {
            var m = Assert.Single(merged, m => Fold(m.Text).Contains(Fold(words), StringComparison.Ordinal));
            Assert.Equal(["003", "004"], m.ArticleIds);
            Assert.Contains("Peskov", m.SpeakerName, StringComparison.Ordinal);
        }

        // 004's own quotes (Cavusoglu) have one source.
        var own = Assert.Single(merged, m => m.Text.Contains("We conveyed our determination", StringComparison.Ordinal));
        Assert.Equal(["004"], own.ArticleIds);
    }
}
