using System.Buffers;
using System.Runtime.InteropServices;
using Storyline.Text;

namespace Storyline.Extract;

/// <summary>
/// How many pages of each site, and of the whole corpus, carry a given line: the repetition signal for
/// boilerplate ("repeated on 41 pages of sputniknews.com"). Lines are compared by
/// <see cref="TextNormalizer.LineKey"/>. Adding is thread-safe; each page counts a line once.
/// </summary>
/// <remarks>
/// One plain dictionary per site and one for the corpus, updated under one lock per page: a page adds hundreds
/// of lines, so taking the lock once is far cheaper than a concurrent dictionary operation per line.
/// </remarks>
public sealed class LineStatistics
{
    private readonly Dictionary<string, SiteTable> _sites = new(StringComparer.Ordinal);
    private readonly KeyCounts _corpusCounts = new();
    private readonly Lock _gate = new();
    private int _pages;

    /// <summary>
    /// Page counts by line key in one open-addressed array of (key, count) pairs: the corpus table grows to
    /// hundreds of thousands of keys, and a look-up here touches one cache line where a dictionary touches two.
    /// </summary>
    private sealed class KeyCounts
    {
        private Slot[] _slots = new Slot[16];
        private int _used;
        private int _zeroCount; // key 0 marks an empty slot, so its count is kept apart

        private struct Slot
        {
            public ulong Key;
            public int Count;
        }

        public void Add(ulong key, int count)
        {
            if (key == 0)
            {
                _zeroCount += count;
                return;
            }

            if ((_used + 1) * 2 > _slots.Length)
            {
                Grow();
            }

            ref var slot = ref Find(_slots, key);
            if (slot.Key == 0)
            {
                slot.Key = key;
                _used++;
            }

            slot.Count += count;
        }

        public int Get(ulong key) => key == 0 ? _zeroCount : Find(_slots, key).Count;

        public IEnumerable<(ulong Key, int Count)> Entries()
        {
            if (_zeroCount > 0)
            {
                yield return (0, _zeroCount);
            }

            foreach (var slot in _slots)
            {
                if (slot.Key != 0)
                {
                    yield return (slot.Key, slot.Count);
                }
            }
        }

        /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
        private static ref Slot Find(Slot[] slots, ulong key)
        {
            var mask = slots.Length - 1;
            var i = (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
            while (slots[i].Key != key && slots[i].Key != 0)
            {
                i = (i + 1) & mask;
            }

            return ref slots[i];
        }

        private void Grow()
        {
            var bigger = new Slot[_slots.Length * 2];
            foreach (var slot in _slots)
            {
                if (slot.Key != 0)
                {
                    Find(bigger, slot.Key) = slot;
                }
            }

            _slots = bigger;
        }
    }

    private sealed class SiteTable
    {
        public readonly KeyCounts Lines = new();
        public int Pages;
    }

    /// <summary>An empty set: nothing is known about repetition (one-page runs, tests).</summary>
    public static LineStatistics Empty => new();

    /// <summary>Pages observed.</summary>
    public int Pages => Volatile.Read(ref _pages);

    /// <summary>Counts the page's distinct lines under its site (use "" when the site is unknown).</summary>
    public void AddPage(string site, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        AddPageKeys(site, [.. lines.Select(Key)]);
    }

    /// <summary>
    /// Counts the page's distinct line keys (<see cref="Key(ReadOnlySpan{char})"/>; 0 for a line without letters is
    /// passed over) under its site. Reorders <paramref name="keys"/>.
    /// </summary>
    public void AddPageKeys(string site, Span<ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(site);

        // Sorted, each distinct key is counted once: cheaper than a set for the few hundred lines of a page.
        keys.Sort();
        lock (_gate)
        {
            var counts = SiteFor(site);
            var previous = 0UL;
            foreach (var key in keys)
            {
                if (key == previous)
                {
                    continue;
                }

                previous = key;
                counts.Lines.Add(key, 1);
                _corpusCounts.Add(key, 1);
            }

            counts.Pages++;
            _pages++;
        }
    }

