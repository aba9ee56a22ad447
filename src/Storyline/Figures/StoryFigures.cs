using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Time;

namespace Storyline.Figures;

/// <summary>The figures of one story: every mention, the mentions grouped into figures, and the disagreements. Immutable.</summary>
public sealed record StoryFigureSet(ImmutableArray<Figure> Figures, ImmutableArray<FigureGroup> Groups, ImmutableArray<Disagreement> Disagreements);

/// <summary>Finds a story's figures, with sources named through the story's entities.</summary>
public static class StoryFigures
{
    /// <summary>
    /// The figures of <paramref name="articles"/>, sources resolved with <paramref name="entities"/> (resolved from
    /// the articles when null); <paramref name="quotes"/> are each article's quotes by article id when the caller has them.
    /// </summary>
    public static StoryFigureSet Find(
        IReadOnlyList<Article> articles,
        IReadOnlyList<ResolvedEntity>? entities = null,
        IReadOnlyDictionary<string, IReadOnlyList<Quote>>? quotes = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, ArticleDating>? dating = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        entities ??= EntityResolver.Default.Resolve(articles, cancellationToken);
        var extractor = new FigureExtractor(new FigureExtractorOptions { SpeakerResolver = new EntitySpeakerResolver(entities) });

        // Per article on all cores, gathered in input order.
        var found = articles.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(article =>
        {
            var known = quotes is not null && quotes.TryGetValue(article.Id, out var q) ? q : null;
            var dated = dating is not null && dating.TryGetValue(article.Id, out var d) ? d : null;
            return extractor.Find(article, known, dated, cancellationToken);
        }).ToArray();
        var all = found.SelectMany(f => f).ToImmutableArray();
        return new StoryFigureSet(all, FigureGroups.Group(all), FigureGroups.Disagreements(all));
    }
}
