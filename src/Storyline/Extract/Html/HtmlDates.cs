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

    /// <summary>
    /// A machine-readable date (meta content, JSON-LD, datetime attribute); null when it is not one. A value that
    /// is written as text is read as <see cref="ParseText"/> reads it, with the same <paramref name="monthFirst"/>.
    /// </summary>
    public static (DateTimeOffset Value, bool HasTime)? ParseMachine(string? s, bool? monthFirst = null)
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

        return ParseText(s, monthFirst);
    }

    /// <summary>
    /// The first date written in words or digits in a short visible text ("October 16, 2019", "16.10.2019").
    /// <paramref name="monthFirst"/> reads a slashed date whose two numbers could both be the month ("03/04/2020"):
    /// true month first (as in the United States), false day first, null not at all.
    /// </summary>
    public static (DateTimeOffset Value, bool HasTime)? ParseText(string text, bool? monthFirst = null)
    {
        // Every form has a year in digits: most blocks (headings, menus, sentences without numbers) have none.
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return null;
        }

        foreach (Match m in TextDate().Matches(text))
        {
            int y, mo, d;
            if (m.Groups["iy"].Success)
            {
                y = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
                mo = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
                d = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
            }
            else if (m.Groups["sy"].Success)
            {
                // 23.09.22: German and other European short dates, day first, the century left out.
                var yy = int.Parse(m.Groups["sy"].Value, CultureInfo.InvariantCulture);
                y = yy < 70 ? 2000 + yy : 1900 + yy;
                mo = int.Parse(m.Groups["sm"].Value, CultureInfo.InvariantCulture);
                d = int.Parse(m.Groups["sd"].Value, CultureInfo.InvariantCulture);
            }
            else if (m.Groups["ny"].Success || m.Groups["uy"].Success)
            {
                // 16.10.2019 is day-first (European dots); 10/16/2019, 10-16-2019 or 10/16/19 is month-first when the
                // first number cannot be a month; slashes and dashes are read alike.
                var shortYear = m.Groups["uy"].Success;
                y = shortYear ? 2000 + int.Parse(m.Groups["uy"].Value, CultureInfo.InvariantCulture) : int.Parse(m.Groups["ny"].Value, CultureInfo.InvariantCulture);
                var a = int.Parse(m.Groups[shortYear ? "ua" : "na"].Value, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups[shortYear ? "ub" : "nb"].Value, CultureInfo.InvariantCulture);
                var sep = shortYear ? "/" : m.Groups["ns"].Value;
                if (sep != "." && a <= 12 && b > 12)
                {
                    (mo, d) = (a, b);
                }
                else if (sep != "." && a <= 12 && b <= 12)
                {
                    // 03/04/2020 is ambiguous: the page's locale decides, and without one it is not a date we can state.
                    if (monthFirst is not { } mf)
                    {
                        continue;
                    }

                    (mo, d) = mf ? (a, b) : (b, a);
                }
                else
                {
                    (d, mo) = (a, b);
                }
            }
            else
            {
                var form = m.Groups["m1"].Success ? "1" : m.Groups["m2"].Success ? "2" : "3";
                var monthWord = m.Groups["m" + form].Value.ToLowerInvariant().TrimEnd('.');
                if (!Months.TryGetValue(monthWord, out mo))
                {
                    continue;
                }

                d = int.Parse(m.Groups["d" + form].Value, CultureInfo.InvariantCulture);
                y = int.Parse(m.Groups["y" + form].Value, CultureInfo.InvariantCulture);
            }

            if (Valid(y, mo, d))
            {
                return (new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero), false);
            }
        }

        return null;
    }

    /// <summary>
    /// A month and year in words and nothing more ("June 2022", "Januar 2021", "mars 2020"), as the first of that
    /// month; null otherwise. Only a labelled stamp that gives no day is read so ("Last Updated: June 2022").
    /// </summary>
    public static DateTimeOffset? ParseMonthYear(string text)
    {
        var m = MonthYear().Match(text.Trim());
        if (!m.Success || !Months.TryGetValue(m.Groups["m"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
        {
            return null;
        }

        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return Valid(y, month, 1) ? new DateTimeOffset(y, month, 1, 0, 0, 0, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The date that opens a text, alone or after a short label or place ("29.11.2022 – …", "Pressemitteilung vom
    /// 25. Januar 2022 | Berlin – …", "Berlin, 28.10.2021 – …", "31. Oktober 2023. Dragqueens sind …", "(21. November 2022) Die …"),
    /// and is set off from it by a dash, a bar, a colon, a full stop or brackets; or null.
    /// </summary>
    public static string? OpensWithDate(string text)
    {
        // Only the opening is read: a paragraph's own sentences are never searched.
        var m = TextDate().Match(text.Length > 60 ? text[..60] : text);
        if (!m.Success || m.Index > 25 || (m.Index > 2 && !IsDatelineLabel(text.AsSpan(0, m.Index))))
        {
            return null;
        }

        var rest = text.AsSpan(m.Index + m.Length).TrimStart();
        // "(21. November 2022) Energieverbraucher erhalten …": a date in brackets is set off by them.
        var bracketed = m.Index > 0 && text[m.Index - 1] is '(' or '[' && rest.Length > 0 && rest[0] is ')' or ']';
        return bracketed || (rest.Length > 0 && rest[0] is '–' or '—' or '-' or '|' or ':' or '·' or '⋅' or '.') ? m.Value : null;
    }

    /// <summary>
    /// A relative stamp in a short block ("3 hours ago", "vor 2 Tagen", "il y a 5 minutes", "hace 2 días", "2 giorni
    /// fa", "há 3 horas", "2 uur geleden", "yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren"), as the
    /// day it names counted back from when the page was fetched; null when the block says no such thing. Months and
    /// years ago are too coarse to give a day.
    /// </summary>
    public static DateTimeOffset? ParseRelative(string text, DateTimeOffset fetchedAt)
    {
        if (text.Length > 60)
        {
            return null;
        }

        var m = RelativeDate().Match(text);
        if (!m.Success)
        {
            return null;
        }

        TimeSpan back;
        if (m.Groups["yesterday"].Success)
        {
            back = TimeSpan.FromDays(1);
        }
        else if (m.Groups["today"].Success)
        {
            back = TimeSpan.Zero;
        }
        else
        {
            var n = m.Groups["n"].Value.ToLowerInvariant() switch
            {
                "a" or "an" or "one" or "ein" or "einer" or "einem" or "un" or "une" or "uno" or "una" or "um" or "uma" or "een" => 1,
                var digits => int.Parse(digits, CultureInfo.InvariantCulture),
            };
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            back = unit.StartsWith("min", StringComparison.Ordinal) ? TimeSpan.FromMinutes(n)
                : unit[0] is 'w' || unit.StartsWith("se", StringComparison.Ordinal) ? TimeSpan.FromDays(7 * n)
                : unit[0] is 'h' or 'o' or 'u' || unit.StartsWith("st", StringComparison.Ordinal) ? TimeSpan.FromHours(n)
                : TimeSpan.FromDays(n);
        }

        var at = fetchedAt - back;
        return new DateTimeOffset(at.Year, at.Month, at.Day, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>A short label or place before a dateline's date: at most three words, no sentence's punctuation, no digits.</summary>
    private static bool IsDatelineLabel(ReadOnlySpan<char> label) =>
        label.IndexOfAny(".!?;0123456789") < 0 && label.Count(' ') <= 3;

    /// <summary>A full date in the URL path (/2019/10/16/, /2019-10-16-, /20191016/); null when absent or partial.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var m = UrlDate().Match(url);
        if (!m.Success && UrlDateYearLast().Match(url) is { Success: true } last)
        {
            // Year last: day and month are told apart only when one of them cannot be a month.
            var a = int.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(last.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(last.Groups[3].Value, CultureInfo.InvariantCulture);
            var (day, mon) = a > 12 ? (a, b) : b > 12 ? (b, a) : (0, 0);
            return Valid(year, mon, day) ? new DateTimeOffset(year, mon, day, 0, 0, 0, TimeSpan.Zero) : null;
        }

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
        var mo = int.Parse(m.Groups[m.Groups[2].Success ? 2 : 4].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[m.Groups[3].Success ? 3 : 5].Value, CultureInfo.InvariantCulture);
        return Valid(y, mo, d) ? new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero) : null;
    }

    private static bool Valid(int y, int mo, int d) =>
        y is >= 1990 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);

    private static Dictionary<string, int> BuildMonths()
    {
        // Names and abbreviations by month, in the nominative and (where a date uses it) the genitive: English,
        // German, French, Spanish, Italian, Dutch, Portuguese, Catalan, Scandinavian, Finnish, Polish, Czech, Slovak,
        // Romanian, Hungarian, Turkish, Indonesian, Russian, Ukrainian, Greek, Arabic (the Egyptian and Gulf names).
        // Croatian and Slovene are left out: their "listopad" is October, the Polish and Czech one November.
        var names = new[]
        {
            "january يناير jan januar január janvier janv enero ene gennaio gen januari janeiro jänner jän gener tammikuuta tammikuu stycznia styczeń styczen ledna leden januára ianuarie ocak января январь янв січня січень ιανουαρίου ιανουάριος ιαν",
            "february فبراير feb februar február février fevrier févr fevr febrero febbraio februari fevereiro fev febrer helmikuuta helmikuu lutego luty února únor februára februarie şubat subat февраля февраль фев лютого лютий φεβρουαρίου φεβρουάριος φεβ",
            "march مارس mar március märz maerz mär mars marzo maart mrt março marts mart març maaliskuuta maaliskuu marca marzec března březen marec martie maret марта март березня березень μαρτίου μάρτιος",
            "april أبريل ابريل apr április avril avr abril abr aprile abril huhtikuuta huhtikuu kwietnia kwiecień kwiecien dubna duben apríla aprilie nisan апреля апрель апр квітня квітень απριλίου απρίλιος",
            "may مايو mai május mayo maggio mei maio maj maig toukokuuta toukokuu maja května květen mája mayıs mayis мая май травня травень μαΐου μάιος",
            "june يونيو jun június juni juin junio giugno giu junho juny kesäkuuta kesäkuu czerwca czerwiec června červen júna iunie haziran июня июнь июн червня червень ιουνίου ιούνιος",
            "july يوليو jul július juli juillet juil julio luglio lug julho juliol heinäkuuta heinäkuu lipca lipiec července červenec júla iulie temmuz июля июль июл липня липень ιουλίου ιούλιος",
            "august أغسطس اغسطس aug augusztus août aout agosto ago augustus augusti agost elokuuta elokuu sierpnia sierpień sierpien srpna srpen augusta ağustos agustos agustus августа август авг серпня серпень αυγούστου αύγουστος",
            "september سبتمبر sep sept szeptember septembre septiembre settembre set setembro setembre syyskuuta syyskuu września wrzesień wrzesien září septembra septembrie eylül eylul сентября сентябрь сен сент вересня вересень σεπτεμβρίου σεπτέμβριος",
            "october أكتوبر اكتوبر oct október oktober octobre octubre ottobre ott okt outubro out octubre lokakuuta lokakuu października pazdziernika październik října říjen októbra octombrie ekim октября октябрь окт жовтня жовтень οκτωβρίου οκτώβριος",
            "november نوفمبر nov novembre noviembre novembro novembre marraskuuta marraskuu listopada listopad listopadu novembra noiembrie kasım kasim ноября ноябрь ноя листопада листопад νοεμβρίου νοέμβριος",
            "december ديسمبر dec dezember décembre decembre déc diciembre dic dicembre dez dezembro desember desembre joulukuuta joulukuu grudnia grudzień grudzien prosince prosinec decembra decembrie aralık aralik декабря декабрь дек грудня грудень δεκεμβρίου δεκέμβριος δεκ",
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

    // Digits are written [0-9], never \d: \d also matches Bengali, Arabic-Indic or Devanagari digits, which int.Parse refuses.
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})([T ][0-9]{1,2}:[0-9]{2}.*)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>
    /// A date in visible text: year-month-day with dashes, slashes, dots or CJK 年月日 / Korean 년월일; day.month.year
    /// or day/month/year or day-month-year in digits; dd.mm.yy with two digits each, and slashed dates with a two-digit
    /// year of this century (10/16/19); day month year ("16. Oktober 2019", "4 de mayo de 2022", "5 d'abril de 2020", "5th of March 2024", "04-ago-2021"); month
    /// day, year ("October 16, 2019"); and Hungarian year. month day. ("2020. február 19."). Day, month name and year may
    /// run together ("Feb 182009", "8.Dezember 2010"), as a theme's spans for each do in a block's text.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9.])(?:(?<iy>(?:19|20)[0-9]{2})(?:[-/.]|\s?[年년]\s?)(?<im>[0-9]{1,2})(?:[-/.]|\s?[月월]\s?)(?<id>[0-9]{1,2})(?![0-9])|(?<na>[0-9]{1,2})(?<ns>[./-])\s?(?<nb>[0-9]{1,2})\k<ns>\s?(?<ny>(?:19|20)[0-9]{2})(?:(?![0-9]|:[0-9])|(?=[0-2]?[0-9]:[0-5][0-9]))|(?:(?<!\p{L})|(?=[0-3][0-9]\.[01][0-9]\.[0-9]{2}[0-2]?[0-9]:[0-5][0-9]))(?<sd>[0-3][0-9])\.(?<sm>[01][0-9])\.(?<sy>[0-9]{2})(?:(?!\.?[0-9])|(?=[0-2]?[0-9]:[0-5][0-9]))|(?<![\p{L}/])(?<ua>[0-9]{1,2})/(?<ub>[0-9]{1,2})/(?<uy>[0-9]{2})(?![0-9/])|(?<d1>[0-9]{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s*(?:de\s+|of\s+|d['’])?|-)(?<m1>\p{L}{3,12}\.?)(?:\s+de)?(?:,?\s*|-)(?<y1>(?:19|20)[0-9]{2})(?![0-9])|(?<!\p{L})(?<m2>\p{L}{3,12}\.?)\s*(?<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?\s*(?<y2>(?:19|20)[0-9]{2})(?![0-9])|(?<y3>(?:19|20)[0-9]{2})\.\s+(?<m3>\p{L}{3,12})\.?\s+(?<d3>[0-9]{1,2})\.)", RegexOptions.CultureInvariant)]
    private static partial Regex TextDate();

    /// <summary>A full date in a URL's path: /2019/10/16/, /2019-10-16-, /20191016/, or /2017/7/12/ with month and day as path parts of their own.</summary>
    [GeneratedRegex(@"/((?:19|20)[0-9]{2})(?:[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12][0-9]|3[01])(?:[/_.-]|$)|/([1-9]|1[0-2])/([1-9]|[12][0-9]|3[01])/)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^(?<m>\p{L}{3,12}\.?)(?:\s+de)?\s+(?<y>(?:19|20)[0-9]{2})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"/((?:19|20)[0-9]{2})/([A-Za-z]{3,9})/(0?[1-9]|[12][0-9]|3[01])/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateMonthName();

    /// <summary>
    /// A relative stamp filling a short block, after an optional label ("Updated", "Veröffentlicht"): a count and a
    /// unit before "ago"/"fa"/"geleden" or after "vor"/"il y a"/"hace"/"há", or a word for yesterday or today, with
    /// an optional time after it ("today" only with one: alone it is as often a menu's label; French "hier" too,
    /// since it is also German and Dutch for "here").
    /// </summary>
    [GeneratedRegex(@"^\W{0,3}(?:[\p{L}]+\s*:?\s+){0,2}?(?:(?:(?<n>[0-9]{1,2}|an?|one|een)\s+(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|minuti|ore|giorni|settimane|minuten|uur|dagen|weken)\s+(?:ago|fa|geleden)|(?:vor|il\s+y\s+a|hace|há|ha)\s+(?<n>[0-9]{1,2}|einer|einem|ein|une?|una?|uma?)\s+(?<unit>minuten|minute|stunden|stunde|tagen|tag|wochen|woche|minutes?|heures?|jours?|semaines?|minutos?|horas?|días?|dias?|semanas?))|(?<yesterday>yesterday|gestern|ayer|ieri|ontem|gisteren)|(?<yesterday>hier)(?=\W{0,3}à?\s*[0-9])|(?<today>today|heute|aujourd'hui|hoy|oggi|hoje|vandaag)(?=\W{0,3}(?:at|um|à|a\s+las|alle|às|om)?\s*[0-9]))(?:\W{0,3}(?:at|um|à|a\s+las|alle|às|om)?\s*[0-9]{1,2}[:.h][0-9]{2}\s*(?:am|pm|uhr|h)?)?\W{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDate();

    /// <summary>A path part that is a date with the year last: /29-10-2021, /10-29-2021/, /29.10.2021-title.</summary>
    [GeneratedRegex(@"/([0-9]{2})[-_.]([0-9]{2})[-_.]((?:19|20)[0-9]{2})(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateYearLast();
}
