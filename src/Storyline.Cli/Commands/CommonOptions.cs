using System.CommandLine;
using Storyline.Eval.Extraction;
using Storyline.Store;

namespace Storyline.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Db(string defaultPath = "storyline.db") => new("--db")
    {
        Description = $"The store: a SQLite file (default {defaultPath} in the working folder), or :memory: for a one-shot run.",
        DefaultValueFactory = _ => defaultPath,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON." };

    /// <summary>Opens the store, or says in one line why it cannot be opened.</summary>
    public static SqliteStore? OpenStore(string path, bool mustExist)
    {
        if (mustExist && path != ":memory:" && !File.Exists(path))
        {
            Terminal.Error($"{path}: no store here (run `storyline ingest <paths> --db {path}` first)");
            return null;
        }

        try
        {
            return SqliteStore.Open(path);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Terminal.Error($"{path}: cannot open the store: {e.Message}");
            return null;
        }
    }

    /// <summary>The pages of an extraction set's part, or null after saying in one line why the set cannot be read.</summary>
    public static List<EvalPage>? LoadExtractionSet(string folder, SetPart part)
    {
        try
        {
            return ExtractionEvaluator.Load(folder, part, line => Console.Error.WriteLine(line));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
