using System.Diagnostics;
using System.Text.Json;
using Storyline.Eval.Stories;
using Storyline.Model;
using Storyline.Summaries;
using Storyline.Text;

namespace Storyline.Eval.Summaries;

/// <summary>ROUGE at 100 and at 250 words, each the mean over stories, and of the summaries uncut.</summary>
/// <param name="Uncut">Without the length cut: the human summaries are longer than 250 words (about 260 on average), so only this shows a gold dump scoring 1.</param>
public sealed record SummaryScores(int Stories, RougeScores At100, RougeScores At250, RougeScores Uncut);

/// <summary>A human summary of a story.</summary>
public sealed record ReferenceSummary(string Cluster, string Summary);

/// <summary>One story's predicted summary (the dump's line).</summary>
public sealed record PredictedSummary(string Cluster, string Summary);

/// <summary>How long summaries take.</summary>
/// <param name="MeanMs">Mean per story of the set (the chosen method, 250 words; extraction not counted).</param>
/// <param name="MaxMs">Slowest story of the set.</param>
/// <param name="MaxArticles">Articles in the set's largest story.</param>
/// <param name="FiftyArticlesMs">One 250-word summary of 50 articles (the set's first 50 pages as one story), median of five runs after a warm-up.</param>
/// <param name="FiftyArticlesCpuMs">The same in processor time.</param>
public sealed record SummarySpeed(double MeanMs, double MaxMs, int MaxArticles, double FiftyArticlesMs, double FiftyArticlesCpuMs);

/// <summary>Everything one run of <c>storyline eval summaries</c> measured, per part.</summary>
/// <param name="Method">The chosen method; null when given predictions were scored.</param>
public sealed record SummariesReport(
    SummaryMethod? Method,
    IReadOnlyDictionary<EvalPart, IReadOnlyDictionary<string, SummaryScores>> Parts,
    IReadOnlyList<PredictedSummary> Predictions,
    SummarySpeed? Speed);

/// <summary>Summarises each true story of a stories set ({id, cluster, text} with summaries.jsonl) and scores it with ROUGE.</summary>
public static class SummariesEvaluator
{
    /// <summary>The name of the chosen method's scores in <see cref="SummariesReport.Parts"/>; baselines are under "lead" and "textrank".</summary>
    public const string Chosen = "chosen";

    /// <summary>True when the cluster is on the held-out side (decided once, before any tuning).</summary>
    public static bool IsHeldOut(string cluster) => ContentHash.Hash64(cluster) % 5 == 0;

    public static bool InPart(string cluster, EvalPart part) =>
        part == EvalPart.All || IsHeldOut(cluster) == (part == EvalPart.HeldOut);

    /// <summary>The human summaries: <c>summaries.jsonl</c> beside the articles (the folder, or the articles file's folder).</summary>
    public static List<ReferenceSummary> ReadReferences(string folder)
    {
        var path = File.Exists(folder)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, "summaries.jsonl")
            : Path.Combine(folder, "summaries.jsonl");
        if (!File.Exists(path))
        {
            throw new EvalDataException($"{path}: not found (a stories set has summaries.jsonl beside articles.jsonl)");
        }

