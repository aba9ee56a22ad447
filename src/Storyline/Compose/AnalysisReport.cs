using System.Globalization;
using System.Text;
using Storyline.Model;

namespace Storyline.Compose;

/// <summary>The machine-readable report of a run: articles, stories and the inputs that failed.</summary>
public sealed record AnalysisReport(
    IReadOnlyList<ReportArticle> Articles,
    IReadOnlyList<ReportStory> Stories,
    IReadOnlyList<ReportLink> Links,
    IReadOnlyList<ReportExcluded> Excluded,
    IReadOnlyList<ReportError> Errors,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Each story's view (summary, timeline, quotes, figures, coverage), in the order of <see cref="Stories"/>.</summary>
    public IReadOnlyList<StoryView> StoryViews { get; init; } = [];

    public static AnalysisReport Build(
        IReadOnlyList<Article> articles,
        IReadOnlyList<Story> stories,
        IReadOnlyList<ArticleLink> links,
        IReadOnlyList<(string Id, string Reason)> excluded,
        IEnumerable<IngestError> errors,
        IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(excluded);
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return new AnalysisReport(
            [.. articles.Select(ReportArticle.From)],
            [.. stories.Select(s => new ReportStory(s.Id, s.Label, s.ArticleIds))],
            [.. links.Select(l => ReportLink.From(l, byId))],
            [.. excluded.Select(e => new ReportExcluded(e.Id, e.Reason))],
            [.. errors.Select(e => new ReportError(e.Origin, e.Reason))],
            [.. warnings]);
    }

    /// <summary>The report for people: one section per story, each article with what was removed and why.</summary>
    public string ToText()
    {
        var byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{Articles.Count} article{(Articles.Count == 1 ? "" : "s")} in {Stories.Count} stor{(Stories.Count == 1 ? "y" : "ies")}");
        sb.Append(Errors.Count == 0 ? "; every input was read.\n" : $"; {Errors.Count} inputs could not be read.\n");
        var n = 0;
        foreach (var story in Stories)
        {
            n++;
            sb.Append(inv, $"\n== Story {n}: {story.Label}  ({story.Articles.Count} article{(story.Articles.Count == 1 ? "" : "s")}, id {story.Id})\n");
            if (StoryViews.FirstOrDefault(v => v.Id == story.Id) is { } view)
            {
                foreach (var line in StoryViewText.ToMarkdown(view).Split('\n'))
                {
                    sb.Append(line.Length == 0 ? "\n" : $"  {line}\n");
                }

                sb.Append("  ## Articles\n");
            }
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

        if (Links.Count > 0)
        {
            sb.Append("\nCopies:\n");
            foreach (var l in Links)
            {
                var a = byId[l.A];
                var b = byId[l.B];
                sb.Append(inv, $"  {System.IO.Path.GetFileName(b.Path)} {l.Kind.Replace('_', ' ')} of {System.IO.Path.GetFileName(a.Path)}");
                sb.Append(l.SharedParagraphs.Count > 0 ? $": carries {l.SharedParagraphs.Count} of its paragraphs and adds {b.Paragraphs.Count - l.SharedParagraphs.Count}\n" : "\n");
            }
        }

        if (Excluded.Count > 0)
        {
            sb.Append("\nNot articles (kept out of stories):\n");
            foreach (var e in Excluded)
            {
                sb.Append(inv, $"  {byId[e.Id].Path}: {e.Reason}\n");
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

public sealed record ReportExcluded(string Id, string Reason);

/// <summary>A copy link as users read it: B carries A's paragraphs (A is the likely origin).</summary>
public sealed record ReportLink(string A, string B, string Kind, double Similarity, IReadOnlyList<string> SharedParagraphs)
{
    public static ReportLink From(ArticleLink link, IReadOnlyDictionary<string, Article> byId)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(byId);
        var a = byId[link.A];
        var shared = link.SharedParagraphs.Where(p => p.A < a.Paragraphs.Length).Select(p => a.ParagraphText(a.Paragraphs[p.A])).ToList();
        var kind = link.Kind switch
        {
            LinkKind.ExactDuplicate => "exact_duplicate",
            LinkKind.NearDuplicate => "near_duplicate",
            _ => "shares_wire_copy",
        };
        return new ReportLink(link.A, link.B, kind, Math.Round(link.Similarity, 3), shared);
    }
}
