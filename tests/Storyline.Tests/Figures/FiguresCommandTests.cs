using System.Text.Json;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Figures;

/// <summary>`storyline figures` as a user runs it on the seeds.</summary>
public class FiguresCommandTests
{
    [SharedFact]
    public void Figures_of_the_seeds_show_the_displaced_disagreement_with_both_sources()
    {
        using var dir = new TempFolder();
        var db = dir.File("store.db");
        var (ingestExit, _, ingestErr) = CliTests.Run("ingest", SharedData.Seeds, "--db", db);
        Assert.True(ingestExit == 0, ingestErr);

        var (exit, stdout, stderr) = CliTests.Run("figures", "--db", db, "--json");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var disagreements = doc.RootElement.EnumerateArray().SelectMany(s => s.GetProperty("disagreements").EnumerateArray()).ToList();
        var d = Assert.Single(disagreements);
        Assert.Equal("people displaced", d.GetProperty("quantity").GetString());
        var values = d.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("sources")[0].GetString())).ToList();
        Assert.Contains(("close to 1 million", "Recep Tayyip Erdogan"), values);
        Assert.Contains(("520,000", "United Nations"), values);

        var (textExit, text, _) = CliTests.Run("figures", "--db", db);
        Assert.Equal(0, textExit);
        Assert.Contains("Turkish soldiers killed: 13", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_story_is_one_clear_error()
    {
        using var dir = new TempFolder();
        var db = dir.File("store.db");
        dir.Write("a.txt", "Harbour strike\nDockworkers stayed off the job on Wednesday, the union said.\n");
        Assert.Equal(0, CliTests.Run("ingest", dir.File("a.txt"), "--db", db).Exit);

        var (exit, _, stderr) = CliTests.Run("figures", "--db", db, "--story", "s-nope");
        Assert.NotEqual(0, exit);
        Assert.Contains("s-nope: no story with this id", stderr, StringComparison.Ordinal);
    }
}
