using Storyline.Extract;
using Storyline.Model;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Tests.Stories;

/// <summary>EXPECTED.md, "Duplicates and syndication" and "Stories", checked on the seeds.</summary>
public class SeedStoriesTests
{
    private static (List<Article> Articles, StoryBuilder Builder) Run()
    {
        var pages = new[] { "000", "001", "002", "003", "004" }
            .Select(p => DecodedPage.FromText(SharedData.Seed(p), File.ReadAllText(SharedData.Seed(p))))
            .ToList();
        var statistics = new LineStatistics();
        foreach (var page in pages)
        {
            PageExtractors.Default.Observe(page, statistics);
        }

        var articles = pages.Select(p => PageExtractors.Default.Extract(p, statistics)).ToList();
        var builder = new StoryBuilder();
        foreach (var a in articles)
        {
            builder.Add(a);
        }

        return (articles, builder);
    }

    [SharedFact]
    public void Seeds_003_and_004_are_the_only_linked_pair_and_share_wire_copy_with_003_as_origin()
    {
        var (articles, builder) = Run();
        var link = Assert.Single(builder.Links);
        Assert.Equal(LinkKind.SharesWireCopy, link.Kind);
        Assert.Equal(articles[3].Id, link.A);
        Assert.Equal(articles[4].Id, link.B);
    }

    [SharedFact]
    public void The_wire_link_lists_the_ten_shared_paragraphs_of_003_each_with_its_copy_in_004()
    {
        var (articles, builder) = Run();
        var link = Assert.Single(builder.Links);

        // 003's nine body paragraphs and its standfirst (EXPECTED.md), each paired with the paragraph of 004
        // that carries the same words, typography folded (a credit glued to 003's standfirst aside).
        Assert.Equal(10, link.SharedParagraphs.Length);
        foreach (var pair in link.SharedParagraphs)
        {
            var a = Key(articles[3].ParagraphText(articles[3].Paragraphs[pair.A]));
            var b = Key(articles[4].ParagraphText(articles[4].Paragraphs[pair.B]));
            Assert.True(a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal), $"{pair}: {a} / {b}");
        }

        Assert.Equal(10, link.SharedParagraphs.Select(p => p.A).Distinct().Count());
        Assert.Equal(10, link.SharedParagraphs.Select(p => p.B).Distinct().Count());
    }

    [SharedFact]
    public void Seeds_001_to_004_are_one_story()
    {
        var (articles, builder) = Run();
        var story = builder.Assignment(articles[1].Id)!.StoryId;
        Assert.NotNull(story);
        Assert.All(articles.Skip(1), a => Assert.Equal(story, builder.Assignment(a.Id)!.StoryId));
    }

    [CleanerFact]
    public void Every_paragraph_003_keeps_as_standfirst_or_body_is_shared_with_004()
    {
        var (articles, builder) = Run();
        var link = Assert.Single(builder.Links);
        var kept = articles[3].Paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Role is BlockRole.Standfirst or BlockRole.Body).Select(x => x.i);
        Assert.Equal(kept, link.SharedParagraphs.Select(p => p.A).Order());
    }

    private static string Key(string text) => TextNormalizer.LineKey(text);
}

/// <summary>
/// A seed fact that needs the real text cleaner (issue 3): skipped, with the reason shown, while this branch
/// has the stand-in that keeps every line (it marks nothing removed on seed 003, whose newsletter box must go).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CleanerFactAttribute : FactAttribute
{
    public CleanerFactAttribute()
    {
        if (SharedData.Root is null)
        {
            if (!SharedData.Required)
            {
                Skip = "../shared is absent (seeds live there)";
            }

            return;
        }

        var page = DecodedPage.FromText("003", File.ReadAllText(SharedData.Seed("003")));
        var statistics = new LineStatistics();
        PageExtractors.Default.Observe(page, statistics);
        if (!PageExtractors.Default.Extract(page, statistics).Removed.Any())
        {
            Skip = "the text cleaner here is the stand-in (keeps every line of seed 003); this check needs the real cleaner";
        }
    }
}
