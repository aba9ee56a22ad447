using Storyline.Eval.Extraction;

namespace Storyline.Tests.Eval.Extraction;

/// <summary>Issue 12 for extract: the Zyte-format dump read back; gold is perfect, a flawed dump scores as computed by hand.</summary>
public sealed class ExtractionDumpTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "storyline-evald-" + Guid.NewGuid().ToString("N"));

    public ExtractionDumpTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "pages"));
        File.WriteAllText(Path.Combine(_dir, "pages", "a.txt"), "page a\n");
        File.WriteAllText(Path.Combine(_dir, "pages", "b.txt"), "page b\n");
        File.WriteAllLines(Path.Combine(_dir, "truth.jsonl"),
        [
            """{"id":"a","body":"one two three four five","title":"Alpha","author":"Ann Lee","date":"2020-02-11","with":["two three"],"without":["menu"]}""",
            """{"id":"b","body":"six seven eight nine","title":"Beta","author":null,"date":null}""",
        ]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<EvalPage> Pages() => ExtractionEvaluator.Load(_dir, SetPart.All, e => Assert.Fail(e));

    [Fact]
    public void The_gold_written_as_a_dump_and_read_back_scores_perfectly()
    {
        var pages = Pages();
        var gold = pages.Select(p => new ExtractionPrediction(p.Truth.Body!, p.Truth.Title, p.Truth.Author, p.Truth.Date)).ToArray();
        var file = Path.Combine(_dir, "gold.json");
        ExtractionEvaluator.WriteDump(file, pages, gold);

        var report = ExtractionEvaluator.Score(pages, ExtractionEvaluator.ReadPredictions(file, pages, e => Assert.Fail(e)), 1);
        Assert.Equal(1.0, report.NgramF1);
        Assert.Equal(1.0, report.BowF1);
        Assert.Equal(1.0, report.SegmentF1);
        Assert.Equal(1.0, report.TitleAccuracy);
        Assert.Equal(1.0, report.AuthorAccuracy);
        Assert.Equal(1.0, report.DateAccuracy);
    }

    [Fact]
    public void A_hand_made_flawed_dump_gives_the_hand_computed_scores()
    {
        var pages = Pages();
        var file = Path.Combine(_dir, "flawed.json");

        // Page a: body exact, title right, author wrong, date right. Page b: missing (scored empty).
        File.WriteAllText(file, """{"a":{"articleBody":"one two three four five","title":"Alpha","author":"By Ann Lee","date":"2020-02-11"}}""");
        var errors = new List<string>();
        var report = ExtractionEvaluator.Score(pages, ExtractionEvaluator.ReadPredictions(file, pages, errors.Add), 1);

        // n-gram: a has P = R = 1; b predicts nothing, so its precision is undefined and its recall 0:
        // P = 1, R = (1 + 0) / 2 = 0.5, F1 = 2 * 1 * 0.5 / 1.5 = 2/3. Bag of words: page F1s 1 and 0, mean 0.5.
        Assert.Equal(2.0 / 3, report.NgramF1!.Value, 9);
        Assert.Equal(0.5, report.BowF1!.Value, 9);
        Assert.Equal(1.0, report.SegmentF1);
        Assert.Equal(0.5, report.TitleAccuracy);
        Assert.Equal(0.0, report.AuthorAccuracy);
        Assert.Equal(1.0, report.DateAccuracy);
        Assert.Contains(errors, e => e.Contains("page b", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_dump_is_a_one_line_error_naming_it()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "[1, 2");
        var e = Assert.Throws<InvalidDataException>(() => ExtractionEvaluator.ReadPredictions(file, Pages(), _ => { }));
        Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
    }
}
