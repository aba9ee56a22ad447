using Storyline.Model;

namespace Storyline.Dedup;

/// <summary>Which page dates can order articles in time.</summary>
public static class ArticleDates
{
    /// <summary>
    /// The article's publication date, or null when it has none or the date is a crawl stamp (seed 000: a 2021
    /// crawl time over January 2018 events): a crawl stamp says when a page was fetched, not when it was written.
    /// </summary>
    public static DateTimeOffset? Usable(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var date = article.Date;
        if (date is null || date.Source.Contains("crawl", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return date.Value;
    }
}
