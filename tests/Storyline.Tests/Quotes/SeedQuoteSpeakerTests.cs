using Storyline.Store;

namespace Storyline.Tests.Quotes;

/// <summary>EXPECTED.md "Quotes" end to end: seeds ingested, quotes found, speakers resolved to entities, copies merged.</summary>
public class SeedQuoteSpeakerTests
{
    private static readonly Lazy<IReadOnlyList<Storyline.Quotes.MergedQuote>> All = new(() =>
    {
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([SharedData.Seeds], store);
        return Storyline.Quotes.StoryQuotes.Find([.. store.Articles()]);
    });

    [SharedTheory]
    [InlineData("The process of implementing agreements", "Dmitry Peskov")]
    [InlineData("We were satisfied with the agreements", "Dmitry Peskov")]
    [InlineData("perfectly armed, constantly receiving ammunition", "Dmitry Peskov")]
    [InlineData("Very dangerous samples", "Dmitry Peskov")]
    [InlineData("At the moment, we consider the most important thing", "Dmitry Peskov")]
    [InlineData("We consider such sorties from Idlib unacceptable", "Dmitry Peskov")]
    [InlineData("there were no plans currently for", "Dmitry Peskov")]
    [InlineData("Turkey has not yet fulfilled the Syria accords", "Dmitry Peskov")]
    [InlineData("Our expectation from the (Syrian) regime", "Mevlut Cavusoglu")]
    [InlineData("We conveyed our determination to our Russian counterparts", "Mevlut Cavusoglu")]
    public void Each_expected_quote_is_found_with_its_speaker_resolved_to_the_entity(string words, string speaker)
    {
        var quotes = All.Value.Where(q => Storyline.Text.TextNormalizer.Normalize(q.Text).Contains(words, StringComparison.Ordinal)).ToList();
        Assert.True(quotes.Count > 0, $"no quote contains \"{words}\"");
        Assert.Contains(quotes, q => q.SpeakerName == speaker);
    }

    [SharedTheory]
    [InlineData("At the moment, we consider the most important thing")]
    [InlineData("We consider such sorties from Idlib unacceptable")]
    public void The_quotes_003_and_004_share_are_shown_once_with_both_sources(string words)
    {
        var quote = Assert.Single(All.Value, q => Storyline.Text.TextNormalizer.Normalize(q.Text).Contains(words, StringComparison.Ordinal));
        Assert.Equal(2, quote.ArticleIds.Count());
    }
}
