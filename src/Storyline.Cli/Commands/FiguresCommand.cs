using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Figures;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline figures</c>: the numbers each story's articles give, who gives them, and where sources disagree.</summary>
internal static class FiguresCommand
{
    public static Command Create()
    {
        var story = new Option<string?>("--story") { Description = "Only this story (its id, as `analyze` prints it)." };
        var counts = new Option<bool>("--counts") { Description = "Also list plain counts of things (\"12 villages\"), not only killed, injured, displaced, arrested, evacuated, destroyed, money and percentages." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("figures", "Figures per story: each value once with every article and source that gives it, and the quantities sources give different values for, side by side.") { story, counts, db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var all = store.Articles().ToDictionary(a => a.Id, StringComparer.Ordinal);
            var stories = store.Stories();
            if (parse.GetValue(story) is { } id)
            {
                stories = [.. stories.Where(s => s.Id == id)];
                if (stories.Count == 0)
                {
                    Terminal.Error($"{id}: no story with this id (`storyline analyze` and `storyline articles` show the ids)");
                    return Terminal.Fatal;
                }
            }

            var withCounts = parse.GetValue(counts);
            var rows = new List<StoryRow>();
            var watch = Stopwatch.StartNew();
            var articleCount = 0;
            foreach (var s in stories)
            {
                var articles = s.ArticleIds.Select(a => all[a]).ToList();
                articleCount += articles.Count;
                var set = StoryFigures.Find(articles);
                var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
                rows.Add(new StoryRow(
                    s.Id,
                    s.Label,
                    [.. set.Groups.Where(g => withCounts || g.Quantity.Category != FigureCategory.Count).Select(g => GroupRow.From(g, byId))],
                    [.. set.Disagreements.Select(d => new DisagreementRow(d.Groups[0].Label, [.. d.Groups.Select(g => GroupRow.From(g, byId))]))]));
            }

            Terminal.Info(string.Create(CultureInfo.InvariantCulture, $"figures of {articleCount} articles in {watch.Elapsed.TotalMilliseconds:F0} ms (entities, quotes and times included)"));
            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(rows, StorylineJson.Options), null);
                return Terminal.Ok;
            }

            foreach (var r in rows)
            {
                Console.WriteLine($"== {r.Label}  (story {r.StoryId})");
                foreach (var g in r.Figures)
                {
                    Console.WriteLine($"  {g.Quantity}: {g.Value}{Join(" ", g.Mentions.Select(m => m.When).OfType<string>().Distinct().Take(1))}{Per(g.Sources)}");
                    Console.WriteLine($"      in {string.Join(", ", g.Mentions.Select(m => m.Article).Distinct())}");
                }

                foreach (var d in r.Disagreements)
                {
                    Console.WriteLine($"  DISAGREEMENT on {d.Quantity}:");
                    foreach (var g in d.Values)
                    {
                        Console.WriteLine($"    {g.Value}{Join(" ", g.Mentions.Select(m => m.When).OfType<string>().Distinct().Take(1))}{Per(g.Sources)}  — {string.Join(", ", g.Mentions.Select(m => m.Article).Distinct())}");
                    }
                }
            }

            return Terminal.Ok;
        });
        return command;
    }

    private static string Join(string before, IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? "" : before + string.Join(", ", list);
    }

    private static string Per(IReadOnlyList<string> sources) => sources.Count == 0 ? "" : " per " + string.Join(" and ", sources);

    private sealed record StoryRow(string StoryId, string Label, IReadOnlyList<GroupRow> Figures, IReadOnlyList<DisagreementRow> Disagreements);

    private sealed record DisagreementRow(string Quantity, IReadOnlyList<GroupRow> Values);

    private sealed record MentionRow(string ArticleId, string Article, string Text, string? When, string? Timex, string? Place, string? Source);

    private sealed record GroupRow(string Quantity, string Category, string Value, double Low, double? High, string Qualifier, string? Unit, IReadOnlyList<string> Sources, IReadOnlyList<MentionRow> Mentions)
    {
        public static GroupRow From(FigureGroup g, IReadOnlyDictionary<string, Article> byId) => new(
            g.Label,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(g.Quantity.Category.ToString()),
            g.Value.Text,
            g.Value.Low,
            g.Value.High,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(g.Value.Qualifier.ToString()),
            g.Value.Unit,
            [.. g.Sources],
            [.. g.Figures.Select(f =>
            {
                var a = byId[f.ArticleId];
                var name = (a.Outlet?.Value ?? Path.GetFileName(a.Origin)) + " " + a.Id[..Math.Min(8, a.Id.Length)];
                return new MentionRow(f.ArticleId, name, f.Span.Of(a.Text), f.When, f.TimexValue, f.Place, f.Source);
            })]);
    }
}
