using Storyline.Eval.Summaries;

namespace Storyline.Tests.Eval.Summaries;

/// <summary>ROUGE on cases small enough to count by hand.</summary>
public class RougeTests
{
    private const string System = "the cat sat on the mat";
    private const string Reference = "the cat is on the mat now";

    [Fact]
    public void Tokens_are_lower_cased_alphanumeric_runs_porter_stemmed()
    {
        Assert.Equal(["the", "cat", "ran", "quickli", "42x", "don", "t", "u", "s"], Rouge.Tokens("The CATS ran, quickly! 42x don't U.S."));
    }

    [Fact]
    public void Rouge_1_is_the_f1_of_the_clipped_unigram_overlap()
    {
        // System unigrams: the×2 cat sat on mat (6); reference: the×2 cat is on mat now (7); overlap the×2 cat on mat = 5.
        // P 5/6, R 5/7, F1 = 2·(25/42)/(65/42) = 10/13.
        var s = Rouge.Score(System, Reference, null);
        Assert.Equal(10.0 / 13, s.Rouge1, 12);
    }

    [Fact]
    public void Rouge_2_is_the_f1_of_the_bigram_overlap()
    {
        // System bigrams: the-cat cat-sat sat-on on-the the-mat (5); reference: the-cat cat-is is-on on-the the-mat
        // mat-now (6); overlap the-cat on-the the-mat = 3. P 3/5, R 1/2, F1 = 6/11.
        Assert.Equal(6.0 / 11, Rouge.Score(System, Reference, null).Rouge2, 12);
    }

    [Fact]
    public void Rouge_l_is_the_f1_of_the_longest_common_subsequence()
    {
        // LCS "the cat on the mat" = 5: P 5/6, R 5/7, F1 10/13. Reordering the system shortens it:
        // "mat the cat on" vs "the cat is on the mat now": LCS "the cat on" = 3, P 3/4, R 3/7, F1 = 6/11.
        Assert.Equal(10.0 / 13, Rouge.Score(System, Reference, null).RougeL, 12);
        var reordered = Rouge.Score("mat the cat on", Reference, null);
        Assert.Equal(6.0 / 11, reordered.RougeL, 12);
        Assert.Equal(Rouge.Score("the cat on mat", Reference, null).Rouge1, reordered.Rouge1, 12);
    }

    [Fact]
    public void The_system_summary_is_cut_to_its_first_n_words()
    {
        // "the cat": overlap 2, P 1, R 2/7, F1 = 4/9; bigram the-cat: P 1, R 1/6, F1 = 2/7.
        var s = Rouge.Score(System, Reference, 2);
        Assert.Equal(4.0 / 9, s.Rouge1, 12);
        Assert.Equal(2.0 / 7, s.Rouge2, 12);
        Assert.Equal(4.0 / 9, s.RougeL, 12);
    }

    [Fact]
    public void Repeated_words_count_only_as_often_as_the_reference_has_them()
    {
        // "the the the" vs "the cat": overlap 1, P 1/3, R 1/2, F1 0.4.
        Assert.Equal(0.4, Rouge.Score("the the the", "the cat", null).Rouge1, 12);
    }

    [Fact]
    public void Case_punctuation_and_inflection_do_not_count_and_empty_summaries_score_zero()
    {
        var same = Rouge.Score("Cats RAN, connected.", "cat ran connecting", 100);
        Assert.Equal(new RougeScores(1, 1, 1), same);
        Assert.Equal(default, Rouge.Score("", Reference, 100));
        Assert.Equal(default, Rouge.Score("--", Reference, 100));
        Assert.Equal(0, Rouge.Score("one", "one", 100).Rouge2);
    }
}
