using System.IO.Compression;
using System.Text;
using Storyline.Ingest;
using Storyline.Model;

namespace Storyline.Tests.Ingest;

public class PageSourceTests
{
    private const string Page = "Port strike enters third day\nDockworkers in Harbourton stayed off the job on Wednesday, union leaders said.\n";

    private static List<SourceItem> Read(params string[] paths) => [.. new PageSource().Read(paths)];

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }

    [Fact]
    public void Folders_are_read_recursively_in_path_order_and_non_pages_are_passed_over()
    {
        using var dir = new TempFolder();
        dir.Write("b.txt", Page);
        dir.Write("a/z.html", "<html><body><p>Hello there, this is a page.</p></body></html>");
        dir.Write("a/notes.md", "# not a page");
        dir.Write("c.txt.gz", Gzip(Page));
        var skipped = new List<string>();
        var items = new PageSource().Read([dir.Path], skipped.Add).ToList();
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(["a/z.html", "b.txt", "c.txt.gz"], items.Select(i => Path.GetRelativePath(dir.Path, i.Page!.Origin).Replace('\\', '/')));
        Assert.Equal(PageFormat.Html, items[0].Page!.Format);
        Assert.Equal(Page, Encoding.UTF8.GetString(items[2].Page!.Bytes.Span));
        Assert.Single(skipped);
    }

    [Fact]
    public void Json_and_json_lines_records_carry_their_metadata()
    {
        using var dir = new TempFolder();
        dir.Write("one.json", """{"text":"Body line one.\nBody line two.","url":"https://example.com/a","title":"A title","date":"2025-03-14","source":"Example News"}""");
        dir.Write("many.jsonl", "{\"html\":\"<p>First</p>\"}\n\n{\"text\":\"Second\",\"title\":\"T2\"}\n");
        var items = Read(dir.File("one.json"), dir.File("many.jsonl"));
        Assert.All(items, i => Assert.Null(i.Error));
        var one = items[0].Page!;
        Assert.Equal(("https://example.com/a", "A title", "2025-03-14", "Example News"), (one.Url, one.Hints.Title, one.Hints.Date, one.Hints.Source));
        Assert.Equal(PageFormat.Html, items[1].Page!.Format);
        Assert.EndsWith("many.jsonl#1", items[1].Page!.Origin, StringComparison.Ordinal);
        Assert.EndsWith("many.jsonl#3", items[2].Page!.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_json_line_is_named_by_its_line_and_the_others_are_read()
    {
        using var dir = new TempFolder();
        var file = dir.Write("feed.jsonl", "{\"text\":\"one\"}\n{\"text\": oops}\n{\"title\":\"no body\"}\n{\"text\":\"four\"}\n");
        var items = Read(file);
        Assert.Equal(4, items.Count);
        Assert.NotNull(items[0].Page);
        Assert.Equal(file + "#2", items[1].Error!.Origin);
        Assert.StartsWith("malformed JSON line", items[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(file + "#3", items[2].Error!.Origin);
        Assert.Contains("no \"text\" or \"html\"", items[2].Error!.Reason, StringComparison.Ordinal);
        Assert.NotNull(items[3].Page);
    }

    [Fact]
    public void A_truncated_gzip_is_an_error_not_half_a_page()
    {
        using var dir = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 4000).Select(i => $"Line {i} of a long page about the harbour strike.\n"));
        var full = Gzip(text);
        var file = dir.Write("cut.txt.gz", full[..(full.Length / 2)]);
        var items = Read(file);
        var error = Assert.Single(items).Error;
        Assert.NotNull(error);
        Assert.Equal(file, error.Origin);
        Assert.Contains("truncated or corrupt gzip", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_of_json_lines_keeps_the_records_before_the_cut()
    {
        using var dir = new TempFolder();
        var lines = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"text\":\"Record {i} about the strike in Harbourton, with enough words to matter.\"}}\n"));
        var full = Gzip(lines);
        var file = dir.Write("cut.jsonl.gz", full[..(full.Length * 2 / 3)]);
        var items = Read(file);
        Assert.True(items.Count(i => i.Page is not null) > 100);
        var last = items[^1].Error;
        Assert.NotNull(last);
        Assert.Contains("truncated or corrupt gzip", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_missing_oversized_and_unknown_inputs_each_get_one_reason()
    {
        using var dir = new TempFolder();
        var empty = dir.Write("empty.txt", "");
        var big = dir.File("big.txt");
        using (var fs = File.Create(big))
        {
            fs.SetLength(50L * 1024 * 1024);
        }

        var unknown = dir.Write("x.docx", "whatever");
        var missing = dir.File("nope/never.txt");
        var items = Read(empty, big, unknown, missing);
        Assert.Equal(4, items.Count);
        Assert.Equal("empty file", items[0].Error!.Reason);
        Assert.StartsWith("too large: 50.0 MB", items[1].Error!.Reason, StringComparison.Ordinal);
        Assert.StartsWith("unknown file type", items[2].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal("no such file or folder", items[3].Error!.Reason);
        Assert.Equal([empty, big, unknown, missing], items.Select(i => i.Error!.Origin));
    }

    [Fact]
    public void Binary_content_renamed_as_text_is_refused_by_the_decoder()
    {
        using var dir = new TempFolder();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 };
        var file = dir.Write("picture.txt", png);
        var raw = Assert.Single(Read(file)).Page!;
        var (page, error, _) = PageDecoder.Decode(raw);
        Assert.Null(page);
        Assert.Equal("binary content (PNG image), not a text or HTML page", error!.Reason);
    }
}
