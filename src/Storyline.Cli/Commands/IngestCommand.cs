using System.CommandLine;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ingest &lt;paths...&gt; [--db]</c>: reads pages into the store; re-ingesting adds nothing.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (recursive): .txt, .html, .htm, .json, .jsonl, each optionally .gz.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var threads = Threads();
        var command = new Command("ingest", "Read pages into the store: clean them, keep what was removed and why, and group stories. " + Terminal.ExitCodesHelp) { paths, db, threads };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: false);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var result = Run(parse.GetValue(paths)!, store, parse.GetValue(threads));
            Terminal.Info($"{result.PagesRead} pages read: {result.ArticlesAdded} new articles, {result.AlreadyStored} already stored, {result.RepeatedInRun} repeated in this run, {result.Errors.Count} not read; the store holds {store.ArticleCount} articles.");
            return result.Errors.Count == 0 ? Terminal.Ok : Terminal.SomeInputsFailed;
        });
        return command;
    }

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads for the per-page stages (default: all cores). Output is the same whatever the number.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>Runs the pipeline with progress, and prints every failed input as one line on stderr.</summary>
    public static IngestResult Run(string[] paths, SqliteStore store, int threads)
    {
        var pipeline = new Pipeline(new PipelineOptions { Parallelism = Math.Max(1, threads) });
        var result = Terminal.WithProgress("ingesting", progress => pipeline.Ingest(paths, store, progress));
        foreach (var warning in result.Warnings)
        {
            Terminal.Warn(warning);
        }

        foreach (var error in result.Errors)
        {
            Terminal.Error(error.ToString());
        }

        if (result.SkippedRecords.Count > 0)
        {
            var reasons = result.SkippedRecords.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}");
            Terminal.Info($"{result.SkippedRecords.Values.Sum()} records passed over (not pages): {string.Join(", ", reasons)}.");
        }

        return result;
    }
}
