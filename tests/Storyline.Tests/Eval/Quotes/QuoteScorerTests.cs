using System.Collections.Immutable;
using Storyline.Eval.Quotes;
using Storyline.Quotes;

namespace Storyline.Tests.Eval.Quotes;

public class QuoteScorerTests
{
    // 40 characters; positions are what the cases below count.
    private const string Text = "0123456789abcdefghij0123456789ABCDEFGHIJ";

    private static AnnotatedQuote Q(int start, int end, (int Start, int End)? speaker = null, string? name = null, params (int Start, int End)[] more)
    {
        var pieces = new[] { CharSpan.FromBounds(start, end) }.Concat(more.Select(m => CharSpan.FromBounds(m.Start, m.End))).ToImmutableArray();
        return new AnnotatedQuote(
            new AnnotatedSpan(pieces),
            speaker is { } s ? AnnotatedSpan.Of(CharSpan.FromBounds(s.Start, s.End)) : null,
            null,
            name);
    }

    [Fact]
    public void A_prediction_covering_four_tenths_matches_at_03_but_not_at_08()
    {
        var truth = new[] { Q(0, 10, (20, 25)) };
        var predicted = new[] { Q(6, 14, (22, 30)) }; // covers 6..10 = 4 of 10

        Assert.Equal(new QuoteCounts(1, 0, 0, 1), QuoteScorer.Count(Text, truth, predicted, 0.3));
        Assert.Equal(new QuoteCounts(0, 1, 1, 0), QuoteScorer.Count(Text, truth, predicted, 0.8));
    }

    [Fact]
    public void Exactly_the_threshold_is_not_enough()
    {
        var truth = new[] { Q(0, 10) };
        var predicted = new[] { Q(7, 10) }; // 3 of 10 = 0.3, and the recipe asks for more than 0.3

        Assert.Equal(0, QuoteScorer.Count(Text, truth, predicted, 0.3).TruePositives);
    }

    [Fact]
    public void One_prediction_matches_one_true_quote_only_the_first_in_order()
    {
        var truth = new[] { Q(0, 10), Q(10, 20) };
        var predicted = new[] { Q(0, 20) };

        var counts = QuoteScorer.Count(Text, truth, predicted, 0.3);

        Assert.Equal(new QuoteCounts(1, 0, 1, 1), counts); // both speakers null: counted as right
        Assert.Equal(1.0, counts.Precision);
        Assert.Equal(0.5, counts.Recall);
        Assert.Equal(2 * 0.5 / 1.5, counts.F1, 10);
    }

    [Fact]
    public void The_best_covering_prediction_is_taken()
    {
        var truth = new[] { Q(0, 10, (30, 35)) };
        var predicted = new[] { Q(0, 4, (36, 38)), Q(0, 9, (33, 34)) }; // 0.4 with a wrong speaker, 0.9 with a right one

        var counts = QuoteScorer.Count(Text, truth, predicted, 0.3);

        Assert.Equal(new QuoteCounts(1, 1, 0, 1), counts);
    }

    [Fact]
    public void Discontinuous_content_counts_all_its_characters()
    {
        var truth = new[] { Q(0, 5, more: (10, 15)) }; // 10 characters in two pieces
        var half = new[] { Q(0, 5) };                   // 5 of 10
        var both = new[] { Q(0, 15) };                  // all 10

        Assert.Equal(1, QuoteScorer.Count(Text, truth, half, 0.3).TruePositives);
        Assert.Equal(0, QuoteScorer.Count(Text, truth, half, 0.8).TruePositives);
        Assert.Equal(1, QuoteScorer.Count(Text, truth, both, 0.8).TruePositives);
    }

    [Fact]
    public void Speaker_is_right_by_overlap_or_by_name_and_wrong_when_one_side_has_none()
    {
        var truth = Q(0, 10, (20, 25), "Dmitry Peskov");
        Assert.True(QuoteScorer.SpeakerMatches(Text, truth, Q(0, 10, (24, 30))));
        Assert.False(QuoteScorer.SpeakerMatches(Text, truth, Q(0, 10, (25, 30))));
        Assert.True(QuoteScorer.SpeakerMatches(Text, truth, Q(0, 10, (30, 35), "dmitry peskov")));
        Assert.False(QuoteScorer.SpeakerMatches(Text, truth, Q(0, 10)));
        Assert.False(QuoteScorer.SpeakerMatches(Text, Q(0, 10), Q(0, 10, (20, 25))));
    }

