using FsCheck;
using FsCheck.Fluent;
using Storyline.Extract;
using Storyline.Extract.Text;

namespace Storyline.Tests.Extract.Text;

/// <summary>
/// The first pass over a corpus counts line keys without building the lines (<see cref="PageLines.Keys"/>); the
/// second pass cuts the lines (<see cref="PageLines.Split"/>) and looks the same keys up. If the two cut a page
/// differently, repetition learned in the first pass is never found in the second.
/// </summary>
public class PageLinesTests
{
    private static List<ulong> SplitKeys(string content) => [.. PageLines.Split(content).Select(l => LineStatistics.Key(l.Text))];

    private static List<ulong> Keys(string content)
    {
        var keys = new List<ulong>();
        PageLines.Keys(content, keys);
        return keys;
    }

    [Fact]
    public void Keys_follow_the_cut_of_hard_wrapped_paragraphs_and_glued_credits()
    {
        var page = string.Join('\n',
            "Home | World | Sport",
            "",
            "The harbour authority said on Tuesday that the talks with the dockers",
            "would resume next week, after a pause of almost a month and a half,",
            "and that it hoped for a deal before the end of the year.",
            "",
            "Ships wait off the coast of Harbourton on Monday morning. Jana Novak / Harbour Press",
            "   © 2025 The Northern Ledger   ",
            "",
            "Подписывайтесь на наш канал",
            "!!!",
            "Related stories");

        var split = PageLines.Split(page);
        Assert.Contains(split, l => l.Text.Contains("talks with the dockers would resume", StringComparison.Ordinal));
        Assert.Contains(split, l => l.GluedCredit && l.Text == "Jana Novak / Harbour Press");
        Assert.Equal(SplitKeys(page), Keys(page));
    }

    [Fact]
    public void Keys_of_random_pages_match_the_keys_of_their_lines()
    {
        string[] lines =
        [
            "A long line of running text that stops in the middle of its sentence, as wrapped",
            "text does when a mail client wraps it at a fixed width for the reader and goes on",
            "continues here in lower case.", "Menu", "", "", "  ", "Reuters", "Photo: A. Smith / AP",
            "The minister spoke to reporters in the capital today. Anna Berg / dpa / TASS",
            "– Next story", "1. First item", "Émile Zola écrit", "“Quoted,” she said.", "…", "—", "x",
        ];
        var gen = Gen.Elements(lines).ListOf().Select(ls => string.Join('\n', ls));
        Prop.ForAll(gen.ToArbitrary(), page => Assert.Equal(SplitKeys(page), Keys(page)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20261123UL, 1442695040888963407UL));
    }

    [SharedFact]
    public void Keys_of_the_seed_pages_match_the_keys_of_their_lines()
    {
        foreach (var id in new[] { "000", "001", "002", "003", "004" })
        {
            var content = File.ReadAllText(SharedData.Seed(id));
            Assert.Equal(SplitKeys(content), Keys(content));
        }
    }

    [Fact]
    public void A_page_counts_each_distinct_line_once()
    {
        var stats = new LineStatistics();
        ulong[] keys = [LineStatistics.Key("Share this"), 0, LineStatistics.Key("SHARE  this!"), LineStatistics.Key("Menu")];
        stats.AddPageKeys("example.org", keys);
        stats.AddPage("example.org", ["Share this", "Menu", "Menu", "---"]);

        Assert.Equal(2, stats.PagesWithLine("example.org", "share this"));
        Assert.Equal(2, stats.PagesWithLine("example.org", "Menu"));
        Assert.Equal(0, stats.PagesWithLineAnywhere("---"));
        Assert.Equal(2, stats.PagesOfSite("example.org"));
    }
}
