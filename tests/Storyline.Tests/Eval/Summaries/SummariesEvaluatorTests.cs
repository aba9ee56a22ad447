using System.Text.Json;
using Storyline.Eval;
using Storyline.Eval.Stories;
using Storyline.Eval.Summaries;
using Storyline.Summaries;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Eval.Summaries;

/// <summary>Round trips of issue 12: gold summaries scored as predictions, a hand-made dump, and Storyline's own dump.</summary>
public class SummariesEvaluatorTests
{
    private static readonly string[] Harbour =
    [
        "Dockworkers at the port of Harbourton walked off the job on Tuesday over a pay dispute with the port authority.",
        "The union said about 1,200 members joined the strike, halting container traffic at the busiest terminal in the region.",
        "Shipping companies warned that cargo would be diverted to other ports if the strike lasted more than a week.",
    ];

    private static readonly string[] Festival =
    [
        "The town of Millbrook opened its annual apple festival on Saturday with a parade through the old market square.",
        "Organisers said more than 5,000 visitors came on the first day, a record for the small festival in its tenth year.",
        "Local growers sold cider, pies and twenty kinds of apples from stalls set up along the river path.",
    ];

    private static TempFolder MakeSet()
    {
        var dir = new TempFolder();
        string Line(string id, string cluster, IEnumerable<string> paragraphs) =>
            JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["cluster"] = cluster, ["text"] = string.Join(" \n \n ", paragraphs) });
        dir.Write("articles.jsonl", string.Join("\n",
            Line("h1", "harbour", Harbour),
            Line("f1", "festival", Festival),
            Line("h2", "harbour", Harbour.Skip(1).Reverse()),
            Line("f2", "festival", Festival.Take(2))) + "\n");
        dir.Write("summaries.jsonl", string.Join("\n",
            JsonSerializer.Serialize(new { cluster = "harbour", summary = "Dockworkers in Harbourton went on strike over pay on Tuesday." }),
            JsonSerializer.Serialize(new { cluster = "festival", summary = "the cat is on the mat now" })) + "\n");
        return dir;
    }

    [Fact]
    public void The_gold_summaries_scored_as_predictions_score_one()
    {
        using var dir = MakeSet();
        var references = SummariesEvaluator.ReadReferences(dir.Path);
        var report = SummariesEvaluator.ScorePredictions(references, SummariesEvaluator.ReadPredictions(dir.File("summaries.jsonl")));
        foreach (var part in new[] { EvalPart.All, EvalPart.Dev, EvalPart.HeldOut })
        {
            var s = report.Parts[part][SummariesEvaluator.Chosen];
            if (s.Stories > 0)
            {
                Assert.Equal(new RougeScores(1, 1, 1), s.At100);
                Assert.Equal(new RougeScores(1, 1, 1), s.At250);
                Assert.Equal(new RougeScores(1, 1, 1), s.Uncut);
            }
        }

        Assert.Equal(2, report.Parts[EvalPart.All][SummariesEvaluator.Chosen].Stories);
    }

    [SharedFact]
    public void The_multinews_gold_summaries_scored_as_predictions_score_one_uncut_and_less_when_cut_to_the_recipes_lengths()
    {
        var folder = Path.Combine(SharedData.Data, "stories", "multinews-val");
        var references = SummariesEvaluator.ReadReferences(folder);
        var report = SummariesEvaluator.ScorePredictions(references, SummariesEvaluator.ReadPredictions(Path.Combine(folder, "summaries.jsonl")));
        var all = report.Parts[EvalPart.All][SummariesEvaluator.Chosen];
        Assert.Equal(250, all.Stories);
        Assert.Equal(new RougeScores(1, 1, 1), all.Uncut);

        // Human summaries run past 100 words, so cutting the prediction there lowers recall.
        Assert.InRange(all.At100.Rouge1, 0.3, 0.9);
        Assert.Equal(all.Stories, report.Parts[EvalPart.Dev][SummariesEvaluator.Chosen].Stories + report.Parts[EvalPart.HeldOut][SummariesEvaluator.Chosen].Stories);
    }

    [Fact]
    public void A_hand_made_dump_gives_the_hand_computed_mean()
    {
        using var dir = MakeSet();
        var dump = dir.Write("dump.jsonl", JsonSerializer.Serialize(new { cluster = "festival", summary = "The cat sat on the mat." }) + "\n");
        var report = SummariesEvaluator.ScorePredictions(SummariesEvaluator.ReadReferences(dir.Path), SummariesEvaluator.ReadPredictions(dump));
        var s = report.Parts[EvalPart.All][SummariesEvaluator.Chosen];

        // harbour has no prediction (0); festival: R1 10/13, R2 6/11, RL 10/13 (see RougeTests); mean over two stories.
        Assert.Equal(10.0 / 13 / 2, s.At250.Rouge1, 12);
        Assert.Equal(6.0 / 11 / 2, s.At250.Rouge2, 12);
        Assert.Equal(10.0 / 13 / 2, s.At100.RougeL, 12);
    }

    [Fact]
    public void Storylines_own_dump_rescored_gives_the_scores_of_the_run_and_keeps_the_cluster_order()
    {
        using var dir = MakeSet();
        var references = SummariesEvaluator.ReadReferences(dir.Path);
        var report = SummariesEvaluator.Run(EvalData.Read(dir.Path, "cluster", labelRequired: true), references, SummaryOptions.Default);
        Assert.Equal(["harbour", "festival"], report.Predictions.Select(p => p.Cluster));
        Assert.Contains("walked off the job", report.Predictions[0].Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("apple", report.Predictions[0].Summary, StringComparison.Ordinal);

        var rescored = SummariesEvaluator.ScorePredictions(references, report.Predictions.ToDictionary(p => p.Cluster, p => p.Summary));
        Assert.Equal(report.Parts[EvalPart.All][SummariesEvaluator.Chosen].At250, rescored.Parts[EvalPart.All][SummariesEvaluator.Chosen].At250);
        Assert.True(report.Parts[EvalPart.All].ContainsKey("lead"));
        Assert.True(report.Parts[EvalPart.All].ContainsKey("textrank"));
    }

    [Fact]
    public void The_command_prints_the_scores_with_baselines_and_both_parts_and_writes_the_dump()
    {
        using var dir = MakeSet();
        var (exit, stdout, stderr) = CliTests.Run("eval", "summaries", dir.Path, "--json", "--dump", dir.File("out.jsonl"));
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        foreach (var key in new[] { "stories", "rouge1_100", "rouge2_100", "rougeL_100", "rouge1_250", "rouge2_250", "rougeL_250" })
        {
            Assert.True(root.TryGetProperty(key, out _), "missing " + key);
            Assert.True(root.GetProperty("baselines").GetProperty("lead").TryGetProperty(key, out _), "lead misses " + key);
            Assert.True(root.GetProperty("baselines").GetProperty("textrank").TryGetProperty(key, out _), "textrank misses " + key);
        }

        Assert.Equal(2, root.GetProperty("stories").GetInt32());
        Assert.True(root.GetProperty("parts").TryGetProperty("dev", out _));
        Assert.True(root.GetProperty("parts").TryGetProperty("held-out", out _));
        var lines = File.ReadAllLines(dir.File("out.jsonl"));
        Assert.Equal(["harbour", "festival"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("cluster").GetString()));

        var (again, rescored, _) = CliTests.Run("eval", "summaries", dir.Path, "--json", "--predictions", dir.File("out.jsonl"));
        Assert.Equal(0, again);
        using var second = JsonDocument.Parse(rescored);
        Assert.Equal(root.GetProperty("rouge1_250").GetDouble(), second.RootElement.GetProperty("rouge1_250").GetDouble());
    }

    [Fact]
    public void Bad_input_gives_one_line_naming_the_file_and_exit_code_2()
    {
        using var dir = MakeSet();
        var bad = dir.Write("bad.jsonl", "{\"cluster\": \"harbour\"}\n");
        var (exit, _, stderr) = CliTests.Run("eval", "summaries", dir.Path, "--predictions", bad);
        Assert.Equal(2, exit);
        Assert.Equal($"{bad}:1: no \"summary\" text", stderr.Trim());

        var (missing, _, err) = CliTests.Run("eval", "summaries", dir.File("nowhere"));
        Assert.Equal(2, missing);
        Assert.Contains("nowhere", err, StringComparison.Ordinal);
    }
}
