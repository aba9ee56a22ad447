using Storyline.Eval;
using Storyline.Eval.Stories;

namespace Storyline.Tests.Eval.Stories;

public class ClusteringMetricsTests
{
    [Fact]
    public void A_worked_example_gives_the_hand_computed_scores()
    {
        // n_ij: (a,x)=2 (a,y)=1 (b,y)=2; true sizes 3,2; predicted sizes 2,3; N=5.
        // pairwise: sum C(n_ij,2)=2, sum C(b_j,2)=4, sum C(a_i,2)=4 -> P=R=F1=0.5.
        // BCubed: (1/5)(4/2 + 1/3 + 4/3) = 11/15 both ways.
        // ARI: index 2, expected 4*4/10=1.6, max 4 -> (2-1.6)/(4-1.6) = 1/6.
        var s = ClusteringMetrics.Score(["a", "a", "a", "b", "b"], ["x", "x", "y", "y", "y"]);
        Assert.Equal(0.5, s.PairwisePrecision, 10);
        Assert.Equal(0.5, s.PairwiseRecall, 10);
        Assert.Equal(0.5, s.PairwiseF1, 10);
        Assert.Equal(11.0 / 15, s.BcubedPrecision, 10);
        Assert.Equal(11.0 / 15, s.BcubedRecall, 10);
        Assert.Equal(11.0 / 15, s.BcubedF1, 10);
        Assert.Equal(1.0 / 6, s.Ari, 10);
        Assert.Equal((5, 2, 2), (s.Articles, s.StoriesTrue, s.StoriesPredicted));
    }

    [Fact]
    public void Precision_and_recall_differ_when_a_story_is_split()
    {
        // truth: one story of 4; predicted: 3 + 1. pairs: true 6, predicted 3, shared 3 -> P=1, R=0.5.
        // BCubed R = (1/4)(9/4 + 1/4) = 0.625; ARI with tn=0: 2(3*0 - 3*0)/((6)(3) + (3)(0)) = 0.
        var s = ClusteringMetrics.Score(["t", "t", "t", "t"], ["p", "p", "p", "q"]);
        Assert.Equal(1.0, s.PairwisePrecision, 10);
        Assert.Equal(0.5, s.PairwiseRecall, 10);
        Assert.Equal(2.0 / 3, s.PairwiseF1, 10);
        Assert.Equal(1.0, s.BcubedPrecision, 10);
        Assert.Equal(0.625, s.BcubedRecall, 10);
        Assert.Equal(0.0, s.Ari, 10);
    }

    [Fact]
    public void Identical_partitions_score_one_whatever_the_labels()
    {
        var s = ClusteringMetrics.Score(["a", "a", "b", "c", "c", "c"], ["z", "z", "y", "x", "x", "x"]);
        Assert.Equal(1.0, s.PairwiseF1, 10);
        Assert.Equal(1.0, s.BcubedF1, 10);
        Assert.Equal(1.0, s.Ari, 10);
    }

    [Fact]
    public void Ari_of_a_chance_level_partition_is_negative_as_in_scikit_learn()
    {
        // sklearn.metrics.adjusted_rand_score([0,0,1,1],[0,1,0,1]) == -0.5
        var s = ClusteringMetrics.Score(["a", "a", "b", "b"], ["x", "y", "x", "y"]);
        Assert.Equal(-0.5, s.Ari, 10);
    }

    [Fact]
    public void A_gold_dump_scored_as_predictions_is_perfect_and_a_flawed_one_gives_the_hand_computed_score()
    {
        List<EvalRecord> records = [new("1", "A", "t"), new("2", "A", "t"), new("3", "B", "t"), new("4", "B", "t")];
        var gold = records.ToDictionary(r => r.Id, r => (string?)r.Label);
        Assert.Equal(1.0, StoriesEvaluator.ScorePredictions(records, gold, EvalPart.All).PairwiseF1, 10);

        // 4 kept out (null) and 3 put with 1 and 2: predicted pairs 3 (1-2, 1-3, 2-3), correct 1 -> P=1/3; true 2 -> R=1/2.
        var flawed = new Dictionary<string, string?> { ["1"] = "s", ["2"] = "s", ["3"] = "s", ["4"] = null };
        var s = StoriesEvaluator.ScorePredictions(records, flawed, EvalPart.All);
        Assert.Equal(1.0 / 3, s.PairwisePrecision, 10);
        Assert.Equal(0.5, s.PairwiseRecall, 10);
    }

    [Fact]
    public void Every_cluster_falls_in_exactly_one_half()
    {
        foreach (var c in Enumerable.Range(0, 50).Select(i => "mnv-" + i))
        {
            Assert.NotEqual(StoriesEvaluator.InPart(c, EvalPart.Dev), StoriesEvaluator.InPart(c, EvalPart.HeldOut));
            Assert.True(StoriesEvaluator.InPart(c, EvalPart.All));
        }
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "storyline-eval-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(path, "{\"id\":\"1\",\"cluster\":\"a\",\"text\":\"x\"}\n{not json\n");
        try
        {
            var e = Assert.Throws<EvalDataException>(() => EvalData.Read(path, "cluster", labelRequired: true));
            Assert.StartsWith(path + ":2: malformed JSON", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
