using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Eval.Dedup;
using Storyline.Eval.Stories;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline make-dedup-set &lt;stories-folder&gt; --out DIR --seed N</c>: writes a duplicate set by republishing articles.</summary>
internal static class MakeDedupSetCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("stories-folder") { Description = "A folder with articles.jsonl ({id, text, ...}) to republish from." };
        var output = new Option<string>("--out") { Description = "Folder to write articles.jsonl ({id, group, text}) into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice; the same seed writes the same set.", DefaultValueFactory = _ => 1 };
        var command = new Command("make-dedup-set", "Write a duplicate set by republishing articles as outlets do (new headline and chrome, trimmed or added paragraphs, retyped quotes, a reordered paragraph, an editor's note).") { folder, output, seed };
        command.SetAction(parseResult =>
        {
            try
            {
                var records = EvalData.Read(parseResult.GetValue(folder)!, "cluster", labelRequired: false);
                var set = DedupSetGenerator.Generate(records, parseResult.GetValue(seed));
                var dir = parseResult.GetValue(output)!;
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, "articles.jsonl");
                using (var writer = new StreamWriter(path))
                {
                    foreach (var r in set)
                    {
                        writer.WriteLine(JsonSerializer.Serialize(r, StorylineJson.Compact));
                    }
                }

                var groups = set.Where(r => r.Group is not null).Select(r => r.Group).Distinct().Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {set.Count} articles, {groups} groups of copies, from {records.Count} sources (seed {parseResult.GetValue(seed)})"));
                return 0;
            }
            catch (EvalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{parseResult.GetValue(output)}: cannot write ({e.Message})");
                return 2;
            }
        });
        return command;
    }
}
