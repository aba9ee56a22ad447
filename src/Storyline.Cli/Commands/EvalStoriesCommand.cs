using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Storyline.Eval;
using Storyline.Eval.Stories;
using Storyline.Model;
using Storyline.Stories;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval stories &lt;folder&gt;</c>: clusters a stories set and scores it (pairwise, BCubed, ARI).</summary>
internal static class EvalStoriesCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A stories set: a folder with articles.jsonl ({id, cluster, text}), or the file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var dump = new Option<string?>("--dump") { Description = "Write the predictions as JSON Lines {id, story}, one per article in input order (story null when kept out of stories)." };
        var part = new Option<string>("--part") { Description = "all, dev or held-out: the clusters whose id hashes even (dev) or odd (held-out).", DefaultValueFactory = _ => "all" };
        var shuffle = new Option<int?>("--shuffle-seed") { Description = "Also cluster the articles in an order shuffled with this seed and report how many assignments change." };
        var predictions = new Option<string?>("--predictions") { Description = "Score this dump ({id, story} lines, e.g. another tool's) instead of running Storyline." };
        var settings = new Option<string[]>("--set") { Description = "Cluster with a setting of StoryOptions changed, as Name=value (e.g. --set JoinThreshold=0.18 --set BigramWeight=2): to try a setting without a build.", AllowMultipleArgumentsPerToken = true };
        var clean = new Option<string?>("--clean") { Description = "The set's clean version (default: <folder>-clean when it exists): its ids are the real articles, to count caught and wrongly excluded pages." };
        var command = new Command("stories", "Cluster a stories set into stories and score the result.") { folder, json, dump, part, shuffle, predictions, clean, settings };
        command.SetAction(parseResult =>
        {
            try
            {
                return Run(parseResult.GetValue(folder)!, parseResult.GetValue(json), parseResult.GetValue(dump), parseResult.GetValue(part)!,
                    parseResult.GetValue(shuffle), parseResult.GetValue(predictions), parseResult.GetValue(clean), Options(parseResult.GetValue(settings) ?? []));
            }
            catch (EvalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    internal static EvalPart ParsePart(string part) => part.ToLowerInvariant() switch
    {
        "all" => EvalPart.All,
        "dev" => EvalPart.Dev,
        "held-out" or "heldout" => EvalPart.HeldOut,
        _ => throw new EvalDataException($"--part {part}: expected all, dev or held-out"),
    };

    /// <summary>The default story options with each "Name=value" setting applied (numbers and booleans, invariant culture).</summary>
    internal static StoryOptions Options(IReadOnlyList<string> settings)
    {
        var options = new StoryOptions();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? setting[..equals].Trim() : setting;
            var property = typeof(StoryOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (equals <= 0 || property is null || !property.CanWrite || property.PropertyType is var type && type != typeof(double) && type != typeof(int) && type != typeof(bool))
            {
                throw new EvalDataException($"--set {setting}: expected Name=value for one of {string.Join(", ", Settable())}");
            }

            try
            {
                // Options are an immutable record; the fresh copy here is the only one, so setting its init-only property is safe.
                property.SetValue(options, Convert.ChangeType(setting[(equals + 1)..].Trim(), property.PropertyType, CultureInfo.InvariantCulture));
            }
            catch (FormatException)
            {
                throw new EvalDataException($"--set {setting}: {setting[(equals + 1)..]} is not a {property.PropertyType.Name}");
            }
        }

        return options;
    }

    private static IEnumerable<string> Settable() =>
        typeof(StoryOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int) || p.PropertyType == typeof(bool)))
            .Select(p => p.Name);

    private static int Run(string folder, bool json, string? dump, string partName, int? shuffleSeed, string? predictionsPath, string? cleanFolder, StoryOptions options)
    {
        var part = ParsePart(partName);
        var records = EvalData.Read(folder, "cluster", labelRequired: true);
        if (predictionsPath is not null)
        {
            var scores = StoriesEvaluator.ScorePredictions(records, ReadPredictions(predictionsPath), part);
            Print(json, scores, null, part, null);
            return 0;
        }

        var articleIds = CleanIds(folder, cleanFolder);
        var report = StoriesEvaluator.Run(records, part, options, shuffleSeed, articleIds);
        if (dump is not null)
        {
            WriteDump(dump, report.Predictions);
        }

        Print(json, report.Scores, report, part, articleIds);
        return 0;
    }

    private static HashSet<string>? CleanIds(string folder, string? cleanFolder)
    {
        cleanFolder ??= Directory.Exists(folder) && Directory.Exists(Path.TrimEndingDirectorySeparator(folder) + "-clean")
            ? Path.TrimEndingDirectorySeparator(folder) + "-clean"
            : null;
        return cleanFolder is null ? null : [.. EvalData.Read(cleanFolder, "cluster", labelRequired: false).Select(r => r.Id)];
    }

    private static Dictionary<string, string?> ReadPredictions(string path)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            throw new EvalDataException($"{path}: no such file");
        }

        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = root.GetProperty("id").ToString();
                result[id] = root.TryGetProperty("story", out var s) && s.ValueKind != JsonValueKind.Null ? s.ToString() : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new EvalDataException($"{path}:{n}: expected {{\"id\", \"story\"}} ({e.Message.Split('.')[0]})");
            }
        }

        return result;
    }

    private static void WriteDump(string path, IReadOnlyList<(string Id, string? Story)> predictions)
    {
        try
        {
            using var writer = new StreamWriter(path);
            foreach (var (id, story) in predictions)
            {
                writer.WriteLine(JsonSerializer.Serialize(new DumpLine(id, story), StorylineJson.Compact));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalDataException($"{path}: cannot write the dump ({e.Message})");
        }
    }

    private static void Print(bool json, ClusteringScores s, StoriesReport? report, EvalPart part, HashSet<string>? articleIds)
    {
        var excluded = report?.Excluded ?? [];
        var caught = excluded.Count(e => e.IsArticle == false);
        var wrong = excluded.Count(e => e.IsArticle == true);
        if (json)
        {
            var output = new Dictionary<string, object?>
            {
                ["articles"] = s.Articles,
                ["stories_true"] = s.StoriesTrue,
                ["stories_predicted"] = s.StoriesPredicted,
                ["pairwise_f1"] = Math.Round(s.PairwiseF1, 4),
                ["pairwise_precision"] = Math.Round(s.PairwisePrecision, 4),
                ["pairwise_recall"] = Math.Round(s.PairwiseRecall, 4),
                ["bcubed_f1"] = Math.Round(s.BcubedF1, 4),
                ["bcubed_precision"] = Math.Round(s.BcubedPrecision, 4),
                ["bcubed_recall"] = Math.Round(s.BcubedRecall, 4),
                ["ari"] = Math.Round(s.Ari, 4),
                ["articles_per_second"] = report is null ? null : Math.Round(report.ArticlesPerSecond, 1),
                ["articles_per_cpu_second"] = report is null ? null : Math.Round(report.ArticlesPerCpuSecond, 1),
                ["peak_memory_mb"] = report is null ? null : Math.Round(report.PeakMemoryMb),
                ["part"] = part switch { EvalPart.Dev => "dev", EvalPart.HeldOut => "held-out", _ => "all" },
            };
            if (report is not null)
            {
                output["non_articles"] = new Dictionary<string, object?>
                {
                    ["excluded"] = excluded.Count,
                    ["caught"] = articleIds is null ? null : caught,
                    ["wrongly_excluded"] = articleIds is null ? null : wrong,
                    ["pages"] = excluded.Select(e => new Dictionary<string, object?> { ["id"] = e.Id, ["reason"] = e.Reason, ["is_article"] = e.IsArticle }).ToList(),
                };
            }

            if (report?.Shuffle is { } sh)
            {
                output["shuffle"] = new Dictionary<string, object?> { ["seed"] = sh.Seed, ["moved_articles"] = sh.MovedArticles, ["ari"] = sh.Ari, ["pairwise_f1"] = sh.PairwiseF1 };
            }

            Console.WriteLine(JsonSerializer.Serialize(output, StorylineJson.Options));
            return;
        }

        Console.WriteLine($"articles {s.Articles}, stories true {s.StoriesTrue}, predicted {s.StoriesPredicted}");
        Console.WriteLine($"pairwise  F1 {s.PairwiseF1:F4}  P {s.PairwisePrecision:F4}  R {s.PairwiseRecall:F4}");
        Console.WriteLine($"BCubed    F1 {s.BcubedF1:F4}  P {s.BcubedPrecision:F4}  R {s.BcubedRecall:F4}");
        Console.WriteLine($"ARI       {s.Ari:F4}");
        if (report is not null)
        {
            Console.WriteLine($"speed     {report.ArticlesPerSecond:F0} articles/s, {report.ArticlesPerCpuSecond:F0} per CPU second (dedup and stories; extraction not counted); peak memory {report.PeakMemoryMb:F0} MB");
            Console.WriteLine(articleIds is null
                ? $"kept out  {excluded.Count} pages"
                : $"kept out  {excluded.Count} pages: {caught} non-articles caught, {wrong} real articles wrongly excluded");
            foreach (var e in excluded)
            {
                Console.WriteLine($"  {e.Id}: {e.Reason}{(e.IsArticle == true ? "  (a real article)" : "")}");
            }

            if (report.Shuffle is { } sh)
            {
                Console.WriteLine($"shuffled (seed {sh.Seed}): {sh.MovedArticles} articles change story; ARI {sh.Ari:F4}, pairwise F1 {sh.PairwiseF1:F4} against the input order");
            }
        }
    }

    private sealed record DumpLine(string Id, string? Story);
}
