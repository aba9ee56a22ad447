using System.Diagnostics;
using System.Text.Json;

namespace Storyline.Tests.Cli;

/// <summary>Runs the real `storyline` command in a child process, as a user would.</summary>
public class CliTests
{
    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Storyline.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [SharedFact]
    public void Analyze_seeds_as_json_gives_five_articles_and_no_errors()
    {
        var (exit, stdout, stderr) = Run("analyze", SharedData.Seeds, "--json");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(5, root.GetProperty("articles").GetArrayLength());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var article = root.GetProperty("articles")[0];
        foreach (var key in new[] { "id", "path", "title", "outlet", "date", "date_source", "paragraphs", "removed" })
        {
            Assert.True(article.TryGetProperty(key, out _), "missing key " + key);
        }

        var storyMembers = root.GetProperty("stories").EnumerateArray().Sum(s => s.GetProperty("articles").GetArrayLength());
        Assert.Equal(5, storyMembers);
    }

    [Fact]
    public void Bad_inputs_give_one_line_each_and_exit_code_2_while_the_rest_is_reported()
    {
        using var dir = new TempFolder();
        dir.Write("good.txt", "Harbour strike enters third day\nDockworkers in Harbourton stayed off the job on Wednesday, the union said.\n");
        var empty = dir.Write("empty.txt", "");
        var png = dir.Write("image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 });
        var (exit, stdout, stderr) = Run("analyze", dir.Path, dir.File("missing.txt"), "--json");
        Assert.Equal(2, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains(empty, StringComparison.Ordinal) && l.Contains("empty file", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(png, StringComparison.Ordinal) && l.Contains("binary content", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing.txt", StringComparison.Ordinal) && l.Contains("no such file", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Equal(3, doc.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Ingest_then_list_show_and_search_through_one_store()
    {
        using var dir = new TempFolder();
        dir.Write("pages/a.txt", "Flood waters recede in Lowmere\nResidents of Lowmere began returning home on Sunday as the river fell below its banks.\n");
        dir.Write("pages/b.txt", "Central bank holds rates\nThe Bank of Veltria kept its main rate at 4.25 percent on Thursday.\n");
        var db = dir.File("store.db");
        var ingest = Run("ingest", dir.File("pages"), "--db", db);
        Assert.True(ingest.Exit == 0, ingest.Err);
        Assert.Contains("2 new articles", ingest.Err, StringComparison.Ordinal);

        var again = Run("ingest", dir.File("pages"), "--db", db);
        Assert.Contains("0 new articles, 2 already stored", again.Err, StringComparison.Ordinal);

        var list = Run("articles", "--db", db, "--json");
        using var rows = JsonDocument.Parse(list.Out);
        Assert.Equal(2, rows.RootElement.GetArrayLength());
        var id = rows.RootElement[0].GetProperty("id").GetString()!;

        var show = Run("article", id, "--db", db, "--show-removed");
        Assert.Equal(0, show.Exit);
        Assert.Contains("Lowmere", show.Out, StringComparison.Ordinal);

        var search = Run("search", "Veltria", "--db", db, "--json");
        using var hits = JsonDocument.Parse(search.Out);
        Assert.Equal(1, hits.RootElement.GetArrayLength());

        var unknown = Run("article", "ffffffffffffffff", "--db", db);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no article with this id", unknown.Err, StringComparison.Ordinal);
    }
}
