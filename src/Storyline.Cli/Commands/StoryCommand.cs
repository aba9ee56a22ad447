using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline stories</c> and <c>storyline story &lt;id&gt;</c>: the stories of the store, and one story's view.</summary>
internal static class StoryCommand
{
    public static Command List()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("stories", "List the stored stories: id, label and number of articles.") { db, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var stories = store.Stories();
            if (parse.GetValue(json))
            {
                Terminal.Output(JsonSerializer.Serialize(stories.Select(s => new { s.Id, s.Label, Articles = s.ArticleIds }), StorylineJson.Options), null);
            }
            else
            {
                Terminal.Table(["id", "articles", "label"], stories.Select(s => new[] { s.Id, s.ArticleIds.Length.ToString(CultureInfo.InvariantCulture), AnalysisReport.Shorten(s.Label, 90) }));
            }

            return Terminal.Ok;
        });
        return command;
    }

    public static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The story's id (or a unique prefix of at least 4 characters), as `storyline stories` prints it." };
        var db = CommonOptions.Db();
        var format = new Option<string>("--format") { Description = "md (default), json or html (a self-contained page).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json", "html");
        var words = Words();
        var output = new Option<string?>("--out") { Description = "Write the view to this file instead of stdout." };
        var command = new Command("story", "One story's view: headline, cited summary, timeline, quotes by speaker, figures and disagreements, people and places, coverage by outlet, wire copy.") { id, db, format, words, output };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: true);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var key = parse.GetValue(id)!;
            var view = StoryViewBuilder.FromStore(store, key, new StoryViewOptions { Words = parse.GetValue(words) });
            if (view is null)
            {
                Terminal.Error($"{key}: no story with this id, or the prefix is shorter than 4 characters or ambiguous (`storyline stories` lists them)");
                return Terminal.Fatal;
            }

            Terminal.Output(Render(view, parse.GetValue(format)!), parse.GetValue(output));
            return Terminal.Ok;
        });
        return command;
    }

    public static Option<int> Words() => new("--words")
    {
        Description = "Summary length in words (default 120).",
        DefaultValueFactory = _ => 120,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--words must be at least 1"); } } },
    };

    public static string Render(StoryView view, string format) => format switch
    {
        "json" => JsonSerializer.Serialize(view, StorylineJson.Options),
        "html" => StoryViewText.ToHtml(view),
        _ => StoryViewText.ToMarkdown(view),
    };
}
