using AngleSharp.Html.Parser;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>
/// Reads an HTML page as an article. Stand-in: title from &lt;title&gt;, body from &lt;p&gt; elements.
/// Immutable and thread-safe.
/// </summary>
public sealed class HtmlPageExtractor : IPageExtractor
{
    public void Observe(DecodedPage page, LineStatistics statistics)
    {
    }

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var parser = new HtmlParser();
        using var doc = parser.ParseDocument(page.Content);
        var blocks = new List<Block>();
        var title = doc.Title?.Trim();
        if (!string.IsNullOrEmpty(title))
        {
            blocks.Add(new Block(title, BlockRole.Title));
        }

        foreach (var p in doc.QuerySelectorAll("p"))
        {
            var text = string.Join(' ', p.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 0)
            {
                blocks.Add(new Block(text, BlockRole.Body));
            }
        }

        var meta = new ArticleMetadata { Title = string.IsNullOrEmpty(title) ? null : new MetaValue(title, "html:title") };
        return ArticleBuilder.Build(page, page.Content, blocks, meta);
    }
}
