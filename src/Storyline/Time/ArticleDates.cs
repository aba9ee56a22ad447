using System.Collections.Immutable;
using System.Globalization;
using Storyline.Model;

namespace Storyline.Time;

/// <summary>Where the date given to a span of text came from.</summary>
public enum SpanDateSource
{
    /// <summary>The span's own time expression.</summary>
    Text,

    /// <summary>No expression of its own: the article's date, flagged as such.</summary>
    ArticleDate,

    /// <summary>Neither: the span has no expression and the article no trustworthy date.</summary>
    Unknown,
}

/// <summary>The date a span of an article speaks of, with where it came from.</summary>
/// <param name="Value">A TimeML value (2020-02-11, XXXX-02-11, 2018-09), or null when <see cref="Source"/> is Unknown.</param>
/// <param name="Resolution">How the value was reached.</param>
/// <param name="Source">The span's own expression, or the article's date.</param>
/// <param name="Expression">The expression that gave the date, when <see cref="Source"/> is Text.</param>
public sealed record SpanDate(string? Value, TimexResolution Resolution, SpanDateSource Source, TimeExpression? Expression);

/// <summary>
/// What an article's text says about time: its expressions (spans of <see cref="Article.Text"/>), the page date and
/// whether the content contradicts it, and the reference date the relative expressions were resolved against.
/// Immutable; safe to share.
/// </summary>
public sealed record ArticleDating
{
    /// <summary>The date the page gives for itself (the extractor's, or a date line at its top), or null.</summary>
    public PageDate? PageDate { get; init; }

    /// <summary>The date relative expressions were resolved against; null when the page date is missing or contradicted.</summary>
    public TimeReference? Reference { get; init; }

    /// <summary>True when the content speaks of times the page date cannot be the date of.</summary>
    public bool PageDateContradicted { get; init; }

    /// <summary>A sentence for the user when the page date is missing or contradicted; else null.</summary>
    public string? Note { get; init; }

    /// <summary>The time expressions of the article's text, resolved against <see cref="Reference"/>.</summary>
    public ImmutableArray<TimeExpression> Expressions { get; init; } = [];

    /// <summary>Every date found for the page: the page's own candidates and the full dates its content states, each with its source.</summary>
    public ImmutableArray<PageDate> Candidates { get; init; } = [];

    /// <summary>The explicit calendar dates of the content (a year stated, or a day and month), in text order.</summary>
    public ImmutableArray<TimeExpression> ContentDates { get; init; } = [];
}

/// <summary>
/// Dates articles and their sentences: finds the dates the content speaks of, says when the page date is
/// contradicted by them (a crawl stamp years after the events), and gives each span the date it speaks of.
/// Stateless and thread-safe.
/// </summary>
public static class ArticleDates
{
    /// <summary>A month-day without a year is written about days within weeks of the page's date; beyond this the page date is suspect.</summary>
    private const int YearlessDayWindow = 75;

