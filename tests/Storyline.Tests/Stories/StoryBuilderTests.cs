using Storyline.Model;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class StoryBuilderTests
{
    private static List<Article> TwoStoriesInterleaved() =>
    [
        Invented.Article("a1", Invented.Paragraphs(0, 0, 5)),
        Invented.Article("b1", Invented.Paragraphs(1, 0, 5)),
        Invented.Article("a2", Invented.Paragraphs(0, 10, 5)),
        Invented.Article("b2", Invented.Paragraphs(1, 10, 5)),
        Invented.Article("a3", Invented.Paragraphs(0, 20, 5)),
        Invented.Article("b3", Invented.Paragraphs(1, 20, 5)),
    ];

    [Fact]
    public void Articles_of_two_stories_arriving_interleaved_form_two_stories()
    {
        var builder = new StoryBuilder();
        var articles = TwoStoriesInterleaved();
        var assignments = articles.Select(builder.Add).ToList();
        Assert.Equal(2, builder.Stories().Count);
        Assert.All(new[] { 2, 4 }, i => Assert.Equal(assignments[0].StoryId, assignments[i].StoryId));
        Assert.All(new[] { 3, 5 }, i => Assert.Equal(assignments[1].StoryId, assignments[i].StoryId));
        Assert.NotEqual(assignments[0].StoryId, assignments[1].StoryId);
    }

    [Fact]
    public void A_story_id_comes_from_its_founding_article_and_the_founder_is_marked()
    {
        var builder = new StoryBuilder();
        var articles = TwoStoriesInterleaved();
        var first = builder.Add(articles[0]);
        Assert.True(first.StartedStory);
        Assert.Equal("s-" + articles[0].Id, first.StoryId);
        Assert.False(builder.Add(articles[2]).StartedStory);
        Assert.Equal([articles[0].Id, articles[2].Id], builder.Stories()[0].ArticleIds.ToArray());
    }

    [Fact]
    public void The_same_order_gives_the_same_stories_and_labels()
    {
        static string Run()
        {
            var builder = new StoryBuilder();
            foreach (var a in TwoStoriesInterleaved())
            {
                builder.Add(a);
            }

            return string.Join("|", builder.Stories().Select(s => s.Id + ":" + s.Label + ":" + string.Join(",", s.ArticleIds)));
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void The_label_is_the_title_of_the_most_central_member_that_has_one()
    {
        var builder = new StoryBuilder();
        var articles = TwoStoriesInterleaved();
        builder.Add(articles[0]);
        builder.Add(articles[2] with { Title = new MetaValue("Avonford bridge repairs approved", "test") });
        Assert.Equal("Avonford bridge repairs approved", builder.Stories()[0].Label);
    }

    [Fact]
    public void A_copy_joins_the_story_of_the_article_it_copies()
    {
        var builder = new StoryBuilder();
        var origin = Invented.Article("wire", Invented.Paragraphs(2, 0, 6));
        var copy = Invented.Article("copy", ["Daily Ledger", .. Invented.Paragraphs(2, 0, 4), .. Invented.Paragraphs(3, 40, 6)]);
        var first = builder.Add(origin);
        var second = builder.Add(copy);
        Assert.Equal(first.StoryId, second.StoryId);
        Assert.Equal(LinkKind.SharesWireCopy, Assert.Single(second.Links).Kind);
    }

    [Fact]
    public void Adding_an_article_again_changes_nothing()
    {
        var builder = new StoryBuilder();
        var a = TwoStoriesInterleaved()[0];
        var first = builder.Add(a);
        Assert.Same(first, builder.Add(a));
        Assert.Single(builder.Assignments);
    }

    [Fact]
    public void Without_a_history_the_same_stories_are_built_and_an_article_added_again_is_known_by_its_story()
    {
        var articles = TwoStoriesInterleaved();
        var notice = Invented.Article("notice", ["This page was captured by the Internet Archive crawl data service and shown in the Wayback Machine after an embargo period."]);
        articles.Add(notice);
        var full = new StoryBuilder();
        var lean = new StoryBuilder(keepHistory: false);
        var fullIds = articles.Select(a => full.Add(a).StoryId).ToList();
        var leanIds = articles.Select(a => lean.Add(a).StoryId).ToList();

        Assert.Equal(fullIds, leanIds);
        Assert.Equal(full.Stories().Select(s => (s.Id, s.Label, string.Join(",", s.ArticleIds))), lean.Stories().Select(s => (s.Id, s.Label, string.Join(",", s.ArticleIds))));
        Assert.Empty(lean.Assignments);
        Assert.Null(lean.Assignment(articles[0].Id));

        var again = lean.Add(articles[2]);
        Assert.Equal(fullIds[2], again.StoryId);
        Assert.Equal("archive notice", lean.Add(notice).ExcludedReason);
        Assert.Equal(full.Stories().Select(s => string.Join(",", s.ArticleIds)), lean.Stories().Select(s => string.Join(",", s.ArticleIds)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.000123)]
    [InlineData(0.3333333)]
    [InlineData(1.0)]
    public void A_member_vector_weight_is_held_to_within_a_hundred_thousandth(double weight)
    {
        var held = new TermWeight(42, weight);
        Assert.Equal(42, held.Term);
        Assert.InRange(held.Weight, weight - 1e-5, weight + 1e-5);
    }

    [Fact]
    public void A_page_that_is_not_an_article_is_kept_out_of_stories_with_its_reason()
    {
        var builder = new StoryBuilder();
        var notice = Invented.Article("notice", ["This page was captured by the Internet Archive crawl data service and shown in the Wayback Machine after an embargo period."]);
        var a = builder.Add(notice);
        Assert.Null(a.StoryId);
        Assert.Equal("archive notice", a.ExcludedReason);
        Assert.Empty(builder.Stories());
    }

    [Fact]
    public void Same_words_months_apart_do_not_join_one_story_unless_the_match_is_strong()
    {
        // Strong matches are exempt from the veto (see the next test); here none counts as strong.
        var builder = new StoryBuilder(new StoryOptions { StrongMatch = double.MaxValue });
        var early = Invented.Article("e", Invented.Paragraphs(0, 0, 5)) with { Date = Date(2019, 1, 10) };
        var late = Invented.Article("l", Invented.Paragraphs(0, 10, 5)) with { Date = Date(2019, 9, 10) };
        var soon = Invented.Article("s", Invented.Paragraphs(0, 20, 5)) with { Date = Date(2019, 1, 14) };
        var first = builder.Add(early);
        Assert.NotEqual(first.StoryId, builder.Add(late).StoryId);
        Assert.Equal(first.StoryId, builder.Add(soon).StoryId);
    }

    [Fact]
    public void A_strong_match_survives_a_date_gap_such_as_a_crawl_stamp_months_later()
    {
        var builder = new StoryBuilder();
        var first = builder.Add(Invented.Article("e", Invented.Paragraphs(0, 0, 5)) with { Date = Date(2025, 3, 20) });
        var stamped = builder.Add(Invented.Article("l", Invented.Paragraphs(0, 10, 5)) with { Date = Date(2025, 9, 9) });
        Assert.True(stamped.Score > 0);
        Assert.Equal(first.StoryId, stamped.StoryId);
    }

    [Fact]
    public void Names_come_from_the_hook_when_one_is_given()
    {
        var names = new FixedNames(["Zebulon Quartermaine"]);
        var builder = new StoryBuilder(names: names);
        builder.Add(Invented.Article("a", Invented.Paragraphs(0, 0, 3)));
        Assert.True(names.Calls > 0);
    }

    [Fact]
    public void An_article_that_bridges_two_close_stories_merges_them_into_the_older_one()
    {
        // Two halves of one story share half their words (the third vocabulary) and stay apart; an article that
        // carries the words of both shows they are one.
        var options = new StoryOptions { JoinThreshold = 0.65, MergeThreshold = 0.3 };
        var builder = new StoryBuilder(options);
        var left = Invented.Article("left", [.. Invented.Paragraphs(0, 0, 3), .. Invented.Paragraphs(2, 0, 3)]);
        var right = Invented.Article("right", [.. Invented.Paragraphs(1, 10, 3), .. Invented.Paragraphs(2, 10, 3)]);
        var bridge = Invented.Article("bridge", [.. Invented.Paragraphs(0, 20, 3), .. Invented.Paragraphs(1, 20, 3), .. Invented.Paragraphs(2, 20, 3)]);
        var first = builder.Add(left);
        var second = builder.Add(right);
        Assert.True(first.StoryId != second.StoryId, $"joined at {second.Score}");

        var third = builder.Add(bridge);
        Assert.Equal(first.StoryId, third.StoryId);
        Assert.Equal(first.StoryId, builder.StoryOf(right.Id));
        var story = Assert.Single(builder.Stories());
        Assert.Equal(new[] { left.Id, right.Id, bridge.Id }.Order(), story.ArticleIds.Order());
    }

    [Fact]
    public void Settling_merges_the_parts_of_a_story_that_online_joining_kept_apart_and_no_other()
    {
        // The two halves share half their words: too little for the strict join, enough as whole stories.
        var builder = new StoryBuilder(new StoryOptions { JoinThreshold = 0.65, SettleThreshold = 0.3 });
        var left = builder.Add(Invented.Article("left", [.. Invented.Paragraphs(0, 0, 3), .. Invented.Paragraphs(2, 0, 3)]));
        var right = builder.Add(Invented.Article("right", [.. Invented.Paragraphs(1, 10, 3), .. Invented.Paragraphs(2, 10, 3)]));
        var other = builder.Add(Invented.Article("other", Invented.Paragraphs(3, 0, 5)));
        Assert.Equal(3, builder.Stories().Count);

        builder.Settle();
        Assert.Equal(left.StoryId, builder.StoryOf(right.ArticleId));
        Assert.Equal(other.StoryId, builder.StoryOf(other.ArticleId));
        Assert.Equal(2, builder.Stories().Count);
    }

    [Fact]
    public void An_article_close_to_one_member_of_a_chained_story_scores_higher_with_the_member_share()
    {
        // The story holds "a" and "link" (one paragraph of a's story, the rest of another); "c" is a's story
        // again, close to "a" and far from "link": the mean over members halves its match, the closest member does not.
        static double Score(double memberWeight)
        {
            var builder = new StoryBuilder(new StoryOptions { JoinThreshold = 0.01, MemberWeight = memberWeight, MergeThreshold = 0 });
            var a = builder.Add(Invented.Article("a", Invented.Paragraphs(0, 0, 5)));
            var link = builder.Add(Invented.Article("link", [.. Invented.Paragraphs(0, 10, 1), .. Invented.Paragraphs(1, 0, 4)]));
            Assert.Equal(a.StoryId, link.StoryId);
            var c = builder.Add(Invented.Article("c", Invented.Paragraphs(0, 20, 5)));
            Assert.Equal(a.StoryId, c.StoryId);
            return c.Score;
        }

        var mean = Score(0);
        Assert.True(Score(0.3) > mean + 0.05, $"{Score(0.3)} vs {mean}");
    }

    [Fact]
    public void Settling_moves_an_article_to_the_story_it_matches_best_once_every_article_is_in()
    {
        // "mixed" comes second and joins the first story (the second does not exist yet), though it carries
        // more of the second story's words; settled, it moves there, and the stories say so. Every paragraph
        // counts the same here (no lead weight), so that "more" is by paragraphs.
        var builder = new StoryBuilder(new StoryOptions { JoinThreshold = 0.45, MergeThreshold = 0, SettleThreshold = 0.9, LeadWeight = 1 });
        var a = builder.Add(Invented.Article("a", Invented.Paragraphs(0, 0, 5)));
        var mixed = builder.Add(Invented.Article("mixed", [.. Invented.Paragraphs(0, 5, 2), .. Invented.Paragraphs(1, 5, 3)]));
        Assert.True(a.StoryId == mixed.StoryId, $"{mixed.Score}");
        var b1 = builder.Add(Invented.Article("b1", Invented.Paragraphs(1, 0, 5)));
        builder.Add(Invented.Article("b2", Invented.Paragraphs(1, 10, 5)));
        var b = builder.StoryOf(b1.ArticleId);
        Assert.True(a.StoryId != b, $"{mixed.Score} {b1.Score}");

        builder.Settle();
        Assert.Equal(b, builder.StoryOf(mixed.ArticleId));
        Assert.Contains(mixed.ArticleId, builder.Stories().Single(s => s.Id == b).ArticleIds);
        Assert.Equal([a.ArticleId], builder.Stories().Single(s => s.Id == a.StoryId).ArticleIds.ToArray());
    }

    [Fact]
    public void An_article_that_touches_two_unrelated_stories_does_not_merge_them()
    {
        var options = new StoryOptions { JoinThreshold = 0.3, MergeThreshold = 0.2 };
        var builder = new StoryBuilder(options);
        var bridge = Invented.Article("both", [.. Invented.Paragraphs(0, 20, 4), .. Invented.Paragraphs(1, 20, 4)]);
        var a = builder.Add(Invented.Article("a", Invented.Paragraphs(0, 0, 5)));
        var b = builder.Add(Invented.Article("b", Invented.Paragraphs(1, 0, 5)));
        Assert.NotEqual(a.StoryId, b.StoryId);
        Assert.True(builder.Add(bridge).Score >= options.JoinThreshold);
        Assert.Equal(2, builder.Stories().Count);
        Assert.Equal(a.StoryId, builder.StoryOf(a.ArticleId));
        Assert.Equal(b.StoryId, builder.StoryOf(b.ArticleId));
    }

    [Fact]
    public void Words_no_other_article_of_the_batch_carries_do_not_dilute_the_match()
    {
        // The second article carries the story's words, each paragraph with a tail of words of its own.
        static string Own(int p) => string.Join(' ', Enumerable.Range(0, 25).Select(i => "zq" + (char)('a' + p) + (char)('a' + i) + "vel"));
        var articles = new[]
        {
            Invented.Article("a", Invented.Paragraphs(0, 0, 5)),
            Invented.Article("b", Invented.Paragraphs(0, 10, 3).Select((text, p) => text + " " + Own(p) + ".")),
        };

        double ScoreOfSecond(bool sharedOnly)
        {
            var builder = new StoryBuilder(new StoryOptions { SharedTermsOnly = sharedOnly, JoinThreshold = 0.01 });
            foreach (var a in articles)
            {
                builder.Observe(a);
            }

            builder.Add(articles[0]);
            return builder.Add(articles[1]).Score;
        }

        Assert.True(ScoreOfSecond(true) > ScoreOfSecond(false) * 1.3, $"{ScoreOfSecond(true)} vs {ScoreOfSecond(false)}");
    }

    private static PageDate Date(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), false, $"{y}-{m}-{d}", "meta:article:published_time");

    private sealed class FixedNames(IReadOnlyCollection<string> names) : IArticleNames
    {
        public int Calls { get; private set; }

        public IReadOnlyCollection<string> Names(Article article)
        {
            Calls++;
            return names;
        }
    }
}
