using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Model;
using Storyline.Quotes;

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
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        entities ??= EntityResolver.Default.Resolve(articles, cancellationToken);
        var extractor = new FigureExtractor(new FigureExtractorOptions { SpeakerResolver = new EntitySpeakerResolver(entities) });
        var figures = ImmutableArray.CreateBuilder<Figure>();
        foreach (var article in articles)
        {
            var known = quotes is not null && quotes.TryGetValue(article.Id, out var q) ? q : null;
            figures.AddRange(extractor.Find(article, known, cancellationToken: cancellationToken));
        }

        var all = figures.ToImmutable();
        return new StoryFigureSet(all, FigureGroups.Group(all), FigureGroups.Disagreements(all));
    }
}