    public static ArticleDating Analyze(Article article, TimeTagger? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        tagger ??= TimeTagger.Default;
        var text = article.Text;

        // The page's own date: what the extractor found, else a line at the top of the page that is only a date
        // ("10:04 GMT17 June 2021"), which is then not part of what the content says.
        var pageDate = article.Date ?? article.DateCandidates.FirstOrDefault();
        var stampSpan = (Start: -1, End: -1);
        if (pageDate is null)
        {
            (pageDate, stampSpan) = FindDateLine(text, tagger);
        }
        else if (text.Contains(pageDate.Text, StringComparison.Ordinal) && pageDate.Text.Length > 0)
        {
            var at = text.IndexOf(pageDate.Text, StringComparison.Ordinal);
            stampSpan = (at, at + pageDate.Text.Length);
        }

        // A wire stamp at the top ("APW20000107.0088  NEWS STORY  2000-01-07 03:03") dates the writing: a page date
        // days after it is a re-publication or a crawl, so the stamp is the reference and both are kept.
        PageDate? wireStamp = null;
        if (pageDate is not null)
        {
            var (line, span) = FindDateLine(text, tagger);
            if (line is not null && line.Value.UtcDateTime.Date < pageDate.Value.UtcDateTime.Date)
            {
                wireStamp = line with { Source = "text:wire-stamp" };
                stampSpan = span;
            }
        }

        // First pass without a reference: what the content states on its own.
        var stated = tagger.Tag(text).Where(e => e.Start >= stampSpan.End || e.End <= stampSpan.Start).ToList();
        var contentDates = stated.Where(e => e.Type is TimexType.Date or TimexType.Time && IsCalendar(e.Value)).ToImmutableArray();

        var contradicted = false;
        string? note = null;
        if (wireStamp is not null)
        {
            contradicted = true;
            note = $"Page date {pageDate!.Day} ({pageDate.Source}: \"{pageDate.Text}\") is later than the wire stamp {wireStamp.Day} at the top of the text: "
                + "it is likely a re-publication or crawl stamp; both are kept, and relative dates are resolved against the stamp.";
            var (stampContradicted, stampNote) = CheckContradiction(wireStamp, DateOnly.FromDateTime(wireStamp.Value.UtcDateTime), contentDates);
            if (stampContradicted)
            {
                note = stampNote;
                wireStamp = null; // the content contradicts the stamp too: neither is a reference
            }
        }
        else if (pageDate is not null)
        {
            var day = DateOnly.FromDateTime(pageDate.Value.UtcDateTime);
            (contradicted, note) = CheckContradiction(pageDate, day, contentDates);
        }
        else
        {
            note = "The page gives no date: relative dates (\"on Tuesday\", \"last week\") and years left unstated stay unresolved.";
        }

        TimeReference? reference = wireStamp is not null
            ? new TimeReference(DateOnly.FromDateTime(wireStamp.Value.UtcDateTime), wireStamp.Source)
            : pageDate is not null && !contradicted
            ? new TimeReference(DateOnly.FromDateTime(pageDate.Value.UtcDateTime), pageDate.Source)
            : null;
        var expressions = tagger.Tag(text, reference).Where(e => e.Start >= stampSpan.End || e.End <= stampSpan.Start).ToImmutableArray();

        var candidates = ImmutableArray.CreateBuilder<PageDate>();
        if (pageDate is not null)
        {
            candidates.Add(pageDate);
        }

        if (wireStamp is not null)
        {
            candidates.Add(wireStamp);
        }

        foreach (var c in article.DateCandidates)
        {
            if (!candidates.Contains(c))
            {
                candidates.Add(c);
            }
        }

        foreach (var e in contentDates)
        {
            if (e.Value.Length == 10 && DateOnly.TryParseExact(e.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                candidates.Add(new PageDate(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), false, text.Substring(e.Start, e.Length), "text:content"));
            }
        }

        return new ArticleDating
        {
            PageDate = pageDate,
            Reference = reference,
            PageDateContradicted = contradicted,
            Note = note,
            Expressions = expressions,
            Candidates = candidates.ToImmutable(),
            ContentDates = contentDates,
        };
    }

    /// <summary>
    /// The date a span (a sentence, a quote, a figure) speaks of: its own first date or time expression, else the
    /// article's date flagged <see cref="SpanDateSource.ArticleDate"/>, else unknown.
    /// </summary>
    public static SpanDate DateOf(ArticleDating dating, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(dating);
        var end = start + length;
        TimeExpression? fuzzy = null;
        foreach (var e in dating.Expressions)
        {
            if (e.Start >= end)
            {
                break;
            }

            if (e.End <= start || e.Type is TimexType.Duration or TimexType.Set)
            {
                continue;
            }

            if (e.Value.EndsWith("_REF", StringComparison.Ordinal))
            {
                fuzzy ??= e;
                continue;
            }

            return new SpanDate(e.Value, e.Resolution, SpanDateSource.Text, e);
        }

        if (dating.Reference is { } r)
        {
            return new SpanDate(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimexResolution.Resolved, SpanDateSource.ArticleDate, fuzzy);
        }

        return new SpanDate(null, TimexResolution.Unresolved, SpanDateSource.Unknown, fuzzy);
    }

    private static bool IsCalendar(string value) =>
        value.Length >= 4 && (char.IsAsciiDigit(value[0]) || value.StartsWith("XXXX-", StringComparison.Ordinal)) && !value.Contains('W', StringComparison.Ordinal)
        && (char.IsAsciiDigit(value[0]) || (value.Length >= 10 && char.IsAsciiDigit(value[8])) || (value.Length == 7 && char.IsAsciiDigit(value[5])));

