using Storyline.Eval.Ner;

namespace Storyline.Tests.Eval.Ner;

public sealed class NerScorerTests
{
    [Fact]
    public void Chunks_follow_conlleval_for_IOB1_and_BIO()
    {
        Assert.Equal([new Chunk(0, 2, "PER"), new Chunk(2, 3, "PER")], NerScorer.Chunks(["I-PER", "I-PER", "B-PER"]));
        Assert.Equal([new Chunk(1, 2, "LOC"), new Chunk(2, 3, "ORG")], NerScorer.Chunks(["O", "I-LOC", "I-ORG"]));
        Assert.Equal([new Chunk(0, 2, "MISC")], NerScorer.Chunks(["B-MISC", "I-MISC", "O"]));
        Assert.Equal([new Chunk(0, 1, "LOC"), new Chunk(1, 2, "LOC")], NerScorer.Chunks(["B-LOC", "B-LOC"]));
        Assert.Empty(NerScorer.Chunks(["O", "O"]));
    }

    [Fact]
    public void Scores_match_a_hand_computed_case()
    {
        // Sentence 1: gold PER[0,2) LOC[3,5); predicted PER[0,2) LOC[3,4): one right, one wrong span.
        // Sentence 2: gold ORG[0,1) LOC[3,4); predicted ORG[0,1) PER[3,4): one right, one wrong type.
        var scorer = new NerScorer();
        scorer.Add(["I-PER", "I-PER", "O", "I-LOC", "I-LOC", "O"], ["B-PER", "I-PER", "O", "B-LOC", "O", "O"]);
        scorer.Add(["I-ORG", "O", "O", "I-LOC"], ["I-ORG", "O", "O", "I-PER"]);

        Assert.Equal(2, scorer.Sentences);
        Assert.Equal(10, scorer.Tokens);
        Assert.Equal(new PrfScore(2, 4, 4), scorer.Overall);
        Assert.Equal(0.5, scorer.Overall.F1, 10);
        var perType = scorer.PerType.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(["LOC", "ORG", "PER"], perType.Keys);
        Assert.Equal(new PrfScore(0, 1, 2), perType["LOC"]);
        Assert.Equal(0, perType["LOC"].F1);
        Assert.Equal(1, perType["ORG"].F1);
        Assert.Equal(0.5, perType["PER"].Precision, 10);
        Assert.Equal(1, perType["PER"].Recall, 10);
        Assert.Equal(2.0 / 3, perType["PER"].F1, 10);
    }

    [Fact]
    public void Gold_scored_as_its_own_prediction_is_perfect_through_the_dump_format()
    {
        const string Dump = "John I-PER I-PER\nSmith I-PER I-PER\nvisited O O\nParis I-LOC I-LOC\n\nReuters I-ORG I-ORG\nsaid O O\n\n";
        var scorer = NerEvaluation.ScoreDump(new StringReader(Dump), "dump");
        Assert.Equal(new PrfScore(3, 3, 3), scorer.Overall);
        Assert.Equal(1, scorer.Overall.F1);
    }

    [Fact]
    public void A_hand_made_imperfect_dump_gives_the_hand_computed_score()
    {
        // Gold: PER "John Smith", LOC "Paris", ORG "Reuters" (3). Predicted: PER "John", LOC "Paris", MISC "said" (3).
        // Correct: LOC only. P = R = 1/3.
        const string Dump = "John I-PER B-PER\nSmith I-PER O\nvisited O O\nParis I-LOC I-LOC\n\nReuters I-ORG O\nsaid O I-MISC\n";
        var scorer = NerEvaluation.ScoreDump(new StringReader(Dump), "dump");
        Assert.Equal(new PrfScore(1, 3, 3), scorer.Overall);
        Assert.Equal(1.0 / 3, scorer.Overall.F1, 10);
    }

    [Fact]
    public void A_malformed_dump_line_names_the_file_and_line()
    {
        var e = Assert.Throws<ConllFormatException>(() => NerEvaluation.ScoreDump(new StringReader("John I-PER I-PER\nSmith\n"), "preds.txt"));
        Assert.StartsWith("preds.txt:2:", e.Message, StringComparison.Ordinal);
    }
}
