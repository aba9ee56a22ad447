using Storyline.Model;

namespace Storyline.Extract;

/// <summary>
/// Reads a decoded page as an article. Extraction runs in two passes over a corpus: first every page is
/// <see cref="Observe"/>d, so repetition across the pages of a site can be learned, then each page is
/// <see cref="Extract"/>ed against what was learned. Implementations are immutable and thread-safe.
/// </summary>
public interface IPageExtractor
{
    /// <summary>Adds the page's blocks to the corpus statistics (pass one).</summary>
    void Observe(DecodedPage page, LineStatistics statistics);

    /// <summary>Reads the page as an article (pass two). Never throws for bad content: an empty article says why in its notes.</summary>
    Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default);
}
