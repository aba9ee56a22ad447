using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Dedup;

/// <summary>
/// Finds exact duplicates, near duplicates and shared wire copy among articles added one at a time. Every
/// look-up goes through an index (normalised-text hashes, MinHash LSH buckets, paragraph fingerprints), so an
/// article is compared only with the few that share something with it, never with all. Links are kept, not
/// acted on: nothing is deleted. Not thread-safe: one writer adds articles in order.
/// </summary>
public sealed class DuplicateIndex
{
    // Paragraphs past this one of an article are not indexed: no real page has them, a broken one may.
    private const int MaxIndexedParagraphs = 1 << 20;

    private readonly DedupOptions _options;
    private readonly MinHash _minHash;
    private readonly IndexedArticles _entries;
    private readonly PostingLists<ulong> _exact = new();
    private readonly PostingLists<uint> _bands = new();
    private readonly PostingLists<ulong> _paragraphs = new();
    private readonly List<ArticleLink> _links = [];

    private readonly bool _keepLinks;

    /// <param name="options">Thresholds and fingerprint sizes.</param>
    /// <param name="keepLinks">Keep every link found in <see cref="Links"/>; false when the caller writes them away as <see cref="Add(Article)"/> returns them.</param>
    public DuplicateIndex(DedupOptions? options = null, bool keepLinks = true)
    {
        _options = options ?? new DedupOptions();
        _keepLinks = keepLinks;
        _minHash = new MinHash(_options.Permutations, _options.NearDuplicateSimilarity);
        _entries = new IndexedArticles(_options.Permutations);
    }

    /// <summary>Every link found so far, in the order found (none when the index does not keep links).</summary>
    public IReadOnlyList<ArticleLink> Links => _links;

    /// <summary>Articles added.</summary>
    public int Count => _entries.Count;

    /// <summary>The LSH banding chosen from the target similarity.</summary>
    public (int Bands, int Rows) Banding => (_minHash.Bands, _minHash.Rows);

