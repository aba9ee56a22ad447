using Storyline.Extract;
using Storyline.Extract.Text;
using Storyline.Model;

namespace Storyline.Tests.Extract.Text;

/// <summary>The plain-text cleaner on short invented pages.</summary>
public class TextPageCleanerTests
{
    private const string P1 = "The city council voted on Tuesday to close the old bridge for repairs after engineers found cracks in two of its supports.";
    private const string P2 = "Residents who cross the river every day will have to use the ferry, which the council said would run every twenty minutes.";
    private const string P3 = "The repairs are expected to take six months and to cost about four million dollars, according to a report seen by the paper.";

    private static Article CleanAlone(string text, string? url = null, PageHints? hints = null)
    {
        var page = DecodedPage.FromText("test.txt", text, PageFormat.Text, url, hints);
        var cleaner = new TextPageCleaner();
        var stats = new LineStatistics();
        cleaner.Observe(page, stats);
        return cleaner.Extract(page, stats);
    }

    [Fact]
    public void Menu_lines_are_removed_as_navigation_and_prose_kept()
    {
        var article = CleanAlone(string.Join('\n', "Skip to content", "* Home", "* World", "* Sport", "* Weather", "* Contact us", "", P1, "", P2, "", P3, "", "Share", "Privacy Policy"));
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), article.Text);
        Assert.All(article.Blocks.Where(b => b.Text.StartsWith('*')), b => Assert.Equal("navigation", b.Reason));
        Assert.Equal("share buttons", article.Blocks.Single(b => b.Text == "Share").Reason);
    }

    [Fact]
    public void A_run_of_signed_customer_reviews_is_removed_even_when_it_outweighs_the_article()
    {
        string[] reviews =
        [
            "The staff were friendly and the waiting room was always clean, so we never minded the short wait for our appointment.", "Mallory R.",
            "Every visit has been easy to book and the nurses explained everything to us in plain words before and after the checkup.", "Dawn H.",
            "We switched to this clinic last year and have not looked back once, because the doctors take their time with every question.", "A. Rae V. B.",
            "Our son used to be afraid of doctors, but the team here made him laugh and now he asks when he can come back to see them.", "Katie H.",
        ];
        List<string> lines = [P1, P2, "", "What our patients say", .. reviews, "", "A letter from the clinic, signed by its founder.", "Anna K."];
        var article = CleanAlone(string.Join('\n', lines));
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2), article.Text);
        Assert.Equal("customer reviews", article.Blocks.Single(b => b.Text == "Dawn H.").Reason);
        Assert.Equal("customer reviews", article.Blocks.Single(b => b.Text == reviews[2]).Reason);
    }

    [Fact]
    public void Byline_gives_the_name_only_and_date_lines_become_page_dates()
    {
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", "By Kimber Streams", "Updated January 16, 2026", "", P1, P2, P3));
        Assert.Equal("Bridge to close for six months", article.Title?.Value);
        Assert.Equal("Kimber Streams", article.Byline?.Value);
        Assert.Equal("2026-01-16", article.Date?.Day);
        Assert.Equal("text:updated-line", article.Date?.Source);
        Assert.Equal(BlockRole.PageDate, article.Blocks.Single(b => b.Text.StartsWith("Updated", StringComparison.Ordinal)).Role);
        Assert.Equal(BlockRole.Byline, article.Blocks.Single(b => b.Text.StartsWith("By ", StringComparison.Ordinal)).Role);
    }

    [Fact]
    public void Name_glued_to_the_date_label_is_cut_at_the_label()
    {
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", "By Korin MillerPublished: Jan 29, 2025", P1, P2, P3));
        Assert.Equal("Korin Miller", article.Byline?.Value);
        Assert.Equal("2025-01-29", article.Date?.Day);
    }

    [Fact]
    public void Container_hints_win_over_the_text()
    {
        var hints = new PageHints { Title = "Given title", Author = "Given Author", Date = "2024-03-05", Source = "Given Outlet" };
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", "By Kimber Streams", "Updated January 16, 2026", P1, P2, P3), hints: hints);
        Assert.Equal(new MetaValue("Given title", "container"), article.Title);
        Assert.Equal(new MetaValue("Given Author", "container"), article.Byline);
        Assert.Equal(new MetaValue("Given Outlet", "container"), article.Outlet);
        Assert.Equal("2024-03-05", article.Date?.Day);
        Assert.Equal("container", article.Date?.Source);
        Assert.Contains(article.DateCandidates, d => d.Day == "2026-01-16");
    }

    [Fact]
    public void Wire_dateline_at_the_start_of_the_first_paragraph_is_read()
    {
        var article = CleanAlone(string.Join('\n', "MOSCOW (Reuters) - " + P1, P2, P3));
        Assert.Equal("MOSCOW (Reuters) -", article.Dateline?.Value);
        Assert.StartsWith("MOSCOW (Reuters) -", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_repeated_on_many_pages_of_one_site_is_removed_with_the_count()
    {
        const string promo = "Our award-winning team brings you the stories that matter most, every single day of the year.";
        var cleaner = new TextPageCleaner();
        var stats = new LineStatistics();
        var bodies = new[] { P1, P2, P3, P1 + " More.", P2 + " More." };
        var pages = bodies.Select((b, i) => DecodedPage.FromText($"p{i}.txt", string.Join('\n', b, b + " Again.", promo), PageFormat.Text, $"https://www.example.com/{i}")).ToList();
        foreach (var p in pages)
        {
            cleaner.Observe(p, stats);
        }

        var article = cleaner.Extract(pages[0], stats);
        Assert.Equal("repeated on 5 pages of example.com", article.Blocks.Single(b => b.Text == promo).Reason);
        Assert.DoesNotContain(promo, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_copy_repeated_across_different_sites_is_kept()
    {
        var cleaner = new TextPageCleaner();
        var stats = new LineStatistics();
        var pages = Enumerable.Range(0, 6)
            .Select(i => DecodedPage.FromText($"p{i}.txt", string.Join('\n', P1, P2, P3), PageFormat.Text, $"https://outlet{i}.example/story"))
            .ToList();
        foreach (var p in pages)
        {
            cleaner.Observe(p, stats);
        }

        Assert.All(pages, p => Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), cleaner.Extract(p, stats).Text));
    }

    [Fact]
    public void Empty_and_whitespace_pages_give_an_empty_article_with_a_note()
    {
        var article = CleanAlone(" \n\n \t\n");
        Assert.Equal("", article.Text);
        Assert.Empty(article.Blocks);
        Assert.NotEmpty(article.Notes);
    }

    [Fact]
    public void Same_page_gives_the_same_article()
    {
        var text = string.Join('\n', "Menu", "Bridge to close", P1, P2, "Related stories", "Other bridge story");
        Assert.Equal(CleanAlone(text).Blocks.ToArray(), CleanAlone(text).Blocks.ToArray());
    }

    [Theory]
    [InlineData("10:04 GMT17 June 2021", "2021-06-17", true)]
    [InlineData("Updated January 16, 2026", "2026-01-16", false)]
    [InlineData("Published: Sept. 4, 2025", "2025-09-04", false)]
    [InlineData("Posted 2025-06-04 by the desk", "2025-06-04", false)]
    public void Date_lines_are_read(string line, string day, bool hasTime)
    {
        var found = DateLine.Find(line);
        Assert.NotNull(found);
        Assert.Equal(day, found.Value.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(hasTime, found.Value.HasTime);
    }

    [Theory]
    [InlineData("the June meeting was moved")]
    [InlineData("February 30, 2025")]
    [InlineData("Room 2025-13-40")]
    public void Non_dates_are_not_read(string line) => Assert.Null(DateLine.Find(line));

    [Theory]
    [InlineData("May 3, 2017 By Erin Spain 4 Comments", "Erin Spain")]
    [InlineData("Last Updated on April 8, 2024 by Amanda Brooks", "Amanda Brooks")]
    [InlineData("* by Marketing Team", "Marketing Team")]
    [InlineData("Written By: Tom May", "Tom May")]
    [InlineData("By Tim Enwall Tim Enwall", "Tim Enwall")]
    [InlineData("by Meaghan Weeden \u25CF December 23, 2025 \u25CF 6 min read", "Meaghan Weeden")]
    public void Byline_forms_give_the_name(string line, string name) => Assert.Equal(name, Bylines.Read(line));

    [Theory]
    [InlineData("The city said on Tuesday by the river")]
    [InlineData("Stand by me")]
    public void Lines_with_by_in_a_sentence_are_not_bylines(string line) => Assert.Null(Bylines.Read(line));

    [Fact]
    public void A_name_alone_under_the_title_beside_a_date_is_the_byline()
    {
        var article = CleanAlone(string.Join('\n', "Menu", "Bridge to close for six months", "Dan Pantelo", "February 6, 2026", P1, P2, P3));
        Assert.Equal("Bridge to close for six months", article.Title?.Value);
        Assert.Equal("Dan Pantelo", article.Byline?.Value);
        Assert.Equal("2026-02-06", article.Date?.Day);
    }

    [Fact]
    public void The_title_is_found_above_a_table_of_contents_by_the_byline_under_it()
    {
        var contents = Enumerable.Range(1, 12).Select(i => $"* {i}. Part number {i} of the guide");
        var article = CleanAlone(string.Join('\n', ["* Home", "* Blog", "Bridge to close for six months", "by Kimber Streams | Roads | 8 min Read", "Contents", .. contents, P1, P2, P3]));
        Assert.Equal("Bridge to close for six months", article.Title?.Value);
        Assert.Equal("Kimber Streams", article.Byline?.Value);
    }

    [Fact]
    public void Readers_comments_under_the_article_are_not_kept_however_long()
    {
        AssertCommentsRemoved("36 Comments", 8, i => $"January {i + 2}, 2026 at 10:0{i} am");
    }

    /// <summary>A seven-paragraph story, then the heading, then readers' comments each under its author and <paramref name="stamp"/>: only the story is kept.</summary>
    private static void AssertCommentsRemoved(string heading, int comments, Func<int, string> stamp)
    {
        var comment = "I have crossed that bridge every morning for twenty years and I think the council should have repaired it long before now, frankly.";
        string[] body = [P1, P2, P3, P1.Replace("Tuesday", "Monday", StringComparison.Ordinal), P2.Replace("ferry", "bus", StringComparison.Ordinal), P3.Replace("six", "seven", StringComparison.Ordinal), P1.Replace("old", "new", StringComparison.Ordinal)];
        List<string> lines = ["Bridge to close for six months", .. body, heading];
        for (var i = 0; i < comments; i++)
        {
            lines.AddRange([$"Reader {(char)('A' + i)}", stamp(i), comment + " " + i]);
        }

        var article = CleanAlone(string.Join('\n', lines));
        Assert.Equal(string.Join(Article.ParagraphSeparator, body), article.Text);
        Assert.Equal("comments section", article.Blocks.Single(b => b.Text == heading).Reason);
    }

    [Theory]
    [InlineData("References")]
    [InlineData("Article Sources:")]
    [InlineData("Works cited")]
    public void The_source_list_under_the_article_is_removed_with_its_heading(string heading)
    {
        string[] sources =
        [
            "Harbour Authority. (2025). Annual report on bridge safety and river crossings in the northern district. Retrieved from the authority's website.",
            "Okafor, M., et al. (2024). Corrosion in steel supports of river bridges built before 1960: a survey of forty structures. Journal of Civil Works, 12(3), 44-61.",
            "City Council. (2026, January 14). Minutes of the transport committee meeting on the closure of the old bridge and the ferry service.",
        ];
        var article = CleanAlone(string.Join('\n', ["Bridge to close for six months", P1, P2, P3, heading, .. sources]));
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), article.Text);
        Assert.Equal("reference list", article.Blocks.Single(b => b.Text == heading).Reason);
    }

    [Theory]
    [InlineData("Latest insights")]
    [InlineData("Popular articles")]
    [InlineData("Related resources:")]
    public void A_rail_of_other_pages_under_the_article_is_removed_with_its_heading(string heading)
    {
        string[] teasers =
        [
            "Ferry fares to rise in spring", "March 4, 2026", "The operator blames the cost of fuel and the new timetable for the river crossing…",
            "Three more bridges need repairs, engineers warn", "March 2, 2026", "Engineers say three more bridges in the district will need work within five years…",
        ];
        var article = CleanAlone(string.Join('\n', ["Bridge to close for six months", P1, P2, P3, heading, .. teasers]));
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), article.Text);
        Assert.Equal("related-articles list", article.Blocks.Single(b => b.Text == heading).Reason);
    }

    [Fact]
    public void A_long_story_paragraph_that_ends_by_thanking_readers_for_their_support_is_kept()
    {
        var story = string.Join(' ', P1, P2, P3, P1.Replace("Tuesday", "Monday", StringComparison.Ordinal),
            "The family has hired a lawyer, and a neighbour who started a fund for the repairs wrote: please get in touch with any questions, thank you for your support.");
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", "", story));
        Assert.Equal(story, article.Text);
    }

    [Fact]
    public void A_paragraph_that_opens_by_asking_for_support_is_removed_as_a_donation_appeal()
    {
        var appeal = "Your support keeps our reporters in the council chamber and on the bridge, and every contribution, however big or small, helps us stay independent for years to come.";
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", "", P1, "", P2, "", P3, "", appeal));
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), article.Text);
        Assert.Equal("donation appeal", article.Blocks.Single(b => b.Text == appeal).Reason);
    }

    [Fact]
    public void A_discussion_under_a_newsletter_post_is_not_kept()
    {
        AssertCommentsRemoved("Discussion about this post", 10, i => $"{i + 2}d");
    }

    [Fact]
    public void A_forum_thread_longer_than_the_story_is_not_kept_even_with_a_comment_count_below_it()
    {
        var comment = "I have crossed that bridge every morning for twenty years and I think the council should have repaired it long before now, " +
            "because anyone who walks across it can see the rust on the rails and the cracks in the pavement near the middle.";
        string[] body = [P1, P2, P3, P1.Replace("Tuesday", "Monday", StringComparison.Ordinal), P2.Replace("ferry", "bus", StringComparison.Ordinal), P3.Replace("six", "seven", StringComparison.Ordinal), P1.Replace("old", "new", StringComparison.Ordinal)];
        List<string> lines = ["Bridge to close for six months", .. body];
        for (var i = 0; i < 24; i++)
        {
            lines.AddRange([$"Re: Bridge (Score:{i % 5})", $"by reader{i} ( {1000 + i} ) writes:", comment + " " + i, "Reply to This"]);
        }

        lines.AddRange(["Ferry fares to rise in spring", "42 comments", "Ferry operators report record numbers"]);
        var article = CleanAlone(string.Join('\n', lines));
        Assert.StartsWith(string.Join(Article.ParagraphSeparator, body), article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("crossed that bridge", article.Text, StringComparison.Ordinal);
        Assert.Equal("comments section", article.Blocks.First(b => b.Text.StartsWith("by reader", StringComparison.Ordinal)).Reason);
    }

    [Fact]
    public void Image_text_printed_twice_on_a_line_is_removed()
    {
        var article = CleanAlone(string.Join('\n', "Bridge to close for six months", P1, "workers on the old bridge workers on the old bridge", P2, P3));
        Assert.Equal("image or link text printed twice", article.Blocks.Single(b => b.Text.StartsWith("workers", StringComparison.Ordinal)).Reason);
        Assert.Equal(string.Join(Article.ParagraphSeparator, P1, P2, P3), article.Text);
    }
}
