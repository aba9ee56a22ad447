using System.Collections.Concurrent;
using Storyline.Text;

namespace Storyline.Extract;

/// <summary>
/// How many pages of each site, and of the whole corpus, carry a given line: the repetition signal for
/// boilerplate ("repeated on 41 pages of sputniknews.com"). Lines are compared by
/// <see cref="TextNormalizer.LineKey"/>. Adding is thread-safe; each page counts a line once.
/// </summary>
public sealed class LineStatistics
{
    private readonly ConcurrentDictionary<(string Site, ulong Line), int> _siteCounts = new();
    private readonly ConcurrentDictionary<ulong, int> _corpusCounts = new();
    private readonly ConcurrentDictionary<string, int> _sitePages = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>An empty set: nothing is known about repetition (one-page runs, tests).</summary>
    public static LineStatistics Empty => new();

    /// <summary>Pages observed.</summary>
    public int Pages => _pages;

    /// <summary>Counts the page's distinct lines under its site (use "" when the site is unknown).</summary>
    public void AddPage(string site, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(lines);
        var seen = new HashSet<ulong>();
        foreach (var line in lines)
        {
            var key = Key(line);
            if (key != 0 && seen.Add(key))
            {
                _siteCounts.AddOrUpdate((site, key), 1, static (_, n) => n + 1);
                _corpusCounts.AddOrUpdate(key, 1, static (_, n) => n + 1);
            }
        }

        _sitePages.AddOrUpdate(site, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _pages);
    }

    /// <summary>Adds counts learned earlier (from the store), so repetition accumulates across runs.</summary>
    public void Merge(string site, ulong lineKey, int pages)
    {
        _siteCounts.AddOrUpdate((site, lineKey), pages, (_, n) => n + pages);
        _corpusCounts.AddOrUpdate(lineKey, pages, (_, n) => n + pages);
    }

    /// <summary>Adds every count of <paramref name="other"/> to this one.</summary>
    public void MergeFrom(LineStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (site, line, pages) in other.SiteCounts())
        {
            Merge(site, line, pages);
        }

        foreach (var (site, pages) in other.SitePages())
        {
            MergeSitePages(site, pages);
        }
    }

    /// <summary>Adds a count of pages for a site learned earlier (from the store).</summary>
    public void MergeSitePages(string site, int pages)
    {
        _sitePages.AddOrUpdate(site, pages, (_, n) => n + pages);
        Interlocked.Add(ref _pages, pages);
    }

    /// <summary>Pages of <paramref name="site"/> that carry the line.</summary>
    public int PagesWithLine(string site, string line) =>
        _siteCounts.TryGetValue((site, Key(line)), out var n) ? n : 0;

    /// <summary>Pages of any site that carry the line.</summary>
    public int PagesWithLineAnywhere(string line) =>
        _corpusCounts.TryGetValue(Key(line), out var n) ? n : 0;

    /// <summary>Pages observed for the site.</summary>
    public int PagesOfSite(string site) => _sitePages.TryGetValue(site, out var n) ? n : 0;

    /// <summary>Every (site, line key, pages) count, for saving; ordered so the output is deterministic.</summary>
    public IEnumerable<(string Site, ulong Line, int Pages)> SiteCounts() =>
        _siteCounts.Select(kv => (kv.Key.Site, kv.Key.Line, kv.Value)).OrderBy(t => t.Site, StringComparer.Ordinal).ThenBy(t => t.Line);

    /// <summary>Every (site, pages) count, for saving.</summary>
    public IEnumerable<(string Site, int Pages)> SitePages() =>
        _sitePages.Select(kv => (kv.Key, kv.Value)).OrderBy(t => t.Key, StringComparer.Ordinal);

    /// <summary>The hash a line is counted under; 0 for a line with no letters or digits.</summary>
    public static ulong Key(string line)
    {
        var key = TextNormalizer.LineKey(line);
        return key.Length == 0 ? 0 : ContentHash.Hash64(key) | 1;
    }
}
