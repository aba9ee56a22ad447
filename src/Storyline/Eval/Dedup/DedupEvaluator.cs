using System.Collections.Immutable;
using System.Diagnostics;
using Storyline.Dedup;
using Storyline.Eval.Stories;
using Storyline.Model;

namespace Storyline.Eval.Dedup;

/// <summary>A predicted link between two articles of a set, by their ids in the set.</summary>
public sealed record DedupLink(string A, string B, LinkKind Kind, ImmutableArray<ParagraphPair> SharedParagraphs);

/// <summary>Pairwise scores of predicted duplicate-or-wire-copy pairs against a duplicate set's groups.</summary>
public sealed record DedupScores(int Articles, int Groups, long PairsTrue, long PairsPredicted, double PairwiseF1, double PairwisePrecision, double PairwiseRecall);

/// <summary>Runs duplicate detection on a duplicate set ({id, group, text}) and scores it. Stateless.</summary>
public static class DedupEvaluator
{
    public static (DedupScores Scores, IReadOnlyList<DedupLink> Links, double ArticlesPerSecond) Run(IReadOnlyList<EvalRecord> records, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var watch = Stopwatch.StartNew();
        var articles = EvalData.Extract(records);
        var index = new DuplicateIndex(options);
        var setIds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = new List<ArticleLink>();
        for (var i = 0; i < articles.Length; i++)
        {
            var article = articles[i];
            if (setIds.TryGetValue(article.Id, out var same))
            {
                same.Add(records[i].Id);
                continue;
            }

            setIds[article.Id] = [records[i].Id];
            position[article.Id] = i;
            found.AddRange(index.Add(article));
        }

        // The same page more than once (same content id) is one article to the index: its copies are exact
        // duplicates of each other and share every link it has.
        var links = new List<DedupLink>();
        foreach (var (id, same) in setIds.Where(kv => kv.Value.Count > 1).OrderBy(kv => position[kv.Key]))
        {
            var paragraphs = articles[position[id]].Paragraphs.Length;
            var all = Enumerable.Range(0, paragraphs).Select(k => new ParagraphPair(k, k)).ToImmutableArray();
            for (var x = 0; x < same.Count; x++)
            {
                for (var y = x + 1; y < same.Count; y++)
                {
                    links.Add(new DedupLink(same[x], same[y], LinkKind.ExactDuplicate, all));
                }
            }
        }

        foreach (var link in found)
        {
            foreach (var a in setIds[link.A])
            {
                foreach (var b in setIds[link.B])
                {
                    links.Add(new DedupLink(a, b, link.Kind, link.SharedParagraphs));
                }
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return (Score(records, links.Select(l => (l.A, l.B))), links, seconds > 0 ? records.Count / seconds : 0);
    }

    /// <summary>Scores predicted pairs (in either order; repeats count once) against the set's groups.</summary>
    public static DedupScores Score(IReadOnlyList<EvalRecord> records, IEnumerable<(string A, string B)> predicted)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(predicted);
        var group = records.ToDictionary(r => r.Id, r => r.Label, StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var (a, b) in predicted)
        {
            if (a != b && group.ContainsKey(a) && group.ContainsKey(b))
            {
                pairs.Add(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a));
            }
        }

        var sizes = records.Where(r => r.Label is not null).GroupBy(r => r.Label!, StringComparer.Ordinal).Select(g => (long)g.Count()).ToList();
        var truePairs = sizes.Sum(n => n * (n - 1) / 2);
        long correct = pairs.Count(p => group[p.Item1] is { } ga && ga == group[p.Item2]);
        var precision = pairs.Count == 0 ? 1.0 : (double)correct / pairs.Count;
        var recall = truePairs == 0 ? 1.0 : (double)correct / truePairs;
        return new DedupScores(records.Count, sizes.Count, truePairs, pairs.Count, ClusteringMetrics.F1(precision, recall), precision, recall);
    }
}