        return [.. ReadLines(path).Select(x => new ReferenceSummary(x.Cluster, x.Summary))];
    }

    /// <summary>Predicted summaries in the dump's format ({cluster, summary} lines), as another tool would write them.</summary>
    public static Dictionary<string, string> ReadPredictions(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalDataException($"{path}: no such file");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cluster, summary) in ReadLines(path))
        {
            result[cluster] = summary;
        }

        return result;
    }

    /// <summary>Summarises every story with the chosen options and the two baselines, and scores all three on every part.</summary>
    public static SummariesReport Run(IReadOnlyList<EvalRecord> records, IReadOnlyList<ReferenceSummary> references, SummaryOptions options, int dumpWords = 250)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(options);

        // All pages are read together, as ingest reads a folder, so lines repeated across the crawl are learned
        // whichever part is scored.
        var articles = EvalData.Extract(records);
        var byCluster = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (!byCluster.TryGetValue(records[i].Label!, out var list))
            {
                byCluster[records[i].Label!] = list = [];
            }

            list.Add(articles[i]);
        }

        var methods = new Dictionary<string, SummaryOptions>(StringComparer.Ordinal)
        {
            [Chosen] = options,
            ["lead"] = options with { Method = SummaryMethod.Lead },
            ["textrank"] = options with { Method = SummaryMethod.TextRank },
        };

        // One summary first, so the timings measure summarising rather than the compiler's first pass over it.
        _ = StorySummarizer.Summarize(byCluster.Values.FirstOrDefault() ?? [], options);
        var perStory = new Dictionary<string, List<(string Cluster, RougeScores At100, RougeScores At250, RougeScores Uncut)>>(StringComparer.Ordinal);
        var predictions = new List<PredictedSummary>(references.Count);
        var times = new List<double>();
        var maxArticles = 0;
        foreach (var (name, methodOptions) in methods)
        {
            var scores = perStory[name] = [];
            foreach (var reference in references)
            {
                var story = byCluster.GetValueOrDefault(reference.Cluster) ?? [];
                maxArticles = Math.Max(maxArticles, story.Count);
                var watch = Stopwatch.StartNew();
                var at250 = Text(StorySummarizer.Summarize(story, methodOptions with { Words = 250 }));
                var ms = watch.Elapsed.TotalMilliseconds;
                var at100 = Text(StorySummarizer.Summarize(story, methodOptions with { Words = 100 }));
                scores.Add((reference.Cluster, Rouge.Score(at100, reference.Summary, 100), Rouge.Score(at250, reference.Summary, 250), Rouge.Score(at250, reference.Summary, null)));
                if (name == Chosen)
                {
                    times.Add(ms);
                    predictions.Add(new PredictedSummary(reference.Cluster, dumpWords switch
                    {
                        250 => at250,
                        100 => at100,
                        _ => Text(StorySummarizer.Summarize(story, methodOptions with { Words = dumpWords })),
                    }));
                }
            }
        }

        var (fiftyWall, fiftyCpu) = FiftyArticles(articles, options);
        var speed = new SummarySpeed(times.Count > 0 ? times.Average() : 0, times.Count > 0 ? times.Max() : 0, maxArticles, fiftyWall, fiftyCpu);
        return new SummariesReport(options.Method, Aggregate(perStory), predictions, speed);
    }

    /// <summary>Scores given summaries (a dump of Storyline's or another tool's) against the references; a story without a prediction scores 0.</summary>
    public static SummariesReport ScorePredictions(IReadOnlyList<ReferenceSummary> references, IReadOnlyDictionary<string, string> predictions)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(predictions);
        var scores = references
            .Select(r =>
            {
                var summary = predictions.GetValueOrDefault(r.Cluster) ?? "";
                return (r.Cluster, Rouge.Score(summary, r.Summary, 100), Rouge.Score(summary, r.Summary, 250), Rouge.Score(summary, r.Summary, null));
            })
            .ToList();
        var perStory = new Dictionary<string, List<(string, RougeScores, RougeScores, RougeScores)>>(StringComparer.Ordinal) { [Chosen] = scores };
        return new SummariesReport(null, Aggregate(perStory), [], null);
    }

    /// <summary>The summary as one text: its sentences joined by spaces.</summary>
    public static string Text(IEnumerable<SummarySentence> sentences) => string.Join(' ', sentences.Select(s => s.Text));

    private static Dictionary<EvalPart, IReadOnlyDictionary<string, SummaryScores>> Aggregate(
        Dictionary<string, List<(string Cluster, RougeScores At100, RougeScores At250, RougeScores Uncut)>> perStory)
    {
        var result = new Dictionary<EvalPart, IReadOnlyDictionary<string, SummaryScores>>();
        foreach (var part in new[] { EvalPart.All, EvalPart.Dev, EvalPart.HeldOut })
        {
            var byMethod = new Dictionary<string, SummaryScores>(StringComparer.Ordinal);
            foreach (var (name, scores) in perStory)
            {
                var selected = scores.Where(s => InPart(s.Cluster, part)).ToList();
                var sum100 = selected.Aggregate(default(RougeScores), (acc, s) => acc + s.At100);
                var sum250 = selected.Aggregate(default(RougeScores), (acc, s) => acc + s.At250);
                var uncut = selected.Aggregate(default(RougeScores), (acc, s) => acc + s.Uncut);
                byMethod[name] = new SummaryScores(selected.Count, sum100.Divide(selected.Count), sum250.Divide(selected.Count), uncut.Divide(selected.Count));
            }

            result[part] = byMethod;
        }

        return result;
    }

    /// <summary>Median wall-clock and processor milliseconds of five summaries of 50 articles (processor time: the figure that holds on a shared, busy machine).</summary>
    private static (double Wall, double Cpu) FiftyArticles(Article[] articles, SummaryOptions options)
    {
        var story = articles.Take(50).ToList();
        _ = StorySummarizer.Summarize(story, options with { Words = 250 });
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < 5; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            _ = StorySummarizer.Summarize(story, options with { Words = 250 });
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[2], cpu[2]);
    }

    private static IEnumerable<(string Cluster, string Summary)> ReadLines(string path)
    {
        var n = 0;
        var clusters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string cluster, summary;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                cluster = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cluster", out var c) && c.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? c.ToString()
                    : throw new EvalDataException($"{path}:{n}: no \"cluster\"");
                summary = root.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String
                    ? s.GetString()!
                    : throw new EvalDataException($"{path}:{n}: no \"summary\" text");
            }
            catch (JsonException e)
            {
                throw new EvalDataException($"{path}:{n}: malformed JSON ({e.Message.Split('.')[0]})");
            }

            if (!clusters.Add(cluster))
            {
                throw new EvalDataException($"{path}:{n}: cluster \"{cluster}\" appears twice");
            }

            yield return (cluster, summary);
        }
    }
}