    /// <summary>
    /// Adds the article and returns its links to articles added before (empty when it shares nothing). An article
    /// whose id was already added is not added again and gets no links.
    /// </summary>
    public IReadOnlyList<ArticleLink> Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _entries.IndexOf(article.Id) >= 0 ? [] : Add(Fingerprint(article));
    }

    /// <summary>Adds an article fingerprinted before (see <see cref="Fingerprint"/>); as <see cref="Add(Article)"/>.</summary>
    internal IReadOnlyList<ArticleLink> Add(Entry entry)
    {
        if (_entries.IndexOf(entry.Id) >= 0)
        {
            return [];
        }

        var candidates = new SortedDictionary<int, List<(int Theirs, int Ours)>>();
        var exactMatches = new HashSet<int>();
        foreach (var same in _exact.Get(entry.ExactKey))
        {
            exactMatches.Add(same);
        }

        var nearMatches = new Dictionary<int, double>();
        if (entry.Words > 0)
        {
            for (var band = 0; band < _minHash.Bands; band++)
            {
                foreach (var other in _bands.Get(_minHash.BandKey(entry.Signature, band)))
                {
                    if (!nearMatches.ContainsKey(other))
                    {
                        nearMatches[other] = MinHash.Similarity(entry.Signature, _entries.Signature(other));
                    }
                }
            }
        }

        for (var p = 0; p < entry.ParagraphKeys.Length; p++)
        {
            foreach (var key in entry.ParagraphKeys[p])
            {
                if (_paragraphs.Count(key) >= _options.MaxParagraphArticles)
                {
                    continue;
                }

                foreach (var posting in _paragraphs.Get(key))
                {
                    var (other, q) = _entries.FromParagraphNumber(posting);
                    if (!candidates.TryGetValue(other, out var list))
                    {
                        candidates[other] = list = [];
                    }

                    list.Add((q, p));
                }
            }
        }

        var found = new List<(int Other, ArticleLink Link)>();
        var all = new SortedSet<int>(candidates.Keys);
        all.UnionWith(exactMatches);
        all.UnionWith(nearMatches.Where(kv => kv.Value >= _options.NearDuplicateSimilarity).Select(kv => kv.Key));
        foreach (var other in all)
        {
            var pairs = candidates.TryGetValue(other, out var matches) ? OneToOne(matches) : [];
            LinkKind kind;
            double similarity;
            if (exactMatches.Contains(other))
            {
                kind = LinkKind.ExactDuplicate;
                similarity = 1;
                if (pairs.Count == 0 && _entries.ParagraphCount(other) == entry.ParagraphWords.Length)
                {
                    pairs = [.. Enumerable.Range(0, entry.ParagraphWords.Length).Select(i => (i, i))];
                }
            }
            else if (nearMatches.TryGetValue(other, out var sim) && sim >= _options.NearDuplicateSimilarity)
            {
                kind = LinkKind.NearDuplicate;
                similarity = sim;
            }
            else
            {
                // Shared copy is most of one article's text; two paragraphs of a quoted statement in two
                // otherwise different reports are not.
                var sharedWords = pairs.Sum(pair => entry.ParagraphWords[pair.Ours]);
                var containment = (double)sharedWords / Math.Max(1, Math.Min(entry.ContentWords, _entries.ContentWords(other)));
                var enough = pairs.Count >= _options.MinSharedParagraphs
                    ? sharedWords >= _options.MinSharedWords && containment >= _options.MinContainment
                    : sharedWords >= _options.MinParagraphWords * 2 && containment >= _options.MinSingleParagraphContainment;
                if (!enough)
                {
                    continue;
                }

                kind = LinkKind.SharesWireCopy;
                similarity = Math.Min(1.0, containment);
            }

            found.Add((other, MakeLink(other, entry, kind, similarity, pairs)));
        }

        var links = Closest(found);

        // Once indexed, an article is compared through what later articles look up: its keys are not kept, and of its
        // signature only the compact form that near-duplicate checks compare.
        var index = _entries.Add(entry.Id, entry.Words, entry.ContentWords, entry.Date, entry.ParagraphWords.Length, entry.Signature);
        _exact.Add(entry.ExactKey, index);
        if (entry.Words > 0)
        {
            for (var band = 0; band < _minHash.Bands; band++)
            {
                _bands.Add(_minHash.BandKey(entry.Signature, band), index);
            }
        }

        for (var p = 0; p < entry.ParagraphKeys.Length && p < MaxIndexedParagraphs; p++)
        {
            foreach (var key in entry.ParagraphKeys[p])
            {
                if (_paragraphs.Count(key) < _options.MaxParagraphArticles)
                {
                    _paragraphs.Add(key, _entries.ParagraphNumber(index, p));
                }
            }
        }

        if (_keepLinks)
        {
            _links.AddRange(links);
        }

        return links;
    }

    /// <summary>
    /// At most <see cref="DedupOptions.MaxLinksPerArticle"/> links, in the order found: the first-seen and the
    /// earliest-dated copy (the likely origins), then the closest (exact before near before wire, most similar first).
    /// A wire story a thousand outlets carry links each copy to a few, not to every one before it.
    /// </summary>
    private List<ArticleLink> Closest(List<(int Other, ArticleLink Link)> found)
    {
        if (found.Count <= _options.MaxLinksPerArticle)
        {
            return [.. found.Select(f => f.Link)];
        }

        var keep = new HashSet<int> { found[0].Other };
        var dated = found.Where(f => _entries.DateTicks(f.Other) is not null).OrderBy(f => _entries.DateTicks(f.Other)).ThenBy(f => f.Other).FirstOrDefault();
        if (dated.Link is not null)
        {
            keep.Add(dated.Other);
        }

        foreach (var f in found.OrderBy(f => (int)f.Link.Kind).ThenByDescending(f => f.Link.Similarity).ThenBy(f => f.Other))
        {
            if (keep.Count >= _options.MaxLinksPerArticle)
            {
                break;
            }

            keep.Add(f.Other);
        }

        return [.. found.Where(f => keep.Contains(f.Other)).Select(f => f.Link)];
    }

    /// <summary>
    /// The likely origin first: the earlier-dated article when both dates are known and differ, else the shorter
    /// (a republisher adds), else the one seen first.
    /// </summary>
    private ArticleLink MakeLink(int earlier, Entry later, LinkKind kind, double similarity, List<(int Theirs, int Ours)> pairs)
    {
        bool earlierIsOrigin;
        if (_entries.DateTicks(earlier) is { } de && later.Date?.UtcTicks is { } dl && de != dl)
        {
            earlierIsOrigin = de < dl;
        }
        else
        {
            earlierIsOrigin = _entries.Words(earlier) <= later.Words;
        }

        var shared = earlierIsOrigin
            ? pairs.Select(p => new ParagraphPair(p.Theirs, p.Ours))
            : pairs.Select(p => new ParagraphPair(p.Ours, p.Theirs));
        var ordered = shared.OrderBy(p => p.A).ThenBy(p => p.B).ToImmutableArray();
        return earlierIsOrigin
            ? new ArticleLink(_entries.Id(earlier), later.Id, kind, Math.Round(similarity, 4), ordered)
            : new ArticleLink(later.Id, _entries.Id(earlier), kind, Math.Round(similarity, 4), ordered);
    }

    /// <summary>Each paragraph on either side paired at most once, in page order (a standfirst printed twice pairs once).</summary>
    private static List<(int Theirs, int Ours)> OneToOne(List<(int Theirs, int Ours)> matches)
    {
        var usedTheirs = new HashSet<int>();
        var usedOurs = new HashSet<int>();
        var result = new List<(int, int)>();
        foreach (var m in matches.Distinct().OrderBy(m => m.Theirs).ThenBy(m => m.Ours))
        {
            if (usedTheirs.Contains(m.Theirs) || usedOurs.Contains(m.Ours))
            {
                continue;
            }

            usedTheirs.Add(m.Theirs);
            usedOurs.Add(m.Ours);
            result.Add(m);
        }

        return result;
    }

    /// <summary>The article's hashes, signature and paragraph keys. Reads only the options: safe on many threads at once.</summary>
    internal Entry Fingerprint(Article article)
    {
        var allWords = new List<ulong>();
        var contentWords = new List<ulong>();
        var keys = new ulong[article.Paragraphs.Length][];
        var paragraphWords = new int[article.Paragraphs.Length];
        var edge = _options.EdgeWords;
        for (var i = 0; i < article.Paragraphs.Length; i++)
        {
            var p = article.Paragraphs[i];
            var words = Shingles.WordHashes(article.Text.AsSpan(p.Start, p.Length));
            allWords.AddRange(words);
            paragraphWords[i] = words.Count;
            if (words.Count < _options.MinParagraphWords)
            {
                keys[i] = [];
                continue;
            }

            contentWords.AddRange(words);

            // The head and tail keys find a paragraph whose other end was edited: a photo credit glued on,
            // a sentence trimmed. Each kind of key is salted so a head never matches a tail.
            var full = Shingles.Combine(words, 0, words.Count);
            keys[i] = words.Count <= edge
                ? [full]
                : [full, Shingles.Mix(Shingles.Combine(words, 0, edge) ^ 0x4EAD), Shingles.Mix(Shingles.Combine(words, words.Count - edge, edge) ^ 0x7A11)];
        }

        var exactKey = ContentHash.Hash64(TextNormalizer.Normalize(article.Text, lowerCase: true));
        // Near duplicates are judged on the paragraphs, not on the short lines of chrome around them, which
        // differ from outlet to outlet.
        var shingleWords = contentWords.Count > 0 ? contentWords : allWords;
        var signature = _minHash.Signature(Shingles.Of(shingleWords, _options.ShingleSize));
        return new Entry(article.Id, allWords.Count, shingleWords.Count, ArticleDates.Usable(article), exactKey, signature, keys, paragraphWords);
    }


    /// <summary>An article's fingerprint, from <see cref="Fingerprint"/> to <see cref="Add(Entry)"/>; the index keeps only some of it (<see cref="IndexedArticles"/>).</summary>
    /// <param name="ParagraphKeys">The paragraphs' fingerprints, while the article is being added.</param>
    /// <param name="ParagraphWords">Each paragraph's word count, while the article is being added.</param>
    internal sealed record Entry(string Id, int Words, int ContentWords, DateTimeOffset? Date, ulong ExactKey, uint[] Signature, ulong[][] ParagraphKeys, int[] ParagraphWords);
}
