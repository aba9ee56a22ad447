using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>
/// Reads an HTML page as an article: AngleSharp parses it; <see cref="HtmlBlocks"/> splits it into text blocks in
/// reading order; <see cref="ContentScorer"/> picks the main content and marks every other block as boilerplate
/// with its reason; <see cref="HtmlMetadata"/> reads title, authors, date (with its source), outlet, canonical URL
/// and language. Bad pages (no body, frameset, binary bytes, oversized, absurdly nested) give an empty article
/// whose notes say why. Immutable and thread-safe.
/// </summary>
public sealed class HtmlPageExtractor : IPageExtractor
{
    /// <summary>Pages longer than this (in characters) are not articles a reader sees; they are refused with a note.</summary>
    internal const int MaxPageChars = 16 * 1024 * 1024;

    /// <summary>Deeper markup is flattened by the parser, so no walk can go deeper than this.</summary>
    internal const int MaxDepth = 512;

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = true,
        DisableElementPositionTracking = true,
        MaximumDepth = MaxDepth,
    };

    /// <summary>
    /// HTML pages are judged by their structure, not by lines repeated across a site, so the first pass learns
    /// nothing: parsing every page twice would halve the speed for no gain the scores show.
    /// </summary>
    public void Observe(DecodedPage page, LineStatistics statistics)
    {
    }

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var content = page.Content;
        if (content.Length > MaxPageChars)
        {
            return Empty(page, $"page is {content.Length / (1024 * 1024)} MB of text, over the {MaxPageChars / (1024 * 1024)} MB limit for one article");
        }

        if (LooksBinary(content))
        {
            return Empty(page, "page is binary data, not HTML text");
        }

        var parser = new HtmlParser(ParserOptions);
        using var doc = parser.ParseDocument(content);
        cancellationToken.ThrowIfCancellationRequested();
        if (doc.Body is null)
        {
            var frames = doc.QuerySelector("frameset") is not null;
            return Empty(page, frames ? "page is a frameset: its text lives in other documents" : "page has no body");
        }

        var root = doc.Body;
        var textBlocks = HtmlBlocks.Split(root, cancellationToken);
        var choice = ContentScorer.Choose(textBlocks, root);
        var metadata = HtmlMetadata.Read(doc, page.Raw.Url, choice, textBlocks);
        var notes = metadata.Notes;
        if (choice.BodyBlocks == 0)
        {
            notes = notes.Add(textBlocks.Count == 0 ? "page has no visible text" : "no main content found: every block looks like page chrome");
        }

        if (metadata.Title is { } title)
        {
            // The headline leads the block list when the scorer did not see it as a block of its own.
            var blocks = choice.Blocks;
            if (!blocks.Any(b => b.Role == BlockRole.Title))
            {
                blocks = [new Block(title.Value, BlockRole.Title), .. blocks];
            }

            choice = choice with { Blocks = blocks };
        }

        return ArticleBuilder.Build(page, content, choice.Blocks, metadata with { Notes = notes });
    }

    private static Article Empty(DecodedPage page, string reason) =>
        ArticleBuilder.Build(page, page.Content, [], new ArticleMetadata { Url = page.Raw.Url, Notes = [reason] });

    /// <summary>True when the start of the text holds control characters no HTML page has (images, archives, PDFs served as text/html).</summary>
    internal static bool LooksBinary(string content)
    {
        var n = Math.Min(content.Length, 4096);
        var bad = 0;
        for (var i = 0; i < n; i++)
        {
            var c = content[i];
            if ((c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f') || c == '\uFFFD')
            {
                bad++;
            }
        }

        return n > 0 && bad > n / 20;
    }
}
