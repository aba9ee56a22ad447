using Storyline.Extract.Html;
using Storyline.Extract.Text;
using Storyline.Model;

namespace Storyline.Extract;

/// <summary>Chooses the extractor for a page by its format. Immutable and thread-safe.</summary>
public sealed class PageExtractors(IPageExtractor text, IPageExtractor html) : IPageExtractor
{
    /// <summary>The project's own extractors.</summary>
    public static PageExtractors Default { get; } = new(new TextPageCleaner(), new HtmlPageExtractor());

    public IPageExtractor For(PageFormat format) => format == PageFormat.Html ? html : text;

    public void Observe(DecodedPage page, LineStatistics statistics) => For(page.Raw.Format).Observe(page, statistics);

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default) =>
        For(page.Raw.Format).Extract(page, statistics, cancellationToken);
}
