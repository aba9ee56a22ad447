using System.Globalization;
using Storyline.Time;

namespace Storyline.Compose;

/// <summary>TimeML values as the story view shows and orders them: unknown years stay unknown, and sort after known ones.</summary>
internal static class Dates
{
    public static ViewDate Unknown { get; } = new(null, "unknown", null, "date unknown");

    public static ViewDate View(SpanDate date, string text)
    {
        var words = date.Expression is { } e && e.End <= text.Length ? text.Substring(e.Start, e.Length) : null;
        var source = date.Source switch
        {
            SpanDateSource.ArticleDate => "article_date",
            SpanDateSource.Unknown => "unknown",
            _ => date.Resolution switch
            {
                TimexResolution.Explicit => "explicit",
                TimexResolution.Resolved => "resolved",
                _ => "unresolved",
            },
        };
        if (date.Source != SpanDateSource.Text)
        {
            words = null;
        }

        var display = date.Value is null ? "date unknown" : Display(date.Value);
        return new ViewDate(date.Value, source, words, display);
    }

    /// <summary>A value that places a line on a calendar: a year is known, or at least a month of an unknown year.</summary>
    public static bool IsCalendar(string? value)
    {
        if (value is null || value.Length < 4)
        {
            return false;
        }

        if (char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3]))
        {
            return true;
        }

        return value.StartsWith("XXXX-", StringComparison.Ordinal) && value.Length >= 7 && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]);
    }

    /// <summary>An ordinal key: known years first in calendar order, then unknown years by month and day, then undated.</summary>
    public static string SortKey(string? value)
    {
        if (!IsCalendar(value))
        {
            return "2";
        }

        var known = char.IsAsciiDigit(value![0]);
        var year = known ? value[..4] : "0000";
        var month = 0;
        var day = 0;
        if (value.Length >= 7)
        {
            var part = value.AsSpan(5, 2);
            if (char.IsAsciiDigit(part[0]) && char.IsAsciiDigit(part[1]))
            {
                month = int.Parse(part, CultureInfo.InvariantCulture);
            }
            else if (value[5] == 'Q' && char.IsAsciiDigit(value[6]))
            {
                month = ((value[6] - '1') * 3) + 1;
            }
            else if (known && value[5] == 'W' && value.Length >= 8 && int.TryParse(value.AsSpan(6, 2), CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 53)
            {
                // The week's Monday (its weekend: Saturday) places it among the days.
                var monday = ISOWeek.ToDateTime(int.Parse(year, CultureInfo.InvariantCulture), week, value.EndsWith("-WE", StringComparison.Ordinal) ? DayOfWeek.Saturday : DayOfWeek.Monday);
                month = monday.Month;
                day = monday.Day;
            }
            else
            {
                month = part switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 0 };
            }
        }

        if (value.Length >= 10 && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9]))
        {
            day = int.Parse(value.AsSpan(8, 2), CultureInfo.InvariantCulture);
        }

        var time = value.Length > 10 && value[10] == 'T' ? value[11..] switch
        {
            "MO" => "08:00",
            "MI" => "12:00",
            "AF" => "15:00",
            "EV" => "19:00",
            "NI" => "22:00",
            "DT" => "12:00",
            var t => t,
        } : "";
        return string.Create(CultureInfo.InvariantCulture, $"{(known ? 0 : 1)}{year}{month:00}{day:00}{time}");
    }

    /// <summary>"11 February 2020", "September 2018", "11 February, year unknown", "Q4 2019", "week 7 of 2020".</summary>
    public static string Display(string value)
    {
        var inv = CultureInfo.InvariantCulture;
        var known = value.Length >= 4 && char.IsAsciiDigit(value[0]);
        var unknownYear = value.StartsWith("XXXX-", StringComparison.Ordinal);
        if (!known && !unknownYear)
        {
            return value;
        }

        var year = unknownYear ? ", year unknown" : " " + value[..4];
        if (value.Length == 4)
        {
            return value;
        }

        if (value.Length >= 7 && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out var month) && month is >= 1 and <= 12)
        {
            var monthName = inv.DateTimeFormat.GetMonthName(month);
            if (value.Length >= 10 && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, inv, out var day))
            {
                var time = value.Length > 11 && value[10] == 'T' ? " " + PartOfDay(value[11..]) : "";
                return unknownYear ? $"{day} {monthName}{time}, year unknown" : $"{day} {monthName}{year}{time}";
            }

            return unknownYear ? $"{monthName}, year unknown" : $"{monthName}{year}";
        }

        var rest = value[5..];
        var named = rest switch
        {
            ['Q', >= '1' and <= '4'] => "Q" + rest[1],
            "SP" => "spring",
            "SU" => "summer",
            "FA" => "autumn",
            "WI" => "winter",
            ['W', >= '0' and <= '9', >= '0' and <= '9'] => "week " + int.Parse(rest.AsSpan(1), inv).ToString(inv) + " of",
            ['W', >= '0' and <= '9', >= '0' and <= '9', '-', 'W', 'E'] => "the weekend of week " + int.Parse(rest.AsSpan(1, 2), inv).ToString(inv) + " of",
            _ => null,
        };
        return named is null ? value : named + year;
    }

    private static string PartOfDay(string time) => time switch
    {
        "MO" => "morning",
        "MI" => "midday",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        "DT" => "daytime",
        _ => time,
    };
}
