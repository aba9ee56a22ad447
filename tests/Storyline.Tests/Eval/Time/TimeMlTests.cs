using Storyline.Eval.Time;
using Storyline.Time;

namespace Storyline.Tests.Eval.Time;

public class TimeMlTests
{
    private const string Doc = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>X1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
        <TEXT>Prices &amp; wages <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="MORE_THAN">over three years</TIMEX3> running.</TEXT>
        </TimeML>
        """;

    [Fact]
    public void Reads_text_spans_and_the_creation_time()
    {
        var d = TimeMlDocument.Parse("x", Doc);
        Assert.Equal("X1", d.Id);
        Assert.Equal(new DateOnly(1998, 1, 8), d.CreationDate);
        Assert.Equal("Prices & wages fell yesterday for over three years running.", d.Text);
        Assert.Equal(2, d.Timexes.Count);
        Assert.Equal("yesterday", d.Text.Substring(d.Timexes[0].Start, d.Timexes[0].Length));
        Assert.Equal(TimexType.Duration, d.Timexes[1].Type);
        Assert.Equal("P3Y", d.Timexes[1].Value);
        Assert.Equal("MORE_THAN", d.Timexes[1].Mod);
    }

    [Fact]
    public void Mismatches_name_each_error_with_both_values_and_its_sentence()
    {
        var d = TimeMlDocument.Parse("x", Doc);
        var yesterday = d.Timexes[0];
        var predicted = new List<TimeMlTimex>
        {
            yesterday with { Value = "1998-01-06" }, // wrong value
            new(0, 6, TimexType.Date, "PRESENT_REF"), // "Prices": overlaps no true expression
        };
        var lines = TimeEvaluator.Mismatches(d, predicted).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(["value", "X1", "1998-01-08", "yesterday", "DATE", "1998-01-07", "yesterday", "DATE", "1998-01-06", d.Text], lines[0]);
        Assert.Equal(["missed", "over three years", "P3Y", ""], new[] { lines[1][0], lines[1][3], lines[1][5], lines[1][6] });
        Assert.Equal(["spurious", "", "Prices", "PRESENT_REF"], new[] { lines[2][0], lines[2][3], lines[2][6], lines[2][8] });
        Assert.Empty(TimeEvaluator.Mismatches(d, d.Timexes));
    }

    [Fact]
    public void Written_document_reads_back_the_same()
    {
        var d = TimeMlDocument.Parse("x", Doc);
        var back = TimeMlDocument.Parse("x", TimeMlWriter.Write(d, d.Timexes));
        Assert.Equal(d.Text, back.Text);
        Assert.Equal(d.CreationValue, back.CreationValue);
        Assert.Equal(d.Timexes.Select(t => (t.Start, t.Length, t.Type, t.Value, t.Mod)), back.Timexes.Select(t => (t.Start, t.Length, t.Type, t.Value, t.Mod)));
    }

    [Fact]
    public void A_document_without_text_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => TimeMlDocument.Parse("x", "<TimeML><DOCID>1</DOCID></TimeML>"));
    }

    [SharedFact]
    public void Gold_dumped_and_scored_gives_a_perfect_score()
    {
        var folder = Path.Combine(SharedData.Data, "time", "timebank");
        var total = new TimexCounts();
        foreach (var file in Directory.GetFiles(folder, "*.tml").Order(StringComparer.Ordinal).Take(40))
        {
            var gold = TimeMlDocument.Load(file);
            var dumped = TimeMlDocument.Parse(gold.Id, TimeMlWriter.Write(gold, gold.Timexes));
            Assert.Equal(gold.Text, dumped.Text);
            total += TempEvalScorer.Score(gold.Timexes, dumped.Timexes);
        }

        Assert.True(total.True > 100);
        Assert.Equal(1.0, total.StrictF1);
        Assert.Equal(1.0, total.RelaxedF1);
        Assert.Equal(1.0, total.ValueF1);
        Assert.Equal(1.0, total.TypeF1);
    }

    [SharedFact]
    public void Eval_dump_writes_one_readable_tml_per_document_with_the_scored_predictions()
    {
        var source = Path.Combine(SharedData.Data, "time", "aquaint");
        var input = Path.Combine(Path.GetTempPath(), "storyline-time-in-" + Environment.ProcessId);
        var dump = Path.Combine(Path.GetTempPath(), "storyline-time-dump-" + Environment.ProcessId);
        Directory.CreateDirectory(input);
        try
        {
            foreach (var f in Directory.GetFiles(source, "*.tml").Order(StringComparer.Ordinal).Take(5))
            {
                File.Copy(f, Path.Combine(input, Path.GetFileName(f)), overwrite: true);
            }

            var result = TimeEvaluator.Run(input, dump);
            var files = Directory.GetFiles(dump, "*.tml");
            Assert.Equal(5, files.Length);

            // Scoring the dump as a prediction against the gold gives the figures the run printed.
            var total = new TimexCounts();
            foreach (var f in files)
            {
                var gold = TimeMlDocument.Load(Path.Combine(input, Path.GetFileName(f)));
                var predicted = TimeMlDocument.Load(f);
                Assert.Equal(gold.Text, predicted.Text);
                total += TempEvalScorer.Score(gold.Timexes, predicted.Timexes);
            }

            Assert.Equal(result.TimexPredicted, total.Predicted);
            Assert.Equal(result.RelaxedF1, total.RelaxedF1, 9);
            Assert.Equal(result.ValueF1, total.ValueF1, 9);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
            if (Directory.Exists(dump))
            {
                Directory.Delete(dump, recursive: true);
            }
        }
    }
}
