using Storyline.Entities;
using Storyline.Store;

namespace Storyline.Tests.Entities;

/// <summary>Names are tagged once at ingest and stored, and the entity stage reads them back instead of tagging again.</summary>
public class IngestNamesTests
{
    [SharedFact]
    public void Ingest_stores_each_articles_names_and_they_are_what_the_tagger_finds()
    {
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([SharedData.Seeds], store);
        foreach (var article in store.Articles())
        {
            Assert.NotNull(article.Names);
            var tagged = NerTagger.Default.Recognize(article.Text).Select(m => (m.Start, m.Length, NerLabels.Code(m.Type)));
            Assert.Equal(tagged, article.Names!.Value.Select(n => (n.Start, n.Length, n.Type)));
            Assert.All(article.Names.Value, n => Assert.InRange(n.Start + n.Length, 1, article.Text.Length));
        }

        // Resolving from the stored names gives the same entities as tagging afresh.
        var stored = store.Articles().ToList();
        var fresh = stored.Select(a => a with { Names = null }).ToList();
        var fromStored = EntityResolver.Default.Resolve(stored).Select(e => (e.Name, e.Mentions.Length));
        var fromFresh = EntityResolver.Default.Resolve(fresh).Select(e => (e.Name, e.Mentions.Length));
        Assert.Equal(fromFresh, fromStored);
    }
}
