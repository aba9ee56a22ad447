using System.CommandLine;
using System.Text.Json;
using Storyline.Eval;
using Storyline.Eval.Stories;
using Storyline.Eval.Summaries;
using Storyline.Model;
using Storyline.Summaries;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval summaries &lt;folder&gt;</c>: summarises each true story of a stories set and scores ROUGE against its human summary.</summary>
internal static class EvalSummariesCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A stories set: a folder with articles.jsonl ({id, cluster, text}) and summaries.jsonl ({cluster, summary})." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var dump = new Option<string?>("--dump") { Description = "Write the chosen method's summaries as JSON Lines {cluster, summary}, in the order of summaries.jsonl." };
        var words = new Option<int>("--words") { Description = "Length of the dumped summaries in words (scored summaries are made at 100 and 250).", DefaultValueFactory = _ => 250 };
        var method = new Option<string>("--method") { Description = "mmr, centroid, textrank or lead (lead and textrank are always scored beside it as baselines).", DefaultValueFactory = _ => SummaryOptions.Default.Method.ToString().ToLowerInvariant() };
        var part = new Option<string>("--part") { Description = "all, dev or held-out (one cluster in five by a hash of its id, never tuned on); every part is reported, this one first.", DefaultValueFactory = _ => "all" };
        var predictions = new Option<string?>("--predictions") { Description = "Score this file of summaries ({cluster, summary} lines, e.g. another tool's) instead of running Storyline." };
        var command = new Command("summaries", "Summarise each story of a stories set and score ROUGE-1/2/L F1 at 100 and 250 words.") { folder, json, dump, words, method, part, predictions };
        command.SetAction(parseResult =>
        {
            try
            {
                return Run(parseResult.GetValue(folder)!, parseResult.GetValue(json), parseResult.GetValue(dump), parseResult.GetValue(words),
                    parseResult.GetValue(method)!, parseResult.GetValue(part)!, parseResult.GetValue(predictions));
            }
            catch (EvalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static SummaryMethod ParseMethod(string method) => method.ToLowerInvariant() switch
    {
        "mmr" => SummaryMethod.Mmr,
        "centroid" => SummaryMethod.Centroid,
        "textrank" => SummaryMethod.TextRank,
        "lead" => SummaryMethod.Lead,
        _ => throw new EvalDataException($"--method {method}: expected mmr, centroid, textrank or lead"),
    };

    private static int Run(string folder, bool json, string? dump, int words, string methodName, string partName, string? predictionsPath)
    {
        var part = EvalStoriesCommand.ParsePart(partName);
        var method = ParseMethod(methodName);
        if (words < 1)
        {
            throw new EvalDataException($"--words {words}: expected a positive number");
        }

        var references = SummariesEvaluator.ReadReferences(folder);
        SummariesReport report;
        if (predictionsPath is not null)
        {
            report = SummariesEvaluator.ScorePredictions(references, SummariesEvaluator.ReadPredictions(predictionsPath));
        }
        else
        {
            var records = EvalData.Read(folder, "cluster", labelRequired: true);
            report = SummariesEvaluator.Run(records, references, SummaryOptions.Default with { Method = method }, words);
            if (dump is not null)
            {
                WriteDump(dump, report.Predictions);
            }
        }

        Print(json, report, part, predictionsPath is null ? method.ToString().ToLowerInvariant() : "predictions");
        return 0;
    }

    private static void WriteDump(string path, IReadOnlyList<PredictedSummary> predictions)
    {
        try
        {
            using var writer = new StreamWriter(path);
            foreach (var p in predictions)
            {
                writer.WriteLine(JsonSerializer.Serialize(p, StorylineJson.Compact));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalDataException($"{path}: cannot write the dump ({e.Message})");
        }
    }

    private static string PartName(EvalPart part) => part switch { EvalPart.Dev => "dev", EvalPart.HeldOut => "held-out", _ => "all" };

    private static Dictionary<string, object?> Scores(SummaryScores s) => new()
    {
        ["stories"] = s.Stories,
        ["rouge1_100"] = Math.Round(s.At100.Rouge1, 4),
        ["rouge2_100"] = Math.Round(s.At100.Rouge2, 4),
        ["rougeL_100"] = Math.Round(s.At100.RougeL, 4),
        ["rouge1_250"] = Math.Round(s.At250.Rouge1, 4),
        ["rouge2_250"] = Math.Round(s.At250.Rouge2, 4),
        ["rougeL_250"] = Math.Round(s.At250.RougeL, 4),
        ["uncut"] = new Dictionary<string, object?> { ["rouge1"] = Math.Round(s.Uncut.Rouge1, 4), ["rouge2"] = Math.Round(s.Uncut.Rouge2, 4), ["rougeL"] = Math.Round(s.Uncut.RougeL, 4) },
    };

    private static Dictionary<string, object?> PartOutput(IReadOnlyDictionary<string, SummaryScores> byMethod)
    {
        var output = Scores(byMethod[SummariesEvaluator.Chosen]);
        var baselines = byMethod.Where(kv => kv.Key != SummariesEvaluator.Chosen).ToDictionary(kv => kv.Key, kv => (object?)Scores(kv.Value));
        if (baselines.Count > 0)
        {
            output["baselines"] = baselines;
        }

        return output;
    }

    private static void Print(bool json, SummariesReport report, EvalPart part, string method)
    {
        var order = new[] { part }.Concat(new[] { EvalPart.All, EvalPart.Dev, EvalPart.HeldOut }.Where(p => p != part)).ToList();
        if (json)
        {
            var output = PartOutput(report.Parts[part]);
            output["part"] = PartName(part);
            output["method"] = method;
            output["parts"] = order.Skip(1).ToDictionary(p => PartName(p), p => (object?)PartOutput(report.Parts[p]));
            if (report.Speed is { } sp)
            {
                output["speed"] = new Dictionary<string, object?>
                {
                    ["ms_per_story_mean"] = Math.Round(sp.MeanMs, 2),
                    ["ms_per_story_max"] = Math.Round(sp.MaxMs, 2),
                    ["articles_in_largest_story"] = sp.MaxArticles,
                    ["ms_for_50_articles"] = Math.Round(sp.FiftyArticlesMs, 2),
                    ["cpu_ms_for_50_articles"] = Math.Round(sp.FiftyArticlesCpuMs, 2),
                };
            }

            Console.WriteLine(JsonSerializer.Serialize(output, StorylineJson.Options));
            return;
        }

        Console.WriteLine($"method {method}; ROUGE F1 (recipe: shared/data/README.md), mean over stories");
        foreach (var p in order)
        {
            var byMethod = report.Parts[p];
            var header = $"{PartName(p)} ({byMethod[SummariesEvaluator.Chosen].Stories} stories)";
            Console.WriteLine($"{header,-24}  R1@100  R2@100  RL@100  R1@250  R2@250  RL@250   R1 full R2 full RL full");
            foreach (var (name, s) in byMethod)
            {
                var label = name == SummariesEvaluator.Chosen ? method : name + " (baseline)";
                Console.WriteLine($"  {label,-22} {s.At100.Rouge1,7:F4} {s.At100.Rouge2,7:F4} {s.At100.RougeL,7:F4} {s.At250.Rouge1,7:F4} {s.At250.Rouge2,7:F4} {s.At250.RougeL,7:F4}   {s.Uncut.Rouge1,7:F4} {s.Uncut.Rouge2,7:F4} {s.Uncut.RougeL,7:F4}");
            }
        }

        if (report.Speed is { } speed)
        {
            Console.WriteLine($"speed  {speed.MeanMs:F2} ms per story (max {speed.MaxMs:F2}, largest story {speed.MaxArticles} articles); 50 articles as one story: {speed.FiftyArticlesMs:F1} ms ({speed.FiftyArticlesCpuMs:F1} ms of processor time; extraction not counted)");
        }
    }
}
