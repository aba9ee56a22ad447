using System.Collections.Immutable;
using System.Text;
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
        var text = new StringBuilder();
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        foreach (var block in blocks)
        {
            if (block.Role is not (BlockRole.Standfirst or BlockRole.Heading or BlockRole.Body) || block.Text.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(Article.ParagraphSeparator);
            }

            paragraphs.Add(new Paragraph(text.Length, block.Text.Length, block.Role));
            text.Append(block.Text);
        }

        var dates = metadata.DateCandidates;
        return new Article
        {
            Id = ContentHash.ArticleId(pageText),
            Origin = page.Raw.Origin,
            Url = metadata.Url ?? page.Raw.Url,
            Format = page.Raw.Format,
            Text = text.ToString(),
            Paragraphs = paragraphs.ToImmutable(),
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
