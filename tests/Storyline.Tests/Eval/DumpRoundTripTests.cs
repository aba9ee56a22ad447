using Storyline.Eval.Quotes;
using Storyline.Eval.Time;

namespace Storyline.Tests.Eval;

/// <summary>Issue 12: hand-made imperfect dumps, read through the same readers as other tools' files, give the hand-computed scores.</summary>
public class DumpRoundTripTests
{
    [Fact]
    public void A_hand_made_quotes_dump_with_one_miss_one_false_quote_and_one_wrong_speaker()
    {
        const string text = "“We will win,” Smith said. Jones said the plan failed. “It rained,” Lee said.";
        var truth = QuoteDataset.Parse("""{"id":"x","date":null,"text":"“We will win,” Smith said. Jones said the plan failed. “It rained,” Lee said.","quotes":[{"content":{"start":0,"end":14},"speaker":{"start":15,"end":20},"cue":null,"speaker_name":null},{"content":{"start":38,"end":53},"speaker":{"start":27,"end":32},"cue":null,"speaker_name":null},{"content":{"start":55,"end":67},"speaker":{"start":68,"end":71},"cue":null,"speaker_name":null}]}""");

        // Predicted: the first quote with a wrong speaker span ("said"), the third exactly, and "Jones" as a false
        // quote; the indirect one is missed. At 0.3: tp 2, fp 1, fn 1 → P = R = F1 = 2/3; speakers right 1 of 2.
        // Direct subset (content with a quotation mark): true 2, predicted 2 (the false "Jones" has none) → 1.0.
        var dump = QuoteDataset.Parse("""{"id":"x","date":null,"text":"“We will win,” Smith said. Jones said the plan failed. “It rained,” Lee said.","quotes":[{"content":{"start":0,"end":14},"speaker":{"start":21,"end":25},"cue":null,"speaker_name":null},{"content":{"start":27,"end":32},"speaker":null,"cue":null,"speaker_name":null},{"content":{"start":55,"end":67},"speaker":{"start":68,"end":71},"cue":null,"speaker_name":null}]}""");
        Assert.Equal(text, truth.Text);

        var result = QuoteEvaluator.Evaluate([truth], [dump], null);
        Assert.Equal(3, result.QuotesTrue);
        Assert.Equal(3, result.QuotesPredicted);
        Assert.Equal(0.6667, result.F103);
        Assert.Equal(0.5, result.SpeakerAccuracy);
        Assert.Equal(2, result.Direct.QuotesTrue);
        Assert.Equal(1.0, result.Direct.F103);
        Assert.Equal(0.5, result.Direct.SpeakerAccuracy);
    }

    [Fact]
    public void A_hand_made_tml_dump_with_a_wrong_value_a_shifted_span_and_a_miss()
    {
        const string gold = """
            <TimeML><DOCID>d</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2020-02-13" functionInDocument="CREATION_TIME">2020-02-13</TIMEX3></DCT>
            <TEXT>Talks began <TIMEX3 tid="t1" type="DATE" value="2020-02-11">on Tuesday</TIMEX3> and lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> after <TIMEX3 tid="t3" type="DATE" value="2018-09">September 2018</TIMEX3>.</TEXT>
            </TimeML>
            """;
        const string predicted = """
            <TimeML><DOCID>d</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2020-02-13" functionInDocument="CREATION_TIME">2020-02-13</TIMEX3></DCT>
            <TEXT>Talks began on <TIMEX3 tid="t1" type="DATE" value="2020-02-11">Tuesday</TIMEX3> and lasted <TIMEX3 tid="t2" type="DURATION" value="P2D">three days</TIMEX3> after September 2018.</TEXT>
            </TimeML>
            """;
        var g = TimeMlDocument.Parse("d", gold);
        var p = TimeMlDocument.Parse("d", predicted);
        Assert.Equal(g.Text, p.Text);

        // "Tuesday" overlaps "on Tuesday" (relaxed, not strict) with the right value; "three days" is exact with a
        // wrong value; "September 2018" is missed. 3 true, 2 predicted: strict 1, relaxed 2, value 1, type 2.
        var c = TempEvalScorer.Score(g.Timexes, p.Timexes);
        Assert.Equal(1, c.StrictMatches);
        Assert.Equal(2, c.RelaxedMatches);
        Assert.Equal(1, c.ValueMatches);
        Assert.Equal(2, c.TypeMatches);
        Assert.Equal(2 * (1.0 / 2) * (1.0 / 3) / ((1.0 / 2) + (1.0 / 3)), c.StrictF1, 9); // P 1/2, R 1/3 → 0.4
        Assert.Equal(0.8, c.RelaxedF1, 9);                                                   // P 1, R 2/3
        Assert.Equal(0.4, c.ValueF1, 9);
    }
}
