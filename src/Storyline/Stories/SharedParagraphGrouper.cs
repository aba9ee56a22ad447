using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// The simplest honest grouping: articles that carry the same paragraph (of eight words or more, typography
/// folded) are one story; every other article is a story of its own. Deterministic: stories are ordered by
/// their first member in input order, and a story's id is its first member's id.
/// </summary>
public static class SharedParagraphGrouper
{
    public static IReadOnlyList<Story> Group(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var parent = Enumerable.Range(0, articles.Count).ToArray();
        var owner = new Dictionary<ulong, int>();
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var p in articles[i].Paragraphs)
            {
                var text = articles[i].Text.AsSpan(p.Start, p.Length);
                if (TextNormalizer.CountWords(text) < 8)
                {
                    continue;
                }

                var key = ContentHash.Hash64(TextNormalizer.Normalize(text, lowerCase: true));
                if (owner.TryGetValue(key, out var j))
                {
                    Union(parent, i, j);
                }
                else
                {
                    owner[key] = i;
                }
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < articles.Count; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(i);
        }

        return groups.Values
            .OrderBy(g => g[0])
            .Select(g => new Story(
                articles[g[0]].Id,
                g.Select(i => articles[i].Title?.Value).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "(untitled)",
                [.. g.Select(i => articles[i].Id)]))
            .ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            // The smaller index stays the root, so the story's founder is its earliest member.
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
