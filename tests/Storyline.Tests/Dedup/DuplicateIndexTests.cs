using Storyline.Dedup;
using Storyline.Model;
using Storyline.Tests.Stories;

namespace Storyline.Tests.Dedup;

public class DuplicateIndexTests
{
    [Fact]
    public void The_same_text_with_other_quotes_dashes_spacing_and_case_is_an_exact_duplicate()
    {
        var index = new DuplicateIndex();
        var a = Invented.Article("a", ["\"We will rebuild it,\" the mayor said - twice.", .. Invented.Paragraphs(0, 0, 3)]);
        var b = Invented.Article("b", ["\u201CWE WILL  REBUILD IT,\u201D the mayor said \u2014 twice.", .. Invented.Paragraphs(0, 0, 3)]);
        Assert.Empty(index.Add(a));
        var link = Assert.Single(index.Add(b));
        Assert.Equal(LinkKind.ExactDuplicate, link.Kind);
        Assert.Equal(4, link.SharedParagraphs.Length);
    }

    [Fact]
    public void A_republished_copy_with_new_chrome_shares_wire_copy_and_the_shorter_is_the_origin()
    {
        var index = new DuplicateIndex();
        var origin = Invented.Article("wire", Invented.Paragraphs(1, 0, 6));
        var republished = Invented.Article("outlet", [
            "Evening Courier", "Home | News | Sport",
            .. Invented.Paragraphs(1, 0, 5).Select(p => p.ToUpperInvariant()),
            .. Invented.Paragraphs(2, 100, 5),
        ]);
        index.Add(origin);
        var link = Assert.Single(index.Add(republished));
        Assert.Equal(LinkKind.SharesWireCopy, link.Kind);
        Assert.Equal(origin.Id, link.A);
        Assert.Equal(republished.Id, link.B);
        Assert.Equal([0, 1, 2, 3, 4], link.SharedParagraphs.Select(p => p.A));
        Assert.All(link.SharedParagraphs, p => Assert.Equal(
            origin.ParagraphText(origin.Paragraphs[p.A]).ToUpperInvariant(),
            republished.ParagraphText(republished.Paragraphs[p.B])));
    }

    [Fact]
    public void A_paragraph_with_a_credit_glued_to_its_end_still_pairs_with_its_copy()
    {
        var index = new DuplicateIndex();
        var first = Invented.Article("a", [Invented.Paragraph(3, 0) + " Jane Doe / Agency", .. Invented.Paragraphs(3, 1, 3)]);
        var second = Invented.Article("b", [Invented.Paragraph(3, 0), .. Invented.Paragraphs(3, 1, 3), .. Invented.Paragraphs(0, 50, 4)]);
        index.Add(first);
        var link = Assert.Single(index.Add(second));
        Assert.Contains(new ParagraphPair(0, 0), link.SharedParagraphs);
        Assert.Equal(4, link.SharedParagraphs.Length);
    }

    [Fact]
    public void One_changed_word_in_a_long_text_is_a_near_duplicate()
    {
        var index = new DuplicateIndex();
        var text = string.Join(' ', Invented.Paragraphs(2, 0, 12));
        var edited = text.Replace("number5", "numberfive", StringComparison.Ordinal);
        index.Add(Invented.Article("a", [text]));
        var link = Assert.Single(index.Add(Invented.Article("b", [edited])));
        Assert.Equal(LinkKind.NearDuplicate, link.Kind);
        Assert.InRange(link.Similarity, 0.8, 1.0);
    }

    [Fact]
    public void Articles_about_different_stories_are_not_linked()
    {
        var index = new DuplicateIndex();
        for (var s = 0; s < 4; s++)
        {
            Assert.Empty(index.Add(Invented.Article("s" + s, Invented.Paragraphs(s, 0, 6))));
        }

        Assert.Empty(index.Links);
    }

    [Fact]
    public void Two_quoted_paragraphs_inside_otherwise_different_reports_are_not_wire_copy()
    {
        var index = new DuplicateIndex();
        var statement = Invented.Paragraphs(3, 500, 2).ToList();
        index.Add(Invented.Article("a", [.. Invented.Paragraphs(0, 0, 10), .. statement]));
        Assert.Empty(index.Add(Invented.Article("b", [.. Invented.Paragraphs(1, 0, 10), .. statement])));
    }

