using Storyline.Eval.Dedup;
using Storyline.Eval.Stories;
using Storyline.Tests.Stories;

namespace Storyline.Tests.Eval.Dedup;

public class DedupEvalTests
{
    private static List<EvalRecord> Sources() =>
        [.. Enumerable.Range(0, 16).Select(i => new EvalRecord("src" + i, "c" + (i % 4), string.Join(" \n \n ", Invented.Paragraphs(i % 4, i * 20, 3 + (i % 5)))))];

    [Fact]
    public void The_generator_is_deterministic_from_its_seed()
    {
        var a = DedupSetGenerator.Generate(Sources(), 3);
        var b = DedupSetGenerator.Generate(Sources(), 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a, DedupSetGenerator.Generate(Sources(), 4));
    }

    [Fact]
    public void Every_source_is_kept_and_copies_share_its_group()
    {
        var set = DedupSetGenerator.Generate(Sources(), 5);
        Assert.True(set.Count > 16);
        Assert.All(set.Where(r => r.Group is not null).GroupBy(r => r.Group), g => Assert.True(g.Count() >= 2));
        Assert.Equal(set.Count, set.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Copies_of_a_generated_set_are_found()
    {
        var set = DedupSetGenerator.Generate(Sources(), 11);
        var (scores, _, _) = DedupEvaluator.Run([.. set.Select(r => new EvalRecord(r.Id, r.Group, r.Text))]);
        Assert.True(scores.PairsTrue > 0);
        Assert.True(scores.PairwiseF1 >= 0.95, $"F1 {scores.PairwiseF1}");
    }

    [Fact]
    public void A_gold_dump_is_perfect_and_a_flawed_one_gives_the_hand_computed_score()
    {
        List<EvalRecord> records = [new("1", "g", "t"), new("2", "g", "t"), new("3", "g", "t"), new("4", null, "t")];
        var gold = DedupEvaluator.Score(records, [("1", "2"), ("1", "3"), ("2", "3")]);
        Assert.Equal(1.0, gold.PairwiseF1, 10);

        // Predicted 2-1 (right, reversed), 1-4 (wrong), 1-2 again (counted once): P = 1/2, R = 1/3, F1 = 0.4.
        var s = DedupEvaluator.Score(records, [("2", "1"), ("1", "4"), ("1", "2")]);
        Assert.Equal(2, s.PairsPredicted);
        Assert.Equal(0.5, s.PairwisePrecision, 10);
        Assert.Equal(1.0 / 3, s.PairwiseRecall, 10);
        Assert.Equal(0.4, s.PairwiseF1, 10);
    }
}