    [Fact]
    public void Scores_sum_counts_over_articles_and_keep_the_direct_subset_apart()
    {
        const string a = "He said \"we will win\" and left.";
        const string b = "She said the plan failed.";
        var truthA = new QuoteDocument("a", null, a, [Q(8, 21, (0, 2)), Q(0, 2)]); // one direct, one indirect
        var truthB = new QuoteDocument("b", null, b, [Q(9, 24, (0, 3))]);
        var predA = new[] { Q(8, 21, (0, 2)) };                    // the direct one, right speaker
        var predB = new[] { Q(9, 24, (4, 8)), Q(0, 3) };           // found with a wrong speaker, plus a false one

        var (all, direct) = QuoteScorer.Score([(truthA, predA), (truthB, predB)]);

        // all: tp 2, fp 1, fn 1 → P = R = 2/3; speakers 1 of 2.
        Assert.Equal(2, all.Articles);
        Assert.Equal(3, all.QuotesTrue);
        Assert.Equal(3, all.QuotesPredicted);
        Assert.Equal(0.6667, all.Precision03);
        Assert.Equal(0.6667, all.Recall03);
        Assert.Equal(0.6667, all.F103);
        Assert.Equal(0.5, all.SpeakerAccuracy);

        // direct: only article a's quoted words, found exactly.
        Assert.Equal(1, direct.QuotesTrue);
        Assert.Equal(1, direct.QuotesPredicted);
        Assert.Equal(1.0, direct.F103);
        Assert.Equal(1.0, direct.F108);
        Assert.Equal(1.0, direct.SpeakerAccuracy);
    }

    [Fact]
    public void A_dump_of_the_truth_read_back_scores_perfectly()
    {
        const string text = "“We will win,” Smith said. “Then we rest.” Jones said the plan failed.";
        var doc = new QuoteDocument("x", "2020-02-11", text, [
            new AnnotatedQuote(new AnnotatedSpan([CharSpan.FromBounds(0, 14), CharSpan.FromBounds(27, 42)]), AnnotatedSpan.Of(CharSpan.FromBounds(15, 20)), AnnotatedSpan.Of(CharSpan.FromBounds(21, 25)), null),
            new AnnotatedQuote(AnnotatedSpan.Of(CharSpan.FromBounds(54, 69)), AnnotatedSpan.Of(CharSpan.FromBounds(43, 48)), AnnotatedSpan.Of(CharSpan.FromBounds(49, 53)), "Jones"),
        ]);

        var line = QuoteDataset.Write(doc);
        var back = QuoteDataset.Parse(line);
        var result = QuoteEvaluator.Evaluate([doc], [back], null);

        Assert.Contains("\"fragments\":[[0,14],[27,42]]", line, StringComparison.Ordinal);
        Assert.Equal("“We will win,” “Then we rest.”", back.Quotes[0].Content.Text(text));
        Assert.Equal(1.0, result.F103);
        Assert.Equal(1.0, result.F108);
        Assert.Equal(1.0, result.SpeakerAccuracy);
        Assert.Equal(1.0, result.Direct.F103);
        Assert.Equal(1, result.Direct.QuotesTrue);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_file_and_line_and_the_rest_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quotes-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, [
            """{"id":"a","text":"abc","quotes":[]}""",
            """{"id":"b","text":"abc","quotes":[{"content":{"start":1,"end":9}}]}""",
            "not json",
            """{"id":"c","text":"abc"}""",
        ]);
        try
        {
            var errors = new List<string>();
            var docs = QuoteDataset.Read(path, errors);

            Assert.Equal(["a", "c"], docs.Select(d => d.Id));
            Assert.Equal(2, errors.Count);
            Assert.StartsWith(path + ":2: ", errors[0], StringComparison.Ordinal);
            Assert.Contains("outside the text", errors[0], StringComparison.Ordinal);
            Assert.StartsWith(path + ":3: ", errors[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
