using Storyline.Extract;
using Storyline.Extract.Text;
using Storyline.Model;

namespace Storyline.Tests.Extract.Text;

/// <summary>
/// The "Cleaning" section of ../shared/seeds/EXPECTED.md, checked line by line. Lines are named by their line
/// number in the seed file (1-based), so no seed text is copied here. Each check runs with the page cleaned
/// alone and with the five seeds cleaned as one corpus (repetition learned across them): both must hold.
/// </summary>
public class SeedCleaningTests
{
    public static TheoryData<bool> Modes => new() { false, true };

    private static Dictionary<string, (string[] Lines, Article Article)> Clean(bool asCorpus)
    {
        var cleaner = new TextPageCleaner();
        var pages = new[] { "000", "001", "002", "003", "004" }
            .Select(id => (Id: id, Path: SharedData.Seed(id)))
            .Select(p => (p.Id, Lines: File.ReadAllLines(p.Path), Page: DecodedPage.FromText(p.Path, File.ReadAllText(p.Path))))
            .ToList();
        var corpus = new LineStatistics();
        if (asCorpus)
        {
            foreach (var p in pages)
            {
                cleaner.Observe(p.Page, corpus);
            }
        }

        return pages.ToDictionary(
            p => p.Id,
            p =>
            {
                var stats = asCorpus ? corpus : new LineStatistics();
                if (!asCorpus)
                {
                    cleaner.Observe(p.Page, stats);
                }

                return (p.Lines, cleaner.Extract(p.Page, stats));
            });
    }

    private static string Line(string[] lines, int number) => lines[number - 1].Trim();

    private static void AssertRemoved(Article article, string line, string? reasonPart = null)
    {
        var block = article.Blocks.FirstOrDefault(b => b.Text == line && b.IsRemoved);
        Assert.True(block is not null, $"not removed: {line}");
        Assert.False(string.IsNullOrWhiteSpace(block.Reason), $"removed without a reason: {line}");
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, block.Reason, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(line, article.Text, StringComparison.Ordinal);
    }

    private static void AssertKept(Article article, string line)
    {
        var kept = article.Paragraphs.Select(article.ParagraphText).ToList();
        Assert.True(kept.Contains(line), $"not kept as a paragraph: {line}");
    }

