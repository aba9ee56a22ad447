using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Compose;
using Storyline.Eval.Bench;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline bench</c>: generates a deterministic corpus and times the whole pipeline on it.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to generate.", DefaultValueFactory = _ => 10_000 };
        var from = new Option<string[]>("--from") { Description = "Folders or files of pages whose paragraphs are recombined (default: samples).", DefaultValueFactory = _ => ["samples"], AllowMultipleArgumentsPerToken = true };
        var html = new Option<bool>("--html") { Description = "Wrap the pages in HTML instead of crawler text." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator.", DefaultValueFactory = _ => 1 };
        var maxSources = new Option<int>("--sources") { Description = "Read at most this many source pages for their paragraphs.", DefaultValueFactory = _ => new BenchCorpusOptions().MaxSources };
        var threads = IngestCommand.Threads();
        var baseline = new Option<bool>("--baseline") { Description = "Also run single-threaded on the same corpus, for comparison." };
        var keep = new Option<string?>("--work") { Description = "Folder for the corpus and store (default: a temporary folder, deleted afterwards)." };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Generate a deterministic corpus of N articles and run the whole pipeline on it: articles per second per stage and end to end, peak memory, store size.")
        {
            articles, from, html, seed, maxSources, threads, baseline, keep, json,
        };
        command.SetAction(parse =>
        {
            var work = parse.GetValue(keep) ?? Path.Combine(Path.GetTempPath(), "storyline-bench-" + Environment.ProcessId);
            var temporary = parse.GetValue(keep) is null;
            try
            {
                var sources = BenchCorpus.ReadSources(parse.GetValue(from)!, Math.Max(1, parse.GetValue(maxSources)));
                if (sources.Count == 0)
                {
                    Terminal.Error($"{string.Join(", ", parse.GetValue(from)!)}: no pages with at least two paragraphs to recombine");
                    return Terminal.Fatal;
                }

                var corpus = Path.Combine(work, "corpus");
                if (Directory.Exists(corpus))
                {
                    Directory.Delete(corpus, recursive: true);
                }

                var options = new BenchCorpusOptions { Articles = Math.Max(1, parse.GetValue(articles)), Seed = parse.GetValue(seed), Html = parse.GetValue(html) };
                var generate = Stopwatch.StartNew();
                BenchCorpus.Write(sources, corpus, options);
                Terminal.Info($"generated {options.Articles:N0} {(options.Html ? "HTML" : "text")} pages from {sources.Count:N0} sources in {generate.Elapsed.TotalSeconds:F1} s");

                var main = Run(corpus, Path.Combine(work, "store.db"), parse.GetValue(threads));
                var single = parse.GetValue(baseline) ? Run(corpus, Path.Combine(work, "baseline.db"), 1) : null;
                if (parse.GetValue(json))
                {
                    Terminal.Output(JsonSerializer.Serialize(main with { Baseline = single }, StorylineJson.Options), null);
                }
                else
                {
                    Print("pipeline", main);
                    if (single is not null)
                    {
                        Print("baseline (1 thread)", single);
                    }
                }

                return Terminal.Ok;
            }
            finally
            {
                if (temporary && Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        });
        return command;
    }

    private static BenchRun Run(string corpus, string db, int threads)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(db + suffix);
        }

        var watch = Stopwatch.StartNew();
        IngestResult result;
        using (var store = SqliteStore.Open(db))
        {
            result = new Pipeline(new PipelineOptions { Parallelism = Math.Max(1, threads) }).Ingest([corpus], store);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        BenchCompose compose;
        using (var store = SqliteStore.Open(db))
        {
            compose = Compose(store);
        }

        var size = new[] { "", "-wal" }.Select(s => new FileInfo(db + s)).Where(f => f.Exists).Sum(f => f.Length);
        var n = result.PagesRead;
        using var self = Process.GetCurrentProcess();
        return new BenchRun(
            n,
            Math.Round(seconds, 2),
            Math.Round(n / seconds, 1),
            Math.Round(self.PeakWorkingSet64 / 1048576.0, 1),
            Math.Round(size / 1048576.0, 1),
            result.StageSeconds.ToDictionary(kv => kv.Key, kv => new BenchStage(Math.Round(kv.Value, 2), Math.Round(n / Math.Max(kv.Value, 1e-9), 1)), StringComparer.Ordinal),
            threads)
        {
            Compose = compose,
        };
    }

    /// <summary>Times the story view of the largest stories, each cut to its first 50 articles (the issue's yardstick), after one warm-up.</summary>
    private static BenchCompose Compose(SqliteStore store)
    {
        var stories = store.Stories().OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal).Take(5).ToList();
        var times = new List<double>();
        var sizes = new List<int>();
        for (var i = -1; i < stories.Count; i++)
        {
            var story = stories[Math.Max(0, i)];
            story = story with { ArticleIds = [.. story.ArticleIds.Take(50)] };
            var articles = story.ArticleIds.Select(store.GetArticle).OfType<Article>().ToList();
            var links = store.LinksAmong(story.ArticleIds);
            var watch = Stopwatch.StartNew();
            StoryViewBuilder.Build(story, articles, links);
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                sizes.Add(articles.Count);
            }
        }

        times.Sort();
        return new BenchCompose(times.Count, sizes.Count == 0 ? 0 : sizes.Max(), times.Count == 0 ? 0 : Math.Round(times[times.Count / 2], 1), times.Count == 0 ? 0 : Math.Round(times[^1], 1));
    }

    private static void Print(string name, BenchRun run)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{name}: {run.Articles:N0} articles in {run.Seconds:F1} s = {run.ArticlesPerSecond:N0} articles/s on {run.Threads} threads; peak memory {run.PeakMemoryMb:N0} MB; store {run.StoreMb:N1} MB"));
        foreach (var (stage, s) in run.Stages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(inv, $"  {stage,-8} {s.Seconds,8:F2} s  {s.ArticlesPerSecond,10:N0} articles/s"));
        }

        if (run.Compose is { Stories: > 0 } c)
        {
            Console.WriteLine(string.Create(inv, $"  story view of the {c.Stories} largest stories (up to {c.MaxArticles} articles each): median {c.MedianMs:F0} ms, max {c.MaxMs:F0} ms"));
        }
    }

    /// <param name="Stories">Stories composed.</param>
    /// <param name="MaxArticles">Articles in the largest one composed (at most 50).</param>
    internal sealed record BenchCompose(int Stories, int MaxArticles, double MedianMs, double MaxMs);

    internal sealed record BenchStage(double Seconds, double ArticlesPerSecond);

    internal sealed record BenchRun(int Articles, double Seconds, double ArticlesPerSecond, double PeakMemoryMb, double StoreMb, Dictionary<string, BenchStage> Stages, int Threads)
    {
        /// <summary>The single-threaded run on the same corpus, when asked for.</summary>
        public BenchRun? Baseline { get; init; }

        /// <summary>How long the story view takes on the largest stories.</summary>
        public BenchCompose? Compose { get; init; }
    }
}
