using System.CommandLine;
using System.Text.Json;
using Storyline.Eval.Dedup;
using Storyline.Eval.Stories;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval dedup &lt;folder&gt;</c>: finds duplicate and wire-copy pairs in a duplicate set and scores them.</summary>
internal static class EvalDedupCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A duplicate set: a folder with articles.jsonl ({id, group, text}), or the file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var dump = new Option<string?>("--dump") { Description = "Write the predicted links as JSON Lines {a, b, kind, shared_paragraphs}." };
        var predictions = new Option<string?>("--predictions") { Description = "Score this dump ({a, b, ...} lines, e.g. another tool's) instead of running Storyline." };
        var command = new Command("dedup", "Find duplicates and shared wire copy in a duplicate set and score the pairs.") { folder, json, dump, predictions };
        command.SetAction(parseResult =>
        {
            try
            {
                return Run(parseResult.GetValue(folder)!, parseResult.GetValue(json), parseResult.GetValue(dump), parseResult.GetValue(predictions));
            }
            catch (EvalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(string folder, bool json, string? dump, string? predictionsPath)
    {
        var records = EvalData.Read(folder, "group", labelRequired: false);
        DedupScores scores;
        double? speed = null;
        Dictionary<LinkKind, int>? kinds = null;
        if (predictionsPath is not null)
        {
            scores = DedupEvaluator.Score(records, ReadPairs(predictionsPath));
        }
        else
        {
            var (s, links, perSecond) = DedupEvaluator.Run(records);
            scores = s;
            speed = perSecond;
            kinds = links.GroupBy(l => l.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
            if (dump is not null)
            {
                WriteDump(dump, links);
            }
        }

        if (json)
        {
            var output = new Dictionary<string, object?>
            {
                ["articles"] = scores.Articles,
                ["groups"] = scores.Groups,
                ["pairs_true"] = scores.PairsTrue,
                ["pairs_predicted"] = scores.PairsPredicted,
                ["pairwise_f1"] = Math.Round(scores.PairwiseF1, 4),
                ["pairwise_precision"] = Math.Round(scores.PairwisePrecision, 4),
                ["pairwise_recall"] = Math.Round(scores.PairwiseRecall, 4),
                ["articles_per_second"] = speed is { } v ? Math.Round(v, 1) : null,
                ["links_by_kind"] = kinds?.ToDictionary(k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k.Key.ToString()), k => k.Value),
            };
            Console.WriteLine(JsonSerializer.Serialize(output, StorylineJson.Options));
            return 0;
        }

        Console.WriteLine($"articles {scores.Articles}, groups {scores.Groups}, true pairs {scores.PairsTrue}, predicted pairs {scores.PairsPredicted}");
        Console.WriteLine($"pairwise  F1 {scores.PairwiseF1:F4}  P {scores.PairwisePrecision:F4}  R {scores.PairwiseRecall:F4}");
        if (speed is { } sp)
        {
            Console.WriteLine($"speed     {sp:F0} articles/s (extraction and dedup)");
        }

        if (kinds is not null)
        {
            Console.WriteLine("links     " + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        }

        return 0;
    }

    private static List<(string, string)> ReadPairs(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalDataException($"{path}: no such file");
        }

        var pairs = new List<(string, string)>();
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
                pairs.Add((doc.RootElement.GetProperty("a").ToString(), doc.RootElement.GetProperty("b").ToString()));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new EvalDataException($"{path}:{n}: expected {{\"a\", \"b\", ...}} ({e.Message.Split('.')[0]})");
            }
        }

        return pairs;
    }

    private static void WriteDump(string path, IReadOnlyList<DedupLink> links)
    {
        try
        {
            using var writer = new StreamWriter(path);
            foreach (var l in links)
            {
                var line = new DumpLine(l.A, l.B, l.Kind, [.. l.SharedParagraphs.Select(p => new[] { p.A, p.B })]);
                writer.WriteLine(JsonSerializer.Serialize(line, StorylineJson.Compact));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalDataException($"{path}: cannot write the dump ({e.Message})");
        }
    }

    private sealed record DumpLine(string A, string B, LinkKind Kind, int[][] SharedParagraphs);
}
