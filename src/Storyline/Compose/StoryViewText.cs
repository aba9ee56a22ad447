using System.Globalization;
using System.Net;
using System.Text;

namespace Storyline.Compose;

/// <summary>The story view for people: Markdown for terminals and notes, a self-contained HTML page (no script, every text escaped).</summary>
public static class StoryViewText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ToMarkdown(StoryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var n = SourceNumbers(view);
        var sb = new StringBuilder();
        sb.Append(Inv, $"# {view.Headline.Text}\n\n");
        sb.Append(Inv, $"Story {view.Id} · {Plural(view.Articles.Length, "article")} from {Plural(view.Coverage.Outlets.Length, "outlet")}");
        sb.Append(view.FirstDate is null ? " · undated\n" : view.FirstDate == view.LastDate ? $" · {view.FirstDate}\n" : $" · {view.FirstDate} to {view.LastDate}\n");
        if (view.Headline.Source == "generated")
        {
            sb.Append("(headline generated: no article has a title)\n");
        }

        if (view.Summary.Length > 0)
        {
            sb.Append("\n## What happened\n\n");
            foreach (var s in view.Summary)
            {
                sb.Append(Inv, $"- {s.Text} {Cite(s.Sources.Select(c => c.ArticleId), n)}\n");
            }
        }

        if (view.Timeline.Length > 0)
        {
            sb.Append("\n## Timeline\n\n");
            foreach (var e in view.Timeline)
            {
                var who = e.Speaker is null ? "" : $"{e.Speaker}: ";
                var how = e.Date.Text is null ? e.Date.Source.Replace('_', ' ') : $"{e.Date.Source} from \"{e.Date.Text}\"";
                sb.Append(Inv, $"- **{e.Date.Display}** ({how}) — {who}{AnalysisReport.Shorten(e.Text, 220)} {Cite(e.Sources.Select(c => c.ArticleId), n)}\n");
            }
        }

        if (view.Quotes.Length > 0)
        {
            sb.Append("\n## Who said what\n");
            foreach (var speaker in view.Quotes)
            {
                sb.Append(Inv, $"\n### {speaker.Speaker}\n\n");
                foreach (var q in speaker.Quotes)
                {
                    var text = q.Kind == "direct" ? $"“{q.Text}”" : q.Text;
                    sb.Append(Inv, $"- {text} ({q.Kind}) — {string.Join(", ", q.Sources.Select(s => s.Outlet).Distinct())} {Cite(q.Sources.Select(c => c.ArticleId), n)}\n");
                }
            }
        }

        if (view.Figures.Length > 0)
        {
            sb.Append("\n## Figures\n\n| what | value | when | who says so | reported in |\n|---|---|---|---|---|\n");
            foreach (var f in view.Figures)
            {
                sb.Append(Inv, $"| {Cell(f.Category)}: {Cell(f.Counted)} | {Cell(f.Value)} | {Cell(f.When ?? "")} | {Cell(f.Source ?? "not attributed")} | {Cite(f.Sources.Select(c => c.ArticleId), n)} |\n");
            }
        }

        if (view.Disagreements.Length > 0)
        {
            sb.Append("\n### Where sources disagree\n\n");
            foreach (var d in view.Disagreements)
            {
                var sides = d.Figures.Select(i => view.Figures[i]).Select(f => $"{f.Value} (per {f.Source ?? "unattributed"}, {Cite(f.Sources.Select(c => c.ArticleId), n)})");
                sb.Append(Inv, $"- {d.Quantity}: {string.Join(" vs ", sides)}\n");
            }
        }

        var groups = new[] { ("People", view.Entities.People), ("Organisations", view.Entities.Organisations), ("Places", view.Entities.Places) };
        if (groups.Any(g => g.Item2.Length > 0))
        {
            sb.Append("\n## People, organisations, places\n");
            foreach (var (title, list) in groups.Where(g => g.Item2.Length > 0))
            {
                sb.Append(Inv, $"\n**{title}:** ");
                sb.AppendJoin("; ", list.Take(15).Select(e =>
                {
                    var extra = new List<string> { $"{e.Mentions}×" };
                    extra.AddRange(e.Roles.Take(2));
                    return $"{e.Name} ({string.Join(", ", extra)})";
                }));
                sb.Append(list.Length > 15 ? $"; and {list.Length - 15} more\n" : "\n");
            }
        }

        sb.Append("\n## Coverage\n\n| outlet | articles | summary lines | only here | own paragraphs | |\n|---|---|---|---|---|---|\n");
        foreach (var o in view.Coverage.Outlets)
        {
            sb.Append(Inv, $"| {Cell(o.Outlet)} | {Cite(o.ArticleIds, n)} | {o.Facts.Length} of {view.Coverage.Facts} | {o.OnlyHere.Length} | {o.OwnParagraphs} | {(o.WireCopyOnly ? "wire copy only" : "")} |\n");
        }

        if (view.Copies.Length > 0)
        {
            sb.Append("\n## Copies\n\n");
            foreach (var c in view.Copies)
            {
                var what = c.Kind switch
                {
                    "exact_duplicate" => "is an exact duplicate of",
                    "near_duplicate" => "is a near duplicate of",
                    _ => "carries the wire copy of",
                };
                sb.Append(Inv, $"- {Cite([c.Copy], n)} {what} {Cite([c.Origin], n)} (likely origin): {Plural(c.SharedParagraphs, "shared paragraph")}, {c.AddedParagraphs} added\n");
            }
        }

        if (view.Notes.Length > 0)
        {
            sb.Append("\n## Notes\n\n");
            foreach (var note in view.Notes)
            {
                sb.Append(Inv, $"- {note}\n");
            }
        }

        sb.Append("\n## Sources\n\n");
        foreach (var a in view.Articles)
        {
            sb.Append(Inv, $"[{n[a.Id]}] {a.Outlet} — {a.Title ?? "(no title)"} · {a.Date ?? "undated"} · {a.Id[..Math.Min(12, a.Id.Length)]} · {a.Url ?? a.Origin}\n");
        }

        return sb.ToString();
    }

    public static string ToHtml(StoryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var n = SourceNumbers(view);
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        sb.Append(Inv, $"<title>{E(view.Headline.Text)}</title>\n");
        sb.Append("<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #8888;padding:.2rem .4rem;text-align:left}sup{font-size:.7em}.dis{background:#fd04}@media(prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#8cf}}</style>\n");
        sb.Append("</head><body>\n");
        sb.Append(Inv, $"<h1>{E(view.Headline.Text)}</h1>\n<p>{Plural(view.Articles.Length, "article")} from {Plural(view.Coverage.Outlets.Length, "outlet")}{(view.FirstDate is null ? ", undated" : $", {E(view.FirstDate)} to {E(view.LastDate ?? "")}")}</p>\n");
        if (view.Summary.Length > 0)
        {
            sb.Append("<h2>What happened</h2>\n<ul>\n");
            foreach (var s in view.Summary)
            {
                sb.Append(Inv, $"<li>{E(s.Text)} {HtmlCite(s.Sources.Select(c => c.ArticleId), n)}</li>\n");
            }

            sb.Append("</ul>\n");
        }

        if (view.Timeline.Length > 0)
        {
            sb.Append("<h2>Timeline</h2>\n<ol>\n");
            foreach (var e in view.Timeline)
            {
                sb.Append(Inv, $"<li><b>{E(e.Date.Display)}</b> <small>({E(e.Date.Source.Replace('_', ' '))})</small> {(e.Speaker is null ? "" : E(e.Speaker) + ": ")}{E(e.Text)} {HtmlCite(e.Sources.Select(c => c.ArticleId), n)}</li>\n");
            }

            sb.Append("</ol>\n");
        }

        if (view.Quotes.Length > 0)
        {
            sb.Append("<h2>Who said what</h2>\n");
            foreach (var speaker in view.Quotes)
            {
                sb.Append(Inv, $"<h3>{E(speaker.Speaker)}</h3>\n<ul>\n");
                foreach (var q in speaker.Quotes)
                {
                    sb.Append(Inv, $"<li>{(q.Kind == "direct" ? $"<q>{E(q.Text)}</q>" : E(q.Text))} <small>({E(q.Kind)}; {E(string.Join(", ", q.Sources.Select(s => s.Outlet).Distinct()))})</small> {HtmlCite(q.Sources.Select(c => c.ArticleId), n)}</li>\n");
                }

                sb.Append("</ul>\n");
            }
        }

        if (view.Figures.Length > 0)
        {
            var disputed = view.Disagreements.SelectMany(d => d.Figures).ToHashSet();
            sb.Append("<h2>Figures</h2>\n<table><tr><th>what</th><th>value</th><th>when</th><th>who says so</th><th>in</th></tr>\n");
            for (var i = 0; i < view.Figures.Length; i++)
            {
                var f = view.Figures[i];
                sb.Append(Inv, $"<tr{(disputed.Contains(i) ? " class=\"dis\"" : "")}><td>{E(f.Category)}: {E(f.Counted)}</td><td>{E(f.Value)}</td><td>{E(f.When ?? "")}</td><td>{E(f.Source ?? "not attributed")}</td><td>{HtmlCite(f.Sources.Select(c => c.ArticleId), n)}</td></tr>\n");
            }

            sb.Append("</table>\n");
            foreach (var d in view.Disagreements)
            {
                sb.Append(Inv, $"<p class=\"dis\"><b>Sources disagree on {E(d.Quantity)}:</b> {string.Join(" vs ", d.Figures.Select(i => view.Figures[i]).Select(f => $"{E(f.Value)} (per {E(f.Source ?? "unattributed")})"))}</p>\n");
            }
        }

        sb.Append("<h2>Coverage</h2>\n<table><tr><th>outlet</th><th>articles</th><th>summary lines</th><th>only here</th><th>own paragraphs</th><th></th></tr>\n");
        foreach (var o in view.Coverage.Outlets)
        {
            sb.Append(Inv, $"<tr><td>{E(o.Outlet)}</td><td>{HtmlCite(o.ArticleIds, n)}</td><td>{o.Facts.Length} of {view.Coverage.Facts}</td><td>{o.OnlyHere.Length}</td><td>{o.OwnParagraphs}</td><td>{(o.WireCopyOnly ? "wire copy only" : "")}</td></tr>\n");
        }

        sb.Append("</table>\n");
        if (view.Copies.Length > 0)
        {
            sb.Append("<h2>Copies</h2>\n<ul>\n");
            foreach (var c in view.Copies)
            {
                sb.Append(Inv, $"<li>[{n[c.Copy]}] carries {c.SharedParagraphs} paragraphs of [{n[c.Origin]}] ({E(c.Kind.Replace('_', ' '))}) and adds {c.AddedParagraphs}</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<h2>Sources</h2>\n<ol>\n");
        foreach (var a in view.Articles)
        {
            sb.Append(Inv, $"<li id=\"src-{n[a.Id]}\">{E(a.Outlet)} — {E(a.Title ?? "(no title)")} · {E(a.Date ?? "undated")} · <code>{E(a.Id)}</code></li>\n");
        }

        sb.Append("</ol>\n</body></html>\n");
        return sb.ToString();
    }

    private static Dictionary<string, int> SourceNumbers(StoryView view) =>
        view.Articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i + 1, StringComparer.Ordinal);

    private static string Cite(IEnumerable<string> ids, Dictionary<string, int> n) =>
        string.Concat(ids.Distinct(StringComparer.Ordinal).Where(n.ContainsKey).Select(id => n[id]).Order().Select(i => $"[{i}]"));

    private static string HtmlCite(IEnumerable<string> ids, Dictionary<string, int> n) =>
        string.Concat(ids.Distinct(StringComparer.Ordinal).Where(n.ContainsKey).Select(id => n[id]).Order().Select(i => $"<sup><a href=\"#src-{i}\">[{i}]</a></sup>"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
