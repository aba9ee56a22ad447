using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extract.Html;

/// <summary>
/// Reads dates as pages write them: ISO 8601 and its common variants in markup, and day-month-year or
/// month-day-year with month names (English, German, French, Spanish, Italian, Dutch, Portuguese) in visible
/// text. The written time zone is kept, so the day is the page's own. Stateless and thread-safe.
/// </summary>
internal static partial class HtmlDates
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>A machine-readable date (meta content, JSON-LD, datetime attribute); null when it is not one.</summary>
    public static (DateTimeOffset Value, bool HasTime)? ParseMachine(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        s = s.Trim();
        var m = IsoDate().Match(s);
        if (m.Success)
        {
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (!Valid(y, mo, d))
            {
                return null;
            }

            if (m.Groups[4].Success && DateTimeOffset.TryParse(s[m.Index..].Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full) && full.Year == y)
            {
                // The day as written: a "T23:30:00-05:00" stamp is still that day where it was published.
                return (new DateTimeOffset(new DateTime(y, mo, d, full.Hour, full.Minute, full.Second, DateTimeKind.Unspecified), full.Offset), true);
            }

            return (new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero), false);
        }

        // RFC 1123, as HTTP writes it: "Wed, 04 May 2022 02:41:00 GMT".
        if (s.EndsWith("GMT", StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact(s, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rfc))
        {
            return (rfc, true);
        }

        // Compact 20191016 or epoch seconds/milliseconds.
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (s.Length == 8 && Valid((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100)))
            {
                return (new DateTimeOffset((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100), 0, 0, 0, TimeSpan.Zero), false);
            }

            if (s.Length is 10 or 13)
            {
                var seconds = s.Length == 13 ? n / 1000 : n;
                var v = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return v.Year is >= 1995 and <= 2100 ? (v, true) : null;
            }
        }

        return ParseText(s);
    }

    /// <summary>The first date written in words or digits in a short visible text ("October 16, 2019", "16.10.2019").</summary>
    public static (DateTimeOffset Value, bool HasTime)? ParseText(string text)
    {
        foreach (Match m in TextDate().Matches(text))
        {
            int y, mo, d;
            if (m.Groups["iy"].Success)
            {
                y = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
                mo = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
                d = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
            }
            else if (m.Groups["ny"].Success)
            {
                // 16.10.2019 is day-first (European dots); 10/16/2019 is month-first when the first number cannot be a month.
                y = int.Parse(m.Groups["ny"].Value, CultureInfo.InvariantCulture);
                var a = int.Parse(m.Groups["na"].Value, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups["nb"].Value, CultureInfo.InvariantCulture);
                var sep = m.Groups["ns"].Value;
                if (sep == "/" && a <= 12 && b > 12)
                {
                    (mo, d) = (a, b);
                }
                else if (sep == "/" && a <= 12 && b <= 12)
                {
                    // 03/04/2020 is ambiguous: not a date we can state.
                    continue;
                }
                else
                {
                    (d, mo) = (a, b);
                }
            }
            else
            {
                var monthWord = (m.Groups["m1"].Success ? m.Groups["m1"] : m.Groups["m2"]).Value.ToLowerInvariant().TrimEnd('.');
                if (!Months.TryGetValue(monthWord, out mo))
                {
                    continue;
                }

                d = int.Parse((m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"]).Value, CultureInfo.InvariantCulture);
                y = int.Parse((m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"]).Value, CultureInfo.InvariantCulture);
            }

            if (Valid(y, mo, d))
            {
                return (new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero), false);
            }
        }

        return null;
    }

    /// <summary>The date that opens a text and is set off from it by a dash, a bar or a colon, or null.</summary>
    public static string? OpensWithDate(string text)
    {
        // Only the opening is read: a paragraph's own sentences are never searched.
        var m = TextDate().Match(text.Length > 40 ? text[..40] : text);
        if (!m.Success || m.Index > 2)
        {
            return null;
        }

        var rest = text.AsSpan(m.Index + m.Length).TrimStart();
        return rest.Length > 0 && rest[0] is '–' or '—' or '-' or '|' or ':' or '·' or '⋅' ? m.Value : null;
    }

    /// <summary>A full date in the URL path (/2019/10/16/, /2019-10-16-, /20191016/); null when absent or partial.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var m = UrlDate().Match(url);
        if (!m.Success)
        {
            // /2023/october/03/: the month by its English name.
            m = UrlDateMonthName().Match(url);
            if (!m.Success || !Months.TryGetValue(m.Groups[2].Value.ToLowerInvariant(), out var month) || m.Groups[2].Value.Length < 3)
            {
                return null;
            }

            var yy = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var dd = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return Valid(yy, month, dd) ? new DateTimeOffset(yy, month, dd, 0, 0, 0, TimeSpan.Zero) : null;
        }

        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return Valid(y, mo, d) ? new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero) : null;
    }

    private static bool Valid(int y, int mo, int d) =>
        y is >= 1990 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);

    private static Dictionary<string, int> BuildMonths()
    {
        var names = new[]
        {
            "january jan januar janvier enero gennaio januari janeiro jänner",
            "february feb februar février fevrier febrero febbraio februari fevereiro",
            "march mar märz maerz mars marzo maart março",
            "april apr avril abril aprile",
            "may mai mayo maggio mei maio",
            "june jun juni juin junio giugno junho",
            "july jul juli juillet julio luglio julho",
            "august aug août aout agosto augustus",
            "september sep sept septembre septiembre settembre setembro",
            "october oct oktober octobre octubre ottobre okt outubro",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre decembre diciembre dicembre dez dezembro",
        };
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var n in names[i].Split(' '))
            {
                map.TryAdd(n, i + 1);
            }
        }

        return map;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})([T ]\d{1,2}:\d{2}.*)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.])(?:(?<iy>(?:19|20)\d{2})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})(?!\d)|(?<na>\d{1,2})(?<ns>[./])\s?(?<nb>\d{1,2})\k<ns>\s?(?<ny>(?:19|20)\d{2})(?!\d)|(?<d1>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?<m1>[A-Za-zÀ-ÿ]{3,10}\.?)(?:\s+de)?,?\s+(?<y1>(?:19|20)\d{2})(?!\d)|(?<m2>[A-Za-zÀ-ÿ]{3,10}\.?)\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>(?:19|20)\d{2})(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex TextDate();

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/((?:19|20)\d{2})/([A-Za-z]{3,9})/(0?[1-9]|[12]\d|3[01])/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateMonthName();
}
