using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Eval.Extraction;
using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval extract &lt;folder&gt;</c>: main-content extraction scored on a set of pages with truth.</summary>
internal static class EvalExtractCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "An extraction set: pages/<id>.html.gz|.html|.txt.gz|.txt beside truth.jsonl." };
        var json = new Option<bool>("--json") { Description = "Print the scores as one JSON object." };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write the predictions as {id: {articleBody, title, author, date}}." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Score the predictions in FILE (the --dump format, e.g. another tool's) instead of running Storyline." };
        var compare = new Option<string[]>("--compare") { Description = "Also run another extractor on the same pages: smartreader.", AllowMultipleArgumentsPerToken = true };
        var part = new Option<string>("--part")
        {
            Description = "Which pages: all (default), tune (the four in five used while developing) or held-out (the one in five kept aside, by a hash of the id).",
            DefaultValueFactory = _ => "all",
        };
        part.AcceptOnlyFromAmong("all", "tune", "held-out");
        var cmd = new Command("extract", "Score main-content extraction (n-gram, segment and bag-of-words F1; title, author, date accuracy). Exit code 2 when the set cannot be read.")
        {
            folder, json, dump, compare, part, predictions,
        };
        cmd.SetAction(parseResult => Run(
            parseResult.GetValue(folder)!,
            parseResult.GetValue(json),
            parseResult.GetValue(dump),
            parseResult.GetValue(predictions),
            parseResult.GetValue(compare) ?? [],
            parseResult.GetValue(part) switch { "tune" => SetPart.Tune, "held-out" => SetPart.HeldOut, _ => SetPart.All }));
        return cmd;
    }

    private static int Run(DirectoryInfo folder, bool json, FileInfo? dump, FileInfo? given, string[] compare, SetPart part)
    {
        foreach (var name in compare)
        {
            if (!string.Equals(name, "smartreader", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"--compare {name}: unknown extractor (known: smartreader)");
                return 2;
            }
        }

        if (CommonOptions.LoadExtractionSet(folder.FullName, part) is not { } pages)
        {
            return 2;
        }

        ExtractionPrediction[] predictions;
        double seconds = 0;
        if (given is not null)
        {
            try
            {
                predictions = ExtractionEvaluator.ReadPredictions(given.FullName, pages, line => Console.Error.WriteLine(line));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine(e is InvalidDataException ? e.Message : $"{given.FullName}: cannot read ({e.Message})");
                return 2;
            }
        }
        else
        {
            (predictions, seconds) = ExtractionEvaluator.RunStoryline(pages, PageExtractors.Default);
        }

        var report = ExtractionEvaluator.Score(pages, predictions, seconds);
        if (compare.Length > 0)
        {
            var (theirs, theirSeconds) = ExtractionEvaluator.RunSmartReader(pages);
            report = report with { Compare = new Dictionary<string, ExtractionReport> { ["smartreader"] = ExtractionEvaluator.Score(pages, theirs, theirSeconds) } };
        }

        if (dump is not null)
        {
            try
            {
                ExtractionEvaluator.WriteDump(dump.FullName, pages, predictions);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{dump.FullName}: cannot write ({e.Message})");
                return 2;
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, StorylineJson.Options));
        }
        else
        {
            PrintTable(folder.Name, report);
        }

        return 0;
    }

    private static void PrintTable(string set, ExtractionReport report)
    {
        var rows = new List<(string Name, ExtractionReport Report)> { ("storyline", report) };
        rows.AddRange((report.Compare ?? new Dictionary<string, ExtractionReport>()).Select(kv => (kv.Key, kv.Value)));
        Console.WriteLine($"{set}: {report.Pages} pages");
        Console.WriteLine($"{"extractor",-12} {"ngram_f1",9} {"ngram_p",8} {"ngram_r",8} {"segment",8} {"bow_f1",8} {"title",7} {"author",7} {"date",7} {"pages/s",9}");
        foreach (var (name, r) in rows)
        {
            Console.WriteLine($"{name,-12} {F(r.NgramF1),9} {F(r.NgramPrecision),8} {F(r.NgramRecall),8} {F(r.SegmentF1),8} {F(r.BowF1),8} {F(r.TitleAccuracy),7} {F(r.AuthorAccuracy),7} {F(r.DateAccuracy),7} {r.PagesPerSecond,9:F1}");
        }
    }

    private static string F(double? v) => v is null ? "-" : v.Value.ToString("F3", CultureInfo.InvariantCulture);
}
