using Storyline.Eval.Time;
using Storyline.Time;

namespace Storyline.Tests.Eval.Time;

public class TempEvalScorerTests
{
    private static TimeMlTimex T(int start, int length, TimexType type, string value) => new(start, length, type, value);

    [Fact]
    public void Hand_computed_case_with_exact_overlapping_and_missing_expressions()
    {
        // Truth: A [0,10) DATE 2020-02-11, B [20,5) DURATION P3Y, C [40,6) DATE 2018.
        // Predicted: A exact with the right value; B overlapping ([18,5)) with the wrong value but the right type;
        // D [60,4) spurious. C is missed.
        var truth = new[] { T(0, 10, TimexType.Date, "2020-02-11"), T(20, 5, TimexType.Duration, "P3Y"), T(40, 6, TimexType.Date, "2018") };
        var predicted = new[] { T(0, 10, TimexType.Date, "2020-02-11"), T(18, 5, TimexType.Duration, "P3M"), T(60, 4, TimexType.Date, "2019") };
        var c = TempEvalScorer.Score(truth, predicted);

        Assert.Equal(3, c.True);
        Assert.Equal(3, c.Predicted);
        Assert.Equal(1, c.StrictMatches);
        Assert.Equal(2, c.RelaxedMatches);
        Assert.Equal(1, c.ValueMatches);
        Assert.Equal(2, c.TypeMatches);

        // strict: P = R = 1/3 → F1 1/3; relaxed: P = R = 2/3; value 1/3; type 2/3.
        Assert.Equal(1.0 / 3, c.StrictF1, 9);
        Assert.Equal(2.0 / 3, c.RelaxedF1, 9);
        Assert.Equal(1.0 / 3, c.ValueF1, 9);
        Assert.Equal(2.0 / 3, c.TypeF1, 9);
    }

    [Fact]
    public void Unequal_counts_give_the_harmonic_mean_of_precision_and_recall()
    {
        // Two true, four predicted, one overlap with the right value and type: P = 1/4, R = 1/2, F1 = 1/3.
        var truth = new[] { T(0, 5, TimexType.Date, "1998"), T(10, 5, TimexType.Date, "1999") };
        var predicted = new[] { T(2, 2, TimexType.Date, "1998"), T(30, 2, TimexType.Date, "X"), T(40, 2, TimexType.Date, "X"), T(50, 2, TimexType.Date, "X") };
        var c = TempEvalScorer.Score(truth, predicted);
        Assert.Equal(0, c.StrictMatches);
        Assert.Equal(1, c.RelaxedMatches);
        Assert.Equal(0.25, c.Precision(c.RelaxedMatches), 9);
        Assert.Equal(0.5, c.Recall(c.RelaxedMatches), 9);
        Assert.Equal(1.0 / 3, c.RelaxedF1, 9);
        Assert.Equal(1.0 / 3, c.ValueF1, 9);
    }

    [Fact]
    public void One_prediction_spanning_two_true_expressions_matches_only_one()
    {
        // "Feb. 11-13" predicted as one span over two true ones: one relaxed match, not two.
        var truth = new[] { T(0, 7, TimexType.Date, "XXXX-02-11"), T(8, 2, TimexType.Date, "XXXX-02-13") };
        var predicted = new[] { T(0, 10, TimexType.Date, "XXXX-02-11") };
        var c = TempEvalScorer.Score(truth, predicted);
        Assert.Equal(1, c.RelaxedMatches);
        Assert.Equal(1, c.ValueMatches);
        Assert.Equal(2.0 / 3, c.RelaxedF1, 9);
    }

    [Fact]
    public void An_exact_prediction_is_not_stolen_by_an_earlier_overlap()
    {
        var truth = new[] { T(0, 4, TimexType.Date, "a"), T(5, 4, TimexType.Date, "b") };
        var predicted = new[] { T(3, 3, TimexType.Date, "a"), T(0, 4, TimexType.Date, "a") };
        var c = TempEvalScorer.Score(truth, predicted);
        Assert.Equal(1, c.StrictMatches);
        Assert.Equal(2, c.RelaxedMatches);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_not_a_division_error()
    {
        var c = TempEvalScorer.Score([T(0, 4, TimexType.Date, "1998")], []);
        Assert.Equal(0, c.RelaxedF1);
        Assert.Equal(0, c.StrictF1);
    }

    [Fact]
    public void Counts_add_across_documents()
    {
        var a = new TimexCounts { True = 2, Predicted = 1, RelaxedMatches = 1, ValueMatches = 1 };
        var b = new TimexCounts { True = 1, Predicted = 3, RelaxedMatches = 1, StrictMatches = 1 };
        var s = a + b;
        Assert.Equal(3, s.True);
        Assert.Equal(4, s.Predicted);
        Assert.Equal(2, s.RelaxedMatches);
        Assert.Equal(1, s.StrictMatches);
        Assert.Equal(1, s.ValueMatches);
    }
}

public class TimeMlRangeTests
{
    [Fact]
    public void A_range_joined_by_a_word_is_written_as_two_timexes_and_a_hyphenated_one_stays_whole()
    {
        const string text = "Rents rose between 1994 and 1997, and again in 2003-05.";
        var output = new List<TimeMlTimex>();
        foreach (var e in TimeTagger.Default.Tag(text))
        {
            TimeEvaluator.AddAsTimeMl(text, e, output);
        }

        Assert.Equal(["1994", "1997", "2003-05"], output.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal(["1994", "1997", "2003"], output.Select(t => t.Value));
    }
}
