using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Extract;

/// <summary>
/// Assembles an <see cref="Article"/> from a page's blocks: the clean text is the standfirst, headings and
/// body blocks joined by blank lines, and each becomes a <see cref="Paragraph"/> span. Shared by every extractor
/// so that all pages give the same shape of record.
/// </summary>
public static class ArticleBuilder
{
    /// <summary>Builds the article. <paramref name="pageText"/> is what the content id is computed from.</summary>
    public static Article Build(DecodedPage page, string pageText, IReadOnlyList<Block> blocks, ArticleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(metadata);
        // The clean text is written once, at its final length: pages are long, and a growing builder would copy it twice.
        int length = 0, count = 0;
        foreach (var block in blocks)
        {
            if (IsKept(block))
            {
                length += (count++ > 0 ? Article.ParagraphSeparator.Length : 0) + block.Text.Length;
            }
        }

        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>(count);
        var text = string.Create(length, (blocks, paragraphs), static (span, state) =>
        {
            var at = 0;
            foreach (var block in state.blocks)
            {
                if (!IsKept(block))
                {
                    continue;
                }

                if (at > 0)
                {
                    Article.ParagraphSeparator.CopyTo(span[at..]);
                    at += Article.ParagraphSeparator.Length;
                }

                state.paragraphs.Add(new Paragraph(at, block.Text.Length, block.Role));
                block.Text.CopyTo(span[at..]);
                at += block.Text.Length;
            }
        });

        var dates = metadata.DateCandidates;
        return new Article
        {
            Id = ContentHash.ArticleId(pageText),
            Origin = page.Raw.Origin,
            Url = metadata.Url ?? page.Raw.Url,
            Format = page.Raw.Format,
            Text = text,
            Paragraphs = paragraphs.MoveToImmutable(),
            Blocks = [.. blocks],
            Title = metadata.Title,
            Standfirst = metadata.Standfirst,
            Byline = metadata.Byline,
            Outlet = metadata.Outlet,
            Dateline = metadata.Dateline,
            Language = metadata.Language,
            Date = metadata.Date,
            DateCandidates = dates,
            Notes = metadata.Notes,
        };
    }

    private static bool IsKept(Block block) =>
        block.Role is BlockRole.Standfirst or BlockRole.Heading or BlockRole.Body && block.Text.Length > 0;
}

/// <summary>What an extractor learned about a page besides its blocks.</summary>
public sealed record ArticleMetadata
{
    public string? Url { get; init; }

    public MetaValue? Title { get; init; }

    public MetaValue? Standfirst { get; init; }

    public MetaValue? Byline { get; init; }

    public MetaValue? Outlet { get; init; }

    public MetaValue? Dateline { get; init; }

    public MetaValue? Language { get; init; }

    public PageDate? Date { get; init; }

    public ImmutableArray<PageDate> DateCandidates { get; init; } = [];

    public ImmutableArray<string> Notes { get; init; } = [];
}
