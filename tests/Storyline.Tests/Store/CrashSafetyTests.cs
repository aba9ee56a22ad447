using System.Diagnostics;
using Storyline.Store;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Store;

/// <summary>An ingest killed with SIGKILL part-way leaves a sound store, and the re-run stores every page exactly once.</summary>
public class CrashSafetyTests
{
    private const int PageCount = 1500;

    [Fact]
    public async Task Killed_ingests_resume_and_store_every_page_exactly_once()
    {
        using var dir = new TempFolder();
        for (var i = 0; i < PageCount; i++)
        {
            dir.Write($"pages/{i / 100:D2}/p{i:D4}.txt", $"Report number {i} from the harbour\nDockworkers met on day {i % 31 + 1} to discuss pay, said organiser {i * 7919 % 1000}.\nA second paragraph that is long enough to be body text for page {i}.\n");
        }

        var db = dir.File("store.db");
        var dll = Path.Combine(AppContext.BaseDirectory, "Storyline.Cli.dll");
        var interrupted = 0;
        foreach (var killAt in new[] { 1, 256, 512 })
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { dll, "ingest", dir.File("pages"), "--db", db, "--threads", "1" })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var drainOut = p.StandardOutput.ReadToEndAsync();

            // Kill right after the run reports a committed batch of its own, while it works on the next one.
            string? line;
            while ((line = await p.StandardError.ReadLineAsync()) is not null)
            {
                var m = System.Text.RegularExpressions.Regex.Match(line, @"^progress: stored (\d+) ");
                if (m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= killAt && !p.HasExited)
                {
                    p.Kill(entireProcessTree: true); // SIGKILL on Unix: no chance to clean up
                    interrupted++;
                    break;
                }
            }

            var drainErr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            await Task.WhenAll(drainOut, drainErr);
            using var store = SqliteStore.Open(db);
            Assert.Equal("ok", store.IntegrityCheck());
            Assert.InRange(store.ArticleCount, 0, PageCount);
        }

        Assert.True(interrupted > 0, "no run was killed before it finished");

        var final = CliTests.Run("ingest", dir.File("pages"), "--db", db);
        Assert.True(final.Exit == 0, final.Err);
        using (var store = SqliteStore.Open(db))
        {
            Assert.Equal(PageCount, store.ArticleCount);
            Assert.Equal("ok", store.IntegrityCheck());
            Assert.Equal(PageCount, store.Articles().Select(a => a.Id).Distinct().Count());
            // Every article is in exactly one story, or kept out of stories with a reason.
            var members = store.Stories().SelectMany(s => s.ArticleIds).Concat(store.Excluded().Select(e => e.Id)).ToList();
            Assert.Equal(PageCount, members.Count);
            Assert.Equal(PageCount, members.Distinct().Count());
        }

        Assert.Matches(@"\d+ already stored", final.Err);
    }
}