    private SiteTable SiteFor(string site)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_sites, site, out _);
        return counts ??= new SiteTable();
    }

    /// <summary>Adds counts learned earlier (from the store), so repetition accumulates across runs.</summary>
    public void Merge(string site, ulong lineKey, int pages)
    {
        ArgumentNullException.ThrowIfNull(site);
        lock (_gate)
        {
            SiteFor(site).Lines.Add(lineKey, pages);
            _corpusCounts.Add(lineKey, pages);
        }
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
        ArgumentNullException.ThrowIfNull(site);
        lock (_gate)
        {
            SiteFor(site).Pages += pages;
            _pages += pages;
        }
    }

    /// <summary>Pages of <paramref name="site"/> that carry the line.</summary>
    public int PagesWithLine(string site, string line) => PagesWithKey(site, Key(line));

    /// <summary>Pages of <paramref name="site"/> that carry the line whose <see cref="Key(ReadOnlySpan{char})"/> is given.</summary>
    public int PagesWithKey(string site, ulong lineKey)
    {
        lock (_gate)
        {
            return _sites.TryGetValue(site, out var counts) ? counts.Lines.Get(lineKey) : 0;
        }
    }

    /// <summary>Pages of any site that carry the line.</summary>
    public int PagesWithLineAnywhere(string line) => PagesWithKeyAnywhere(Key(line));

    /// <summary>Pages of any site that carry the line whose <see cref="Key(ReadOnlySpan{char})"/> is given.</summary>
    public int PagesWithKeyAnywhere(ulong lineKey)
    {
        lock (_gate)
        {
            return _corpusCounts.Get(lineKey);
        }
    }

    /// <summary>Pages observed for the site.</summary>
    public int PagesOfSite(string site)
    {
        lock (_gate)
        {
            return _sites.TryGetValue(site, out var counts) ? counts.Pages : 0;
        }
    }

    /// <summary>Every (site, line key, pages) count, for saving; ordered so the output is deterministic.</summary>
    public IEnumerable<(string Site, ulong Line, int Pages)> SiteCounts()
    {
        List<(string Site, ulong Line, int Pages)> all;
        lock (_gate)
        {
            all = [.. _sites.SelectMany(s => s.Value.Lines.Entries().Select(kv => (s.Key, kv.Key, kv.Count)))];
        }

        return all.OrderBy(t => t.Site, StringComparer.Ordinal).ThenBy(t => t.Line);
    }

    /// <summary>Every (site, pages) count, for saving.</summary>
    public IEnumerable<(string Site, int Pages)> SitePages()
    {
        List<(string Site, int Pages)> all;
        lock (_gate)
        {
            all = [.. _sites.Where(s => s.Value.Pages > 0).Select(s => (s.Key, s.Value.Pages))];
        }

        return all.OrderBy(t => t.Site, StringComparer.Ordinal);
    }

    // What each character adds to a line's key: itself lower-cased if a letter or digit, else nothing (0). One table
    // for all of UTF-16 (128 KB, built once): the culture's lower-casing costs more than the rest of the key.
    private static readonly char[] KeyChars = BuildKeyChars();

    private static char[] BuildKeyChars()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            table[c] = char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '\0';
        }

        return table;
    }

    /// <summary>The hash a line is counted under; 0 for a line with no letters or digits.</summary>
    public static ulong Key(string line) => Key(line.AsSpan());

    /// <summary>
    /// The hash a line is counted under: <see cref="TextNormalizer.LineKey"/>'s text hashed, computed without
    /// building that string; 0 for a line with no letters or digits.
    /// </summary>
    public static ulong Key(ReadOnlySpan<char> line)
    {
        char[]? rented = null;
        var buffer = line.Length <= 512 ? stackalloc char[line.Length] : (rented = ArrayPool<char>.Shared.Rent(line.Length));
        var key = KeyOfFolded(buffer[..FoldKeyChars(line, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>
    /// Writes the characters a line's key is made of (its letters and digits, lower-cased) and returns how many;
    /// the keys of lines joined by spaces are the key of their characters written one after the other.
    /// </summary>
    internal static int FoldKeyChars(ReadOnlySpan<char> line, Span<char> destination)
    {
        var n = 0;
        var table = KeyChars;
        foreach (var ch in line)
        {
            var folded = table[ch];
            if (folded != 0)
            {
                destination[n++] = folded;
            }
        }

        return n;
    }

    /// <summary>The key of the characters <see cref="FoldKeyChars"/> wrote; 0 when there are none.</summary>
    internal static ulong KeyOfFolded(ReadOnlySpan<char> folded) => folded.IsEmpty ? 0 : ContentHash.Hash64(folded) | 1;
}