    [Fact]
    public void The_earlier_dated_article_is_the_origin_even_when_it_is_longer()
    {
        var index = new DuplicateIndex();
        var longer = Invented.Article("long", Invented.Paragraphs(1, 0, 8)) with { Date = Date(2020, 2, 11) };
        var shorter = Invented.Article("short", Invented.Paragraphs(1, 0, 6)) with { Date = Date(2020, 2, 12) };
        index.Add(shorter);
        var link = Assert.Single(index.Add(longer));
        Assert.Equal(longer.Id, link.A);
    }

    [Fact]
    public void A_crawl_stamp_does_not_order_articles_in_time()
    {
        var stamped = Invented.Article("a", Invented.Paragraphs(1, 0, 3)) with
        {
            Date = new PageDate(new DateTimeOffset(2021, 6, 17, 10, 4, 0, TimeSpan.Zero), true, "10:04 GMT17 June 2021", "text:crawl-stamp"),
        };
        Assert.Null(ArticleDates.Usable(stamped));
    }

    [Fact]
    public void Adding_the_same_article_again_gives_no_new_link()
    {
        var index = new DuplicateIndex();
        var a = Invented.Article("a", Invented.Paragraphs(0, 0, 4));
        index.Add(a);
        Assert.Empty(index.Add(a));
        Assert.Equal(1, index.Count);
    }

    [Theory]
    [InlineData(128, 0.8)]
    [InlineData(128, 0.5)]
    [InlineData(64, 0.9)]
    public void Banding_puts_the_steepest_part_of_the_candidate_curve_near_the_target(int permutations, double target)
    {
        var (bands, rows) = MinHash.ChooseBanding(permutations, target);
        Assert.True(bands * rows <= permutations);
        var knee = Math.Pow(1.0 / bands, 1.0 / rows);
        Assert.InRange(knee, target - 0.2, target + 0.05);
    }

    private static PageDate Date(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), false, $"{y}-{m}-{d}", "meta:article:published_time");

    [Fact]
    public void A_compacted_signature_estimates_the_same_similarity_as_the_full_one()
    {
        // Two sets of 400 shingles sharing 300: Jaccard 300 / 500 = 0.6.
        var minHash = new MinHash(256, 0.8);
        var a = Enumerable.Range(0, 400).Select(i => (ulong)i * 7919).ToList();
        var b = Enumerable.Range(100, 400).Select(i => (ulong)i * 7919).ToList();
        var (sa, sb) = (minHash.Signature(a), minHash.Signature(b));
        var full = MinHash.Similarity(sa, sb);
        var compact = MinHash.Similarity(sa, MinHash.Compact(sb));
        Assert.InRange(full, 0.5, 0.7);
        Assert.InRange(Math.Abs(full - compact), 0, 0.01);
        Assert.Equal(1.0, MinHash.Similarity(sa, MinHash.Compact(sa)), 10);
        var unrelated = minHash.Signature(Enumerable.Range(5000, 400).Select(i => (ulong)i * 7919).ToList());
        Assert.InRange(MinHash.Similarity(sa, MinHash.Compact(unrelated)), 0, 0.02);
    }

    [Fact]
    public void A_copy_of_a_story_many_outlets_carried_links_to_the_first_copy_and_a_bounded_number_of_others()
    {
        var index = new DuplicateIndex(new DedupOptions { MaxLinksPerArticle = 5 });
        var copies = Enumerable.Range(0, 12).Select(i => Invented.Article($"copy{i}", Invented.Paragraphs(0, 0, 5)) with { Id = $"copy{i:D2}" }).ToList();
        foreach (var copy in copies.Take(11))
        {
            index.Add(copy);
        }

        var links = index.Add(copies[11]);
        Assert.Equal(5, links.Count);
        Assert.Contains(links, l => l.A == copies[0].Id || l.B == copies[0].Id);
        Assert.All(links, l => Assert.Equal(LinkKind.ExactDuplicate, l.Kind));
    }
}
