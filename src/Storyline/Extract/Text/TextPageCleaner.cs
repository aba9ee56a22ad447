using Storyline.Model;

namespace Storyline.Extract.Text;

/// <summary>
/// Cleans a plain-text page as a crawler saved it (one block a line, chrome included) into an article.
/// Stand-in: keeps every non-empty line as body. Immutable and thread-safe.
/// </summary>
public sealed class TextPageCleaner : IPageExtractor
{
    public void Observe(DecodedPage page, LineStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(statistics);
        statistics.AddPage(page.Raw.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : "", Lines(page.Content));
    }

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var blocks = Lines(page.Content).Select(l => new Block(l, BlockRole.Body)).ToList();
        return ArticleBuilder.Build(page, page.Content, blocks, new ArticleMetadata());
    }

    private static IEnumerable<string> Lines(string content) =>
        content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
