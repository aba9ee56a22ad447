using System.CommandLine;
using System.Text.Json;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline analyze &lt;paths...&gt; [--json] [--out FILE]</c>: a one-shot report, nothing kept.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = IngestCommand.Paths();
        var urls = IngestCommand.Urls();
        var json = CommonOptions.Json();
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of stdout." };
        var db = CommonOptions.Db(":memory:");
        var threads = IngestCommand.Threads();
        var words = StoryCommand.Words();
        var command = new Command("analyze", "Read pages into a temporary store and print a report: one section per story with its view (summary, timeline, quotes, figures, coverage), each article with its title, outlet, date, clean text length and what was removed and why. " + Terminal.ExitCodesHelp)
        {
            paths, urls, json, output, db, threads, words,
        };
        command.SetAction(parse =>
        {
            if (IngestCommand.NoInput(parse.GetValue(paths), parse.GetValue(urls)))
            {
                return Terminal.Fatal;
            }

            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: false);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var result = IngestCommand.Run(parse.GetValue(paths) ?? [], store, parse.GetValue(threads), parse.GetValue(urls));
            var articles = store.Articles().ToList();
            var stories = store.Stories();
            var links = store.Links();
            var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            var viewOptions = new StoryViewOptions { Words = parse.GetValue(words) };
            var report = AnalysisReport.Build(articles, stories, links, store.Excluded(), result.Errors, result.Warnings) with
            {
                StoryViews = [.. stories.Select(s => StoryViewBuilder.Build(s, [.. s.ArticleIds.Select(id => byId[id])], links, viewOptions))],
            };
            var text = parse.GetValue(json) ? JsonSerializer.Serialize(report, StorylineJson.Options) : report.ToText();
            Terminal.Output(text, parse.GetValue(output));
            return result.Errors.Count == 0 ? Terminal.Ok : Terminal.SomeInputsFailed;
        });
        return command;
    }
}
