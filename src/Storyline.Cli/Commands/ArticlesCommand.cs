using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline articles</c>, <c>storyline article &lt;id&gt;</c> and <c>storyline search &lt;query&gt;</c>: reading the store.</summary>
internal static class ArticlesCommand
{
    public static Command List()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("articles", "List the stored articles.") { db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var rows = store.ListArticles();
            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(rows, StorylineJson.Options), null);
            }
            else
            {
                Terminal.Table(
                    ["id", "title", "outlet", "date", "chars", "removed", "path"],
                    rows.Select(r => new[] { r.Id, AnalysisReport.Shorten(r.Title ?? "(no title)", 60), r.Outlet ?? "", r.Date ?? "", r.TextLength.ToString(CultureInfo.InvariantCulture), r.Removed.ToString(CultureInfo.InvariantCulture), r.Origin }));
            }

            return Terminal.Ok;
        });
        return command;
    }

    public static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The article's id (or a unique prefix of at least 4 hex digits)." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var showRemoved = new Option<bool>("--show-removed") { Description = "Show the whole page: removed blocks struck out with their reasons." };
        var command = new Command("article", "Show one article: metadata with sources, clean text, and (with --show-removed) what was removed and why.") { id, db, json, showRemoved };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var key = parse.GetValue(id)!;
            var article = store.GetArticle(key);
            if (article is null)
            {
                Terminal.Error($"{key}: no article with this id (ids are 16 hex digits; a prefix must be unique)");
                return Terminal.Fatal;
            }

            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(article, StorylineJson.Options), null);
            }
            else
            {
                Terminal.Output(Render(article, parse.GetValue(showRemoved)), null);
            }

            return Terminal.Ok;
        });
        return command;
    }

    public static Command Search()
    {
        var query = new Argument<string>("query") { Description = "Words to find (all must occur); punctuation is ignored." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "Most hits to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over titles and clean text.") { query, db, json, limit };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var hits = store.Search(parse.GetValue(query)!, Math.Max(1, parse.GetValue(limit)));
            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(hits, StorylineJson.Options), null);
            }
            else if (hits.Count == 0)
            {
                Terminal.Output("no matches", null);
            }
            else
            {
                Terminal.Table(["id", "title", "snippet"], hits.Select(h => new[] { h.Id, AnalysisReport.Shorten(h.Title ?? "(no title)", 50), h.Snippet }));
            }

            return Terminal.Ok;
        });
        return command;
    }

    internal static string Render(Article a, bool showRemoved)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{a.Title?.Value ?? "(no title)"}\n");
        sb.Append(inv, $"id {a.Id} · {a.Origin}\n");
        void Meta(string name, MetaValue? v)
        {
            if (v is not null)
            {
                sb.Append(inv, $"{name}: {v.Value}  ({v.Source})\n");
            }
        }

        Meta("outlet", a.Outlet);
        Meta("byline", a.Byline);
        Meta("dateline", a.Dateline);
        if (a.Date is not null)
        {
            sb.Append(inv, $"date: {a.Date.Day}  ({a.Date.Source}: \"{a.Date.Text}\")\n");
        }

        foreach (var note in a.Notes)
        {
            sb.Append(inv, $"note: {note}\n");
        }

        sb.Append('\n');
        if (!showRemoved)
        {
            sb.Append(a.Text).Append('\n');
            var removed = a.Removed.Count();
            if (removed > 0)
            {
                sb.Append(inv, $"\n({removed} blocks removed; --show-removed shows them with their reasons)\n");
            }

            return sb.ToString();
        }

        foreach (var block in a.Blocks)
        {
            if (block.IsRemoved)
            {
                sb.Append(inv, $"  ~~ {block.Text} ~~   [removed: {block.Reason}]\n");
            }
            else
            {
                sb.Append(inv, $"{(block.Role == BlockRole.Body ? "" : $"[{block.Role.ToString().ToLowerInvariant()}] ")}{block.Text}\n");
            }
        }

        return sb.ToString();
    }
}