    private static (bool, string?) CheckContradiction(PageDate pageDate, DateOnly day, ImmutableArray<TimeExpression> contentDates)
    {
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Full dates of past events after the page's date: the page date cannot be the publication date.
        var later = contentDates.Where(e => e.Value.Length >= 10 && DateOnly.TryParseExact(e.Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.DayNumber - day.DayNumber > 1).ToList();

        // Days named without a year ("January 10") are recent to the writer: far from the page date, it is suspect.
        var yearless = contentDates.Where(e => e.Value.StartsWith("XXXX-", StringComparison.Ordinal) && e.Value.Length >= 10).ToList();
        var far = yearless.Count > 0 && yearless.All(e => NearestDistance(e.Value, day) > YearlessDayWindow);

        if (!far && later.Count == 0)
        {
            return (false, null);
        }

        var reasons = new List<string>();
        if (far)
        {
            var names = string.Join(", ", yearless.Select(e => e.Value[5..]).Distinct());
            reasons.Add($"the content names days without a year ({names}) that lie more than {YearlessDayWindow} days from it, which a news page writes only of days within weeks of its date");
        }

        if (later.Count > 0)
        {
            reasons.Add($"the content dates events after it ({string.Join(", ", later.Select(e => e.Value).Distinct())})");
        }

        var note = $"Page date {dayText} ({pageDate.Source}: \"{pageDate.Text}\") is contradicted by the content: {string.Join("; ", reasons)}. "
            + "It is likely a crawl or update stamp; both are kept, and years the content leaves unstated stay unknown.";
        return (true, note);
    }

    /// <summary>Days between a yearless month-day (XXXX-MM-DD) and its nearest occurrence around <paramref name="day"/>.</summary>
    private static int NearestDistance(string value, DateOnly day)
    {
        if (!int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d) || m is < 1 or > 12)
        {
            return 0;
        }

        var best = int.MaxValue;
        for (var y = day.Year - 1; y <= day.Year + 1; y++)
        {
            var dd = Math.Min(d, DateTime.DaysInMonth(y, m));
            best = Math.Min(best, Math.Abs(new DateOnly(y, m, dd).DayNumber - day.DayNumber));
        }

        return best;
    }

    private static (PageDate?, (int, int)) FindDateLine(string text, TimeTagger tagger)
    {
        var lineStart = 0;
        for (var lines = 0; lines < 5 && lineStart < text.Length; lines++)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = line.Trim();
            if (trimmed.Length is > 0 and < 60)
            {
                var found = new List<TimeExpression>();
                tagger.Tag(line, null, found);
                for (var x = 0; x < found.Count; x++)
                {
                    var e = found[x];
                    if (!TryDay(e.Value, out var day, out var hasTime, out var time))
                    {
                        continue;
                    }

                    // "2000-01-07 03:03" comes as a day and a clock time on that day: one stamp.
                    // (Without a reference the clock time's day stays XXXX-XX-XX; the day before it is its day.)
                    if (!hasTime && x + 1 < found.Count && found[x + 1] is { Type: TimexType.Time } t && t.Value.Length >= 16 && t.Value[10] == 'T'
                        && line[e.End..t.Start].IsWhiteSpace() && TimeOnly.TryParseExact(t.Value.AsSpan(11, 5), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                    {
                        hasTime = true;
                        e = e with { Length = t.End - e.Start };
                    }

                    // The date fills the line, or it is a stamp: a day with its clock time among capitals and
                    // numbers ("APW20000107.0088  NEWS STORY  2000-01-07 03:03"; an all-capital headline has no time).
                    if (e.Length * 10 >= trimmed.Length * 7 || (hasTime && NoLowercaseOutside(line, e.Start, e.End)))
                    {
                        var when = new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero);
                        var words = line.Slice(e.Start, e.Length).ToString();
                        return (new PageDate(when, hasTime, words, "text:date-line"), (lineStart + e.Start, lineStart + e.End));
                    }
                }
            }

            if (nl < 0)
            {
                break;
            }

            lineStart = nl + 1;
        }

        return (null, (-1, -1));
    }

    private static bool NoLowercaseOutside(ReadOnlySpan<char> line, int start, int end)
    {
        for (var k = 0; k < line.Length; k++)
        {
            if ((k < start || k >= end) && char.IsLower(line[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDay(string value, out DateOnly day, out bool hasTime, out TimeOnly time)
    {
        hasTime = false;
        time = TimeOnly.MinValue;
        if (value.Length < 10 || !DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            day = default;
            return false;
        }

        if (value.Length >= 16 && value[10] == 'T' && TimeOnly.TryParseExact(value[11..16], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            hasTime = true;
        }

        return true;
    }
}
