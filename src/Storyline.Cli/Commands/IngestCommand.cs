using System.CommandLine;
using Storyline.Ingest;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ingest [paths...] [--urls FILE] [--db]</c>: reads pages into the store; re-ingesting adds nothing.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = Paths();
        var urls = Urls();
        var db = CommonOptions.Db();
        var threads = Threads();
        var command = new Command("ingest", "Read pages into the store: clean them, keep what was removed and why, and group stories. " + Terminal.ExitCodesHelp) { paths, urls, db, threads };
        command.SetAction(parse =>
        {
            if (NoInput(parse.GetValue(paths), parse.GetValue(urls)))
            {
                return Terminal.Fatal;
            }

            using var store = CommonOptions.OpenStore(parse.GetValue(db)!, mustExist: false);
            if (store is null)
            {
                return Terminal.Fatal;
            }

            var result = Run(parse.GetValue(paths) ?? [], store, parse.GetValue(threads), parse.GetValue(urls));
            Terminal.Info($"{result.PagesRead} pages read: {result.ArticlesAdded} new articles, {result.AlreadyStored} already stored, {result.RepeatedInRun} repeated in this run, {result.Errors.Count} not read; the store holds {store.ArticleCount} articles.");
            return result.Errors.Count == 0 ? Terminal.Ok : Terminal.SomeInputsFailed;
        });
        return command;
    }

    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files or folders (recursive): .txt, .html, .htm, .json, .jsonl, .warc, RSS/Atom feeds (.xml, .rss, .atom, or by content), each optionally .gz; http(s) URLs of pages or feeds are fetched as with --urls.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Urls() => new("--urls")
    {
        Description = "A file of page or feed URLs, one a line (# comments), fetched politely: 2 requests per host at a time, 30 s timeout, 20 MB cap, 5 redirects, a Storyline User-Agent.",
    };

    /// <summary>True (after saying so) when neither paths nor a URL list was given.</summary>
    public static bool NoInput(string[]? paths, string? urls)
    {
        if ((paths is null || paths.Length == 0) && urls is null)
        {
            Terminal.Error("nothing to read: give files or folders, or --urls FILE");
            return true;
        }

        return false;
    }

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads for the per-page stages (default: all cores). Output is the same whatever the number.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>Runs the pipeline with progress, and prints every failed input as one line on stderr.</summary>
    public static IngestResult Run(string[] paths, SqliteStore store, int threads, string? urlsFile = null)
    {
        var options = new PipelineOptions { Parallelism = Math.Max(1, threads) };
        var pipeline = new Pipeline(options);
        var fetchErrors = new List<IngestError>();
        string? spool = null;
        var urls = paths.Where(IsUrl).Select(p => new Uri(p)).ToList();
        paths = [.. paths.Where(p => !IsUrl(p))];
        try
        {
            if (urlsFile is not null)
            {
                var (listed, listErrors) = PoliteFetcher.ReadUrlList(urlsFile);
                fetchErrors.AddRange(listErrors);
                urls = [.. urls.Concat(listed).DistinctBy(u => u.AbsoluteUri)];
            }

            if (urls.Count > 0)
            {
                // Fetched once into a temporary WARC, which the two passes of the pipeline then read like any archive.
                spool = Path.Combine(Path.GetTempPath(), $"storyline-fetch-{Guid.NewGuid():N}.warc");
                using var fetcher = new PoliteFetcher();
                fetchErrors.AddRange(Terminal.WithProgress("fetching", progress => fetcher.FetchToWarc(urls, spool, progress)));
            }

            var source = new PageSource(options.Ingest);
            var warc = new WarcReader(options.Ingest);
            var result = Terminal.WithProgress("ingesting", progress => pipeline.Ingest(
                skipped => spool is null ? source.Read(paths, skipped) : source.Read(paths, skipped).Concat(warc.ReadFile(spool, uriAsOrigin: true)),
                store,
                progress));
            result.Errors.InsertRange(0, fetchErrors);
            return Report(result);
        }
        finally
        {
            if (spool is not null)
            {
                File.Delete(spool);
            }
        }
    }

    /// <summary>An http(s) URL given where a path may be: fetched, not looked up on disk.</summary>
    private static bool IsUrl(string path) =>
        (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(path, UriKind.Absolute, out _);

    private static IngestResult Report(IngestResult result)
    {
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
