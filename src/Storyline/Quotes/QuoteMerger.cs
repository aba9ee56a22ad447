using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>One article's quote, as a source of a merged quote.</summary>
/// <param name="ArticleId">The article that carries it.</param>
/// <param name="Quote">The quote, with spans into that article's text.</param>
public sealed record QuoteSource(string ArticleId, Quote Quote);

/// <summary>The same words reported by one or more articles: the longest wording, its speaker, and every source.</summary>
public sealed record MergedQuote(string Text, string? SpeakerName, QuoteKind Kind, ImmutableArray<QuoteSource> Sources)
{
    public IEnumerable<string> ArticleIds => Sources.Select(s => s.ArticleId).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// Merges the quotes that several articles carry into one quote with all its sources: wire copy republished with
/// curly instead of straight quotes, one outlet trimming the first or last words, or quoting only part of what
/// another quoted. Two quotes are the same when, after folding typography and case, one's word 3-grams are mostly
/// (<see cref="MinContainment"/>) inside the other's, and their speakers do not contradict each other.
/// Deterministic: the output order follows the first source's position in the input. Thread-safe (stateless).
/// </summary>
public static class QuoteMerger
{
    /// <summary>Share of the shorter quote's word 3-grams that must appear in the longer one.</summary>
    public const double MinContainment = 0.6;

    /// <summary>Merges the quotes of several articles; <paramref name="articles"/> gives each article's id, text and quotes.</summary>
    public static ImmutableArray<MergedQuote> Merge(IEnumerable<(string ArticleId, string Text, IReadOnlyList<Quote> Quotes)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var items = new List<(QuoteSource Source, string Text, string[] Words, HashSet<string> Grams)>();
        foreach (var (id, text, quotes) in articles)
        {
            foreach (var q in quotes)
            {
                var content = q.ContentText(text);
                var words = Words(content);
                items.Add((new QuoteSource(id, q), content, words, Grams(words)));
            }
        }

        // Union-find over quotes of different articles.
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        // Only quotes that share a word 3-gram (or, under three words, are the same words) can be the same: they
        // are found through an index, so a story with hundreds of quotes is not compared pair by pair.
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var candidates = new SortedSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var keys = items[i].Words.Length < 3 ? (items[i].Words.Length == 0 ? [] : [string.Join(' ', items[i].Words)]) : (IEnumerable<string>)items[i].Grams;
            candidates.Clear();
            foreach (var key in keys)
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }
                else
                {
                    candidates.UnionWith(list);
                }

                list.Add(i);
            }

            foreach (var j in candidates)
            {
                if (items[i].Source.ArticleId != items[j].Source.ArticleId && Same(items[j], items[i]))
                {
                    var a = Find(i);
                    var b = Find(j);
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }
        }

        var merged = ImmutableArray.CreateBuilder<MergedQuote>();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(Find).OrderBy(g => g.Key))
        {
            var members = group.Select(i => items[i]).ToList();
            var longest = members.OrderByDescending(m => m.Words.Length).First();
            var speaker = members.Select(m => m.Source.Quote.SpeakerName).FirstOrDefault(n => n is not null);
            var kind = members.Any(m => m.Source.Quote.Kind == QuoteKind.Direct) ? QuoteKind.Direct : longest.Source.Quote.Kind;
            merged.Add(new MergedQuote(TextNormalizer.Normalize(longest.Text), speaker, kind, [.. members.Select(m => m.Source)]));
        }

        return merged.ToImmutable();
    }

    private static bool Same((QuoteSource Source, string Text, string[] Words, HashSet<string> Grams) a, (QuoteSource Source, string Text, string[] Words, HashSet<string> Grams) b)
    {
        if (a.Words.Length == 0 || b.Words.Length == 0)
        {
            return false;
        }

        var sa = a.Source.Quote.SpeakerName;
        var sb = b.Source.Quote.SpeakerName;
        if (sa is not null && sb is not null && !SpeakersAgree(sa, sb))
        {
            return false;
        }

        if (a.Words.Length < 3 || b.Words.Length < 3)
        {
            return a.Words.SequenceEqual(b.Words);
        }

        var (small, large) = a.Grams.Count <= b.Grams.Count ? (a.Grams, b.Grams) : (b.Grams, a.Grams);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count >= MinContainment;
    }

    /// <summary>Speakers agree when one name's words are all in the other ("Peskov" and "Dmitry Peskov").</summary>
    private static bool SpeakersAgree(string a, string b)
    {
        // A role ("the spokesman") may be anyone until the entity stage names it: no contradiction.
        if (char.IsLower(a[0]) || char.IsLower(b[0]))
        {
            return true;
        }

        var wa = Words(a);
        var wb = Words(b);
        return wa.All(wb.Contains) || wb.All(wa.Contains);
    }

    private static string[] Words(string text) =>
        TextNormalizer.Normalize(TextNormalizer.StripDiacritics(text), lowerCase: true)
            .Split(static c => !char.IsLetterOrDigit(c))
            .Where(w => w.Length > 0)
            .ToArray();

    private static HashSet<string> Grams(string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= words.Length; i++)
        {
            set.Add(string.Join(' ', words, i, 3));
        }

        return set;
    }
}

file static class SplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start)
                {
                    parts.Add(text[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. parts];
    }
}
