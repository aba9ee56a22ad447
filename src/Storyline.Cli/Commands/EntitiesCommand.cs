using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Entities;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline entities</c> and <c>storyline quotes</c>: who is named and who said what, per story, from the store.</summary>
internal static class EntitiesCommand
{
    public static Command Entities()
    {
        var story = new Option<string?>("--story") { Description = "Only this story (its id, as `analyze` prints it)." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("entities", "People, organisations, places and other names, one entity each with its aliases, roles and mention counts, per story.") { story, db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var groups = StoryArticles(store, parse.GetValue(story));
            if (groups is null)
            {
                return Terminal.Fatal;
            }

            var result = groups.Select(g => new StoryEntities(g.Story.Id, g.Story.Label, EntityResolver.Default.Resolve(g.Articles)
                .OrderByDescending(e => e.Mentions.Length).ThenBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => new EntityRow(e.Id, e.Name, e.Type.ToString().ToLowerInvariant(), e.Aliases, e.Roles, e.Mentions.Length, e.MentionCounts))
                .ToList())).ToList();
            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(result, StorylineJson.Options), null);
                return Terminal.Ok;
            }

            foreach (var s in result)
            {
                Console.WriteLine($"== {s.Label}  ({s.StoryId})");
                Terminal.Table(
                    ["entity", "type", "mentions", "also called", "roles"],
                    s.Entities.Select(e => new[] { e.Name, e.Type, e.Mentions.ToString(CultureInfo.InvariantCulture), string.Join("; ", e.Aliases), string.Join("; ", e.Roles) }));
            }

            return Terminal.Ok;
        });
        return command;
    }

    public static Command Quotes()
    {
        var story = new Option<string?>("--story") { Description = "Only this story (its id, as `analyze` prints it)." };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes whose speaker's name contains this (case-insensitive)." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("quotes", "Who said what: each quote once, with its speaker resolved to an entity and every article that carries it.") { speaker, story, db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var groups = StoryArticles(store, parse.GetValue(story));
            if (groups is null)
            {
                return Terminal.Fatal;
            }

            var who = parse.GetValue(speaker);
            var rows = new List<QuoteRow>();
            foreach (var (s, articles) in groups)
            {
                foreach (var q in StoryQuotes.Find(articles))
                {
                    if (who is not null && !(q.SpeakerName ?? "").Contains(who, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
                    rows.Add(new QuoteRow(s.Id, q.SpeakerName, q.Kind.ToString().ToLowerInvariant(), q.Text, [.. q.ArticleIds.Select(id => new QuoteArticle(id, byId[id].Outlet?.Value, byId[id].Origin))]));
                }
            }

            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(rows, StorylineJson.Options), null);
                return Terminal.Ok;
            }

            foreach (var bySpeaker in rows.GroupBy(r => r.Speaker ?? "(unattributed)").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"== {bySpeaker.Key}");
                foreach (var r in bySpeaker)
                {
                    Console.WriteLine($"  [{r.Kind}] {r.Text}");
                    Console.WriteLine($"      in {string.Join(", ", r.Articles.Select(a => (a.Outlet ?? Path.GetFileName(a.Path)) + " " + a.Id[..8]))}");
                }
            }

            return Terminal.Ok;
        });
        return command;
    }

    /// <summary>The stories asked for with their articles; null (after saying why) when the story id is unknown.</summary>
    private static List<(Story Story, IReadOnlyList<Article> Articles)>? StoryArticles(SqliteStore store, string? storyId)
    {
        var articles = store.Articles().ToDictionary(a => a.Id, StringComparer.Ordinal);
        var stories = store.Stories();
        if (storyId is not null)
        {
            stories = [.. stories.Where(s => s.Id == storyId)];
            if (stories.Count == 0)
            {
                Terminal.Error($"{storyId}: no story with this id (`storyline analyze` and `storyline articles` show the ids)");
                return null;
            }
        }

        return [.. stories.Select(s => (s, (IReadOnlyList<Article>)[.. s.ArticleIds.Select(id => articles[id])]))];
    }

    private sealed record StoryEntities(string StoryId, string Label, List<EntityRow> Entities);

    private sealed record EntityRow(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, int Mentions, IReadOnlyDictionary<string, int> MentionsByArticle);

    private sealed record QuoteArticle(string Id, string? Outlet, string Path);

    private sealed record QuoteRow(string StoryId, string? Speaker, string Kind, string Text, IReadOnlyList<QuoteArticle> Articles);
}
