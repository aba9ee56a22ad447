using Storyline.Entities;
using Storyline.Model;

namespace Storyline.Quotes;

/// <summary>The quotes of one story: found in each article, speakers named through the story's entities, each quote once.</summary>
public static class StoryQuotes
{
    /// <summary>Each quote once, with every article that carries it; speakers resolved with <paramref name="entities"/> (resolved from the articles when null).</summary>
    public static IReadOnlyList<MergedQuote> Find(IReadOnlyList<Article> articles, IReadOnlyList<ResolvedEntity>? entities = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        entities ??= EntityResolver.Default.Resolve(articles, cancellationToken);
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SpeakerResolver = new EntitySpeakerResolver(entities) });
        // Each article's quotes on all cores, merged in input order.
        var found = articles.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(a => (IReadOnlyList<Quote>)extractor.Extract(a, cancellationToken)).ToArray();
        return QuoteMerger.Merge(articles.Select((a, i) => (a.Id, a.Text, found[i])));
    }
}
