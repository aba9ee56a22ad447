using Storyline.Eval.Extraction;

namespace Storyline.Tests.Eval.Extraction;

public class NgramScoreTests
{
    [Fact]
    public void Shingles_are_token_4_grams_and_short_texts_give_one_shingle()
    {
        Assert.Equal(2, NgramScore.Shingles("a b, c d. e").Count);
        Assert.Single(NgramScore.Shingles("only two"));
        Assert.Empty(NgramScore.Shingles(" ... "));
        // "a a a a a" has the 4-gram "a a a a" twice: a multiset, not a set.
        Assert.Equal(2, NgramScore.Shingles("a a a a a").Single().Value);
    }

    [Fact]
    public void Page_counts_are_divided_by_their_sum()
    {
        // predicted: [abcd, bcde]; truth: [abcd] -> tp 1, fp 1, fn 0 -> 1/2, 1/2, 0.
        var (tp, fp, fn) = NgramScore.PageCounts("a b c d e", "a b c d");
        Assert.Equal(0.5, tp, 9);
        Assert.Equal(0.5, fp, 9);
        Assert.Equal(0.0, fn, 9);
    }

    [Fact]
    public void Precision_and_recall_are_averaged_only_over_pages_where_they_are_defined()
    {
        var score = new NgramScore();
        // Page 1: predicted [abcd], truth [abcd, bcde]: tp 1/2, fp 0, fn 1/2 -> P 1, R 1/2.
        score.Add("a b c d", "a b c d e");
        // Page 2: nothing predicted, truth one shingle: tp = fp = 0, so no precision; R 0.
        score.Add("", "x y");
        // Page 3: a shingle predicted for an empty truth: P 0; tp = fn = 0, so no recall.
        score.Add("p q r", "");
        // Page 4: both empty: counts nowhere.
        score.Add("", "");
        Assert.Equal(0.5, score.Precision, 9);   // (1 + 0) / 2
        Assert.Equal(0.25, score.Recall, 9);     // (1/2 + 0) / 2
        Assert.Equal(1.0 / 3.0, score.F1, 9);    // 2 * 0.5 * 0.25 / 0.75
        Assert.Equal(4, score.Pages);
    }

    [Fact]
    public void Identical_texts_score_one_and_case_matters()
    {
        var same = new NgramScore();
        same.Add("The quick brown fox jumps", "The quick brown fox jumps");
        Assert.Equal(1.0, same.F1, 9);

        var cased = new NgramScore();
        cased.Add("the quick brown fox", "The quick brown fox");
        Assert.Equal(0.0, cased.F1, 9);
    }
}

public class SegmentScoreTests
{
    [Fact]
    public void Snippets_are_matched_case_sensitively_after_collapsing_whitespace()
    {
        var score = new SegmentScore();
        score.Add(
            "Hello   world.\nSecond line",
            ["Hello world", "Second  line", "hello world"],
            ["world. Second", "Footer"]);
        Assert.Equal(2, score.TruePositives);
        Assert.Equal(1, score.FalseNegatives);
        Assert.Equal(1, score.FalsePositives);
        Assert.Equal(1, score.TrueNegatives);
        Assert.Equal(4.0 / 6.0, score.F1, 9); // 2*2 / (2*2 + 1 + 1)
    }

    [Fact]
    public void Counts_are_summed_over_pages_and_empty_output_misses_everything()
    {
        var score = new SegmentScore();
        score.Add("alpha beta", ["alpha"], ["gamma"]);
        score.Add("", ["delta", "epsilon"], ["zeta"]);
        // tp 1, fn 2, fp 0 -> 2 / (2 + 0 + 2)
        Assert.Equal(0.5, score.F1, 9);
    }
}

public class BagOfWordsScoreTests
{
    [Fact]
    public void Per_page_scores_use_multiset_overlap_of_lower_cased_words()
    {
        // predicted {the:2, cat, dog} (4), truth {the, cat, sat} (3), overlap the:1 + cat:1 = 2.
        var (p, r, f) = BagOfWordsScore.Page("The cat the dog", "the cat sat");
        Assert.Equal(0.5, p, 9);
        Assert.Equal(2.0 / 3.0, r, 9);
        Assert.Equal(4.0 / 7.0, f, 9);
    }

    [Fact]
    public void The_set_score_is_the_mean_of_per_page_scores()
    {
        var score = new BagOfWordsScore();
        score.Add("The cat the dog", "the cat sat");
        score.Add("", "x");
        Assert.Equal(0.25, score.Precision, 9);
        Assert.Equal(1.0 / 3.0, score.Recall, 9);
        Assert.Equal(2.0 / 7.0, score.F1, 9);
    }
}

public class MetadataScoreTests
{
    [Fact]
    public void Accuracy_counts_only_pages_with_a_true_value()
    {
        var score = new MetadataScore();
        score.Add("A  title", "A title");
        score.Add(null, "B");
        score.Add("C", null);
        score.Add("a title", "A title");
        Assert.Equal(3, score.Pages);
        Assert.Equal(1.0 / 3.0, score.Accuracy!.Value, 9);
        Assert.Null(new MetadataScore().Accuracy);
    }
}
