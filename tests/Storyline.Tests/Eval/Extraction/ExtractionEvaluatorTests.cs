using System.IO.Compression;
using System.Text;
using Storyline.Eval.Extraction;
using Storyline.Extract;

namespace Storyline.Tests.Eval.Extraction;

public sealed class ExtractionEvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "storyline-evalx-" + Guid.NewGuid().ToString("N"));

    public ExtractionEvaluatorTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "pages"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_small_set_is_read_decoded_and_scored()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss. Hunderte Menschen kamen zur Feier.";
        var html = $"<html><head><meta charset=\"windows-1252\"><title>Neue Brücke</title></head><body><article><h1>Neue Brücke</h1><p>{body}</p></article></body></html>";
        using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "pages", "a.html.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.GetEncoding(1252).GetBytes(html));
        }

        File.WriteAllText(Path.Combine(_dir, "pages", "b.txt"), "Just a line of text\n");
        File.WriteAllLines(Path.Combine(_dir, "truth.jsonl"),
        [
            $$"""{"id":"a","url":"https://example.org/a","body":"{{body}}","title":"Neue Brücke","author":null,"date":null,"with":["neue Brücke über den Fluss"],"without":["Impressum"]}""",
            """{"id":"b","body":null,"title":null}""",
            """{"id":"missing","body":"x"}""",
            """not json""",
        ]);

        var errors = new List<string>();
        var pages = ExtractionEvaluator.Load(_dir, SetPart.All, errors.Add);
        Assert.Equal(2, pages.Count);
        Assert.Equal(2, errors.Count); // the malformed line and the id without a page file
        Assert.Contains("Brücke", pages[0].Page.Content, StringComparison.Ordinal);
        Assert.Equal("meta", pages[0].Page.EncodingSource);

        var (predictions, _) = ExtractionEvaluator.RunStoryline(pages, PageExtractors.Default);
        var report = ExtractionEvaluator.Score(pages, predictions, 1);
        Assert.Equal(2, report.Pages);
        Assert.Contains(body, predictions[0].ArticleBody, StringComparison.Ordinal);
        Assert.Equal(1.0, report.SegmentF1);
        Assert.Equal(1.0, report.TitleAccuracy);
        Assert.Null(report.AuthorAccuracy);
        Assert.Null(report.DateAccuracy);
        Assert.NotNull(report.NgramF1);
    }

    [Fact]
    public void The_held_out_part_is_about_one_page_in_five_and_disjoint_from_the_tune_part()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var held = ids.Count(ExtractionEvaluator.IsHeldOut);
        Assert.InRange(held, 150, 250);
    }

    [Fact]
    public void A_folder_without_truth_is_a_clear_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ExtractionEvaluator.Load(Path.Combine(_dir, "pages"), SetPart.All, _ => { }));
        Assert.Contains("truth.jsonl", e.Message, StringComparison.Ordinal);
    }
}

public class EvalPageDecoderTests
{
    [Fact]
    public void Bom_wins_over_a_meta_declaration()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<meta charset=windows-1251>é")).ToArray();
        var (text, enc, source) = EvalPageDecoder.Decode(bytes, html: true);
        Assert.EndsWith("é", text, StringComparison.Ordinal);
        Assert.Equal("utf-8", enc);
        Assert.Equal("bom", source);
    }

    [Fact]
    public void Meta_charset_is_honoured_and_unknown_names_fall_back_to_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cyr = Encoding.GetEncoding(1251).GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">Москва");
        Assert.EndsWith("Москва", EvalPageDecoder.Decode(cyr, html: true).Text, StringComparison.Ordinal);

        var bogus = Encoding.UTF8.GetBytes("<meta charset=\"no-such-charset\">Zürich");
        var (text, enc, _) = EvalPageDecoder.Decode(bogus, html: true);
        Assert.EndsWith("Zürich", text, StringComparison.Ordinal);
        Assert.Equal("utf-8", enc);
    }
}
