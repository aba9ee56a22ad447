using System.Globalization;
using System.Text;
using Storyline.Model;

namespace Storyline.Compose;

/// <summary>The machine-readable report of a run: articles, stories and the inputs that failed.</summary>
public sealed record AnalysisReport(IReadOnlyList<ReportArticle> Articles, IReadOnlyList<ReportStory> Stories, IReadOnlyList<ReportError> Errors, IReadOnlyList<string> Warnings)
{
    public static AnalysisReport Build(IReadOnlyList<Article> articles, IReadOnlyList<Story> stories, IEnumerable<IngestError> errors, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(stories);
        return new AnalysisReport(
            [.. articles.Select(ReportArticle.From)],
            [.. stories.Select(s => new ReportStory(s.Id, s.Label, s.ArticleIds))],
            [.. errors.Select(e => new ReportError(e.Origin, e.Reason))],
            [.. warnings]);
    }

    /// <summary>The report for people: one section per story, each article with what was removed and why.</summary>
    public string ToText()
    {
        var byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{Articles.Count} articles in {Stories.Count} stories");
        sb.Append(Errors.Count == 0 ? "; every input was read.\n" : $"; {Errors.Count} inputs could not be read.\n");
        var n = 0;
        foreach (var story in Stories)
        {
            n++;
            sb.Append(inv, $"\n== Story {n}: {story.Label}  ({story.Articles.Count} article{(story.Articles.Count == 1 ? "" : "s")}, id {story.Id})\n");
            foreach (var id in story.Articles)
            {
                var a = byId[id];
                sb.Append(inv, $"\n  * {a.Title ?? "(no title)"}\n");
                sb.Append(inv, $"    {a.Path}  [{a.Id}]\n");
                sb.Append(inv, $"    outlet: {a.Outlet ?? "unknown"} · date: {(a.Date is null ? "unknown" : $"{a.Date} ({a.DateSource})")} · clean text: {a.TextLength:N0} chars in {a.Paragraphs.Count} paragraphs\n");
                foreach (var note in a.Notes)
                {
                    sb.Append(inv, $"    note: {note}\n");
                }

                if (a.Removed.Count > 0)
                {
                    sb.Append(inv, $"    removed {a.Removed.Count}:\n");
                    foreach (var r in a.Removed)
                    {
                        sb.Append(inv, $"      - {Shorten(r.Text, 70)}  ({r.Reason})\n");
                    }
                }
            }
        }

        if (Errors.Count > 0)
        {
            sb.Append("\nNot read:\n");
            foreach (var e in Errors)
            {
                sb.Append(inv, $"  {e.Path}: {e.Reason}\n");
            }
        }

        return sb.ToString();
    }

    internal static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

public sealed record ReportArticle(
    string Id,
    string Path,
    string? Url,
    string? Title,
    string? Standfirst,
    string? Byline,
    string? Outlet,
    string? Dateline,
    string? Date,
    string? DateSource,
    int TextLength,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ReportRemoved> Removed,
    IReadOnlyList<string> Notes)
{
    public static ReportArticle From(Article a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ReportArticle(
            a.Id,
            a.Origin,
            a.Url,
            a.Title?.Value,
            a.Standfirst?.Value,
            a.Byline?.Value,
            a.Outlet?.Value,
            a.Dateline?.Value,
            a.Date?.Day,
            a.Date?.Source,
            a.Text.Length,
            [.. a.Paragraphs.Select(a.ParagraphText)],
            [.. a.Removed.Select(b => new ReportRemoved(b.Text, b.Reason ?? "boilerplate"))],
            a.Notes);
    }
}

public sealed record ReportRemoved(string Text, string Reason);

public sealed record ReportStory(string Id, string Label, IReadOnlyList<string> Articles);

public sealed record ReportError(string Path, string Reason);
