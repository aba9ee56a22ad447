using Storyline.Entities;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Time;

namespace Storyline.Web;

/// <summary>A span of the article's clean text the page highlights: an entity mention, a quote or a date.</summary>
/// <param name="Kind">entity, quote or date.</param>
/// <param name="Type">For entities: person, organization, location, misc; for quotes: direct, mixed, indirect; for dates: DATE, TIME, DURATION, SET.</param>
/// <param name="Label">The entity's name, the quote's speaker, or the date's normalised value.</param>
internal sealed record AnnotationSpan(string Kind, int Start, int Length, string Type, string? Label);

/// <summary>A paragraph of the clean text, as a span.</summary>
internal sealed record ParagraphSpan(int Start, int Length, string Role);

/// <summary>A removed block of the page, with why, placed before the clean paragraph it preceded on the page.</summary>
internal sealed record RemovedBlock(string Text, string Reason, int BeforeParagraph);

/// <summary>One article as the API gives it: clean text, paragraphs, removed blocks with reasons, annotation spans.</summary>
internal sealed record ArticleDetail(
    string Id,
    string Origin,
    string? Url,
    string? Title,
    string? Standfirst,
    string? Byline,
    string? Outlet,
    string? Dateline,
    string? Date,
    string? DateSource,
    string? DateText,
    IReadOnlyList<string> Notes,
    string? StoryId,
    string? StoryLabel,
    string Text,
    IReadOnlyList<ParagraphSpan> Paragraphs,
    IReadOnlyList<RemovedBlock> Removed,
    IReadOnlyList<AnnotationSpan> Annotations)
{
    /// <summary>Annotates the article with the engine's own stages: entities, quotes (speakers named through those entities), dates.</summary>
    public static ArticleDetail Build(Article article, Story? story, CancellationToken cancellationToken = default)
    {
        var spans = new List<AnnotationSpan>();
        var entities = EntityResolver.Default.Resolve([article], cancellationToken);
        foreach (var entity in entities)
        {
            foreach (var m in entity.Mentions.Where(m => m.ArticleId == article.Id))
            {
                spans.Add(new AnnotationSpan("entity", m.Start, m.Length, entity.Type.ToString().ToLowerInvariant(), entity.Name));
            }
        }

        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SpeakerResolver = new EntitySpeakerResolver(entities) });
        foreach (var q in extractor.Extract(article, cancellationToken))
        {
            spans.Add(new AnnotationSpan("quote", q.Content.Start, q.Content.Length, q.Kind.ToString().ToLowerInvariant(), q.SpeakerName));
        }

        foreach (var t in ArticleDates.Analyze(article).Expressions)
        {
            spans.Add(new AnnotationSpan("date", t.Start, t.Length, t.TypeName, t.Value));
        }

        // Only spans inside the text survive: the page slices the text with them.
        var inside = spans.Where(s => s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= article.Text.Length)
            .OrderBy(s => s.Start).ThenByDescending(s => s.Length).ThenBy(s => s.Kind, StringComparer.Ordinal).ToList();

        return new ArticleDetail(
            article.Id,
            article.Origin,
            article.Url,
            article.Title?.Value,
            article.Standfirst?.Value,
            article.Byline?.Value,
            article.Outlet?.Value,
            article.Dateline?.Value,
            article.Date?.Day,
            article.Date?.Source,
            article.Date?.Text,
            article.Notes,
            story?.Id,
            story?.Label,
            article.Text,
            [.. article.Paragraphs.Select(p => new ParagraphSpan(p.Start, p.Length, p.Role.ToString().ToLowerInvariant()))],
            PlaceRemoved(article),
            inside);
    }

    /// <summary>
    /// Each removed block goes before the clean paragraph that followed it on the page: kept blocks are matched to the
    /// paragraphs in order by their text, so the toggle shows the page as it was, removals struck through in place.
    /// </summary>
    private static List<RemovedBlock> PlaceRemoved(Article article)
    {
        var removed = new List<RemovedBlock>();
        var next = 0;
        foreach (var block in article.Blocks)
        {
            if (block.IsRemoved)
            {
                removed.Add(new RemovedBlock(block.Text, block.Reason ?? "boilerplate", next));
            }
            else if (next < article.Paragraphs.Length && SameText(article.ParagraphText(article.Paragraphs[next]), block.Text))
            {
                next++;
            }
        }

        return removed;
    }

    private static bool SameText(string paragraph, string block) =>
        string.Equals(Squash(paragraph), Squash(block), StringComparison.Ordinal);

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