    /// <summary>Every non-empty line that is neither removed nor metadata is a kept paragraph.</summary>
    private static void AssertEveryOtherLineKept(string[] lines, Article article, IEnumerable<int> notBody)
    {
        var skip = notBody.ToHashSet();
        for (var n = 1; n <= lines.Length; n++)
        {
            if (!skip.Contains(n) && Line(lines, n).Length > 0)
            {
                AssertKept(article, Line(lines, n));
            }
        }
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Sputnik_page_loses_its_chrome_read_more_links_caption_credit_and_tag_line(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["000"];
        AssertRemoved(article, Line(lines, 2), "navigation");
        AssertRemoved(article, Line(lines, 3), "navigation");
        foreach (var n in new[] { 11, 17, 27 })
        {
            Assert.StartsWith("READ MORE:", Line(lines, n), StringComparison.Ordinal);
            AssertRemoved(article, Line(lines, n), "READ MORE");
        }

        Assert.Equal(Line(lines, 21), Line(lines, 23));
        Assert.Equal(2, article.Blocks.Count(b => b.Text == Line(lines, 21) && b.IsRemoved && b.Reason!.Contains("caption", StringComparison.Ordinal)));
        Assert.Contains(article.Blocks, b => b.Reason == "photo caption repeated");
        AssertRemoved(article, Line(lines, 22), "photo credit");
        AssertRemoved(article, Line(lines, 29), "tag line");
        AssertRemoved(article, Line(lines, 30));
        AssertEveryOtherLineKept(lines, article, [1, 2, 3, 11, 17, 21, 22, 23, 27, 29, 30]);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Sputnik_page_date_is_the_crawl_stamp_line_with_its_time(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["000"];
        var stamp = article.Blocks.Single(b => b.Text == Line(lines, 1));
        Assert.Equal(BlockRole.PageDate, stamp.Role);
        Assert.NotNull(article.Date);
        Assert.Equal("2021-06-17", article.Date.Day);
        Assert.True(article.Date.HasTime);
        Assert.Equal(new TimeSpan(10, 4, 0), article.Date.Value.UtcDateTime.TimeOfDay);
        Assert.Equal(Line(lines, 1), article.Date.Text);
        Assert.Equal("text:date-line", article.Date.Source);
        Assert.Contains(article.Date, article.DateCandidates);
        Assert.Equal("Sputnik", article.Outlet?.Value);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Footnote_is_removed_and_every_paragraph_of_001_kept(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["001"];
        AssertRemoved(article, Line(lines, 7), "footnote");
        AssertEveryOtherLineKept(lines, article, [7]);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Photo_credit_bullet_is_removed_and_every_paragraph_of_002_kept(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["002"];
        AssertRemoved(article, Line(lines, 13), "photo credit");
        AssertEveryOtherLineKept(lines, article, [13]);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Moscow_Times_newsletter_and_donation_block_is_removed_whole(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["003"];
        Assert.StartsWith("Sign up for our free weekly newsletter", Line(lines, 25), StringComparison.Ordinal);
        Assert.Equal("Read more", Line(lines, 52));
        for (var n = 25; n <= 52; n++)
        {
            if (Line(lines, n).Length > 0)
            {
                AssertRemoved(article, Line(lines, n));
            }
        }

        Assert.Contains(article.Blocks, b => b.Reason == "newsletter box");
        Assert.Contains(article.Blocks, b => b.Reason == "donation appeal");
        AssertRemoved(article, Line(lines, 1), "donation appeal");
        Assert.Equal("The Moscow Times", article.Outlet?.Value);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Moscow_Times_title_standfirst_and_body_are_kept_and_the_glued_photo_credit_split_off(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["003"];
        Assert.Equal(Line(lines, 3), article.Title?.Value);
        Assert.Equal(BlockRole.Title, article.Blocks.Single(b => b.Text == Line(lines, 3)).Role);

        const string credit = "Anas Alkharboutli / dpa / TASS";
        Assert.EndsWith(credit, Line(lines, 5), StringComparison.Ordinal);
        var sentence = Line(lines, 5)[..^credit.Length].TrimEnd();
        AssertRemoved(article, credit, "photo credit");
        AssertKept(article, sentence);
        Assert.Equal(sentence, article.Standfirst?.Value);
        Assert.Equal(BlockRole.Standfirst, article.Blocks.Single(b => b.Text == sentence).Role);
        AssertEveryOtherLineKept(lines, article, [1, 3, 5, .. Enumerable.Range(25, 28)]);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Reuters_republication_keeps_one_standfirst_and_loses_the_copy_and_stray_block_words(bool asCorpus)
    {
        var (lines, article) = Clean(asCorpus)["004"];
        Assert.Equal(Line(lines, 1), article.Title?.Value);
        Assert.Equal(Line(lines, 3), Line(lines, 4));
        var copies = article.Blocks.Where(b => b.Text == Line(lines, 3)).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Equal(BlockRole.Standfirst, copies[0].Role);
        Assert.True(copies[1].IsRemoved);
        Assert.Equal("repeated standfirst", copies[1].Reason);
        Assert.Equal(1, article.Paragraphs.Count(p => article.ParagraphText(p) == Line(lines, 3)));

        var stray = article.Blocks.Where(b => b.Text == "block").ToList();
        Assert.Equal(2, stray.Count);
        Assert.All(stray, b => Assert.Equal("stray markup word", b.Reason));

        Assert.Equal(BlockRole.Dateline, article.Blocks.Single(b => b.Text == Line(lines, 7)).Role);
        Assert.Equal(Line(lines, 7), article.Dateline?.Value);
        AssertEveryOtherLineKept(lines, article, [1, 3, 4, 5, 7, 30]);
    }

    [SharedTheory]
    [MemberData(nameof(Modes))]
    public void Nothing_is_silently_dropped(bool asCorpus)
    {
        foreach (var (lines, article) in Clean(asCorpus).Values)
        {
            var blockText = string.Join(" ", article.Blocks.Select(b => b.Text));
            foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                Assert.Contains(line, blockText, StringComparison.Ordinal);
            }

            Assert.All(article.Blocks.Where(b => b.IsRemoved), b => Assert.False(string.IsNullOrWhiteSpace(b.Reason)));
        }
    }
}
