using System.Diagnostics;
using Storyline.Model;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Eval.Stories;

/// <summary>A page kept out of stories, and whether the set's clean version says it is an article after all.</summary>
public sealed record ExcludedPage(string Id, string Reason, bool? IsArticle);

/// <summary>How much the stories change when the same articles arrive in another order.</summary>
/// <param name="Seed">The seed of the shuffle.</param>
/// <param name="MovedArticles">Articles that would have to move to turn one clustering into the other (N minus the best one-to-one overlap).</param>
/// <param name="Ari">Adjusted Rand index between the two clusterings.</param>
public sealed record ShuffleReport(int Seed, int MovedArticles, double Ari, double PairwiseF1);

/// <summary>Everything one run of <c>storyline eval stories</c> measured.</summary>
/// <param name="ArticlesPerSecond">Speed of the dedup and stories stages (extraction, another stage, not counted).</param>
/// <param name="ArticlesPerCpuSecond">The same per second of processor time: the figure to compare on a shared, busy machine.</param>
/// <param name="PeakMemoryMb">Peak working set of the process so far.</param>
public sealed record StoriesReport(
    ClusteringScores Scores,
    double ArticlesPerSecond,
    double ArticlesPerCpuSecond,
    double PeakMemoryMb,
    IReadOnlyList<ExcludedPage> Excluded,
    IReadOnlyList<(string Id, string? Story)> Predictions,
    ShuffleReport? Shuffle);

/// <summary>Runs the stories stage on a stories set ({id, cluster, text}) and scores it. Stateless.</summary>
public static class StoriesEvaluator
{
    /// <summary>True when the cluster belongs to <paramref name="part"/>.</summary>
    public static bool InPart(string cluster, EvalPart part) =>
        part == EvalPart.All || ((ContentHash.Hash64(cluster) & 1) == 0) == (part == EvalPart.Dev);

    /// <param name="articleIds">Ids of the pages that are real articles (from the set's clean version), to tell caught non-articles from wrongly excluded articles; null when unknown.</param>
    public static StoriesReport Run(IReadOnlyList<EvalRecord> records, EvalPart part, StoryOptions? options = null, int? shuffleSeed = null, IReadOnlySet<string>? articleIds = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var selected = records.Where(r => InPart(r.Label!, part)).ToList();
        var articles = EvalData.Extract(selected);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var predicted = Cluster(articles, options, out var reasons);
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);

        var labels = new List<string>(selected.Count);
        var excluded = new List<ExcludedPage>();
        var predictions = new List<(string, string?)>(selected.Count);
        for (var i = 0; i < selected.Count; i++)
        {
            predictions.Add((selected[i].Id, predicted[i]));
            labels.Add(predicted[i] ?? "excluded:" + selected[i].Id);
            if (reasons[i] is { } reason)
            {
                excluded.Add(new ExcludedPage(selected[i].Id, reason, articleIds?.Contains(selected[i].Id)));
            }
        }

        var scores = ClusteringMetrics.Score([.. selected.Select(r => r.Label!)], labels);
        ShuffleReport? shuffle = null;
        if (shuffleSeed is { } seed)
        {
            var order = Enumerable.Range(0, articles.Length).ToArray();
            new Random(seed).Shuffle(order);
            var shuffled = Cluster([.. order.Select(i => articles[i])], options, out _);
            var again = new string[articles.Length];
            for (var k = 0; k < order.Length; k++)
            {
                again[order[k]] = shuffled[k] ?? "excluded:" + selected[order[k]].Id;
            }

            var agreement = ClusteringMetrics.Score(labels, again);
            shuffle = new ShuffleReport(seed, Moved(labels, again), Math.Round(agreement.Ari, 4), Math.Round(agreement.PairwiseF1, 4));
        }

        return new StoriesReport(scores, seconds > 0 ? selected.Count / seconds : 0, cpuSeconds > 0 ? selected.Count / cpuSeconds : 0, peakMb, excluded, predictions, shuffle);
    }

    /// <summary>Scores a dump of predictions ({id, story} lines) against the set, as another tool's output would be scored.</summary>
    public static ClusteringScores ScorePredictions(IReadOnlyList<EvalRecord> records, IReadOnlyDictionary<string, string?> predictions, EvalPart part)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(predictions);
        var selected = records.Where(r => InPart(r.Label!, part)).ToList();
        var truth = selected.Select(r => r.Label!).ToList();
        var predicted = selected.Select(r => predictions.TryGetValue(r.Id, out var s) && s is not null ? "story:" + s : "single:" + r.Id).ToList();
        return ClusteringMetrics.Score(truth, predicted);
    }

    private static string?[] Cluster(IReadOnlyList<Article> articles, StoryOptions? options, out string?[] reasons)
    {
        var builder = new StoryBuilder(options);
        // As the pipeline does: the batch is observed first, so word rarity is known before any article is placed.
        foreach (var a in articles)
        {
            builder.Observe(a);
        }

        var stories = new string?[articles.Count];
        reasons = new string?[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            reasons[i] = builder.Add(articles[i]).ExcludedReason;
        }

        builder.Settle();

        // Where each article ended up: a later article may have merged its story into another.
        for (var i = 0; i < articles.Count; i++)
        {
            stories[i] = builder.StoryOf(articles[i].Id);
        }

        return stories;
    }

    /// <summary>N minus the largest overlap of a one-to-one matching of the two clusterings' stories (greedy by overlap).</summary>
    private static int Moved(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var overlap = new Dictionary<(string, string), int>();
        for (var i = 0; i < a.Count; i++)
        {
            overlap[(a[i], b[i])] = overlap.GetValueOrDefault((a[i], b[i])) + 1;
        }

        var usedA = new HashSet<string>(StringComparer.Ordinal);
        var usedB = new HashSet<string>(StringComparer.Ordinal);
        var kept = 0;
        foreach (var ((x, y), n) in overlap.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal))
        {
            if (!usedA.Contains(x) && !usedB.Contains(y))
            {
                usedA.Add(x);
                usedB.Add(y);
                kept += n;
            }
        }

        return a.Count - kept;
    }
}
