namespace Storyline.Time;

/// <summary>
/// Named days whose date follows from the year: fixed ones (Christmas, 25 December) and ones counted in weeks
/// (Thanksgiving, the fourth Thursday of November) or from the moon (Easter). The US and Christian holidays that
/// English news names by name; a holiday whose date differs by country (Independence Day) is left out.
/// </summary>
internal static class Holidays
{
    internal enum Holiday : byte
    {
        None,
        Christmas,
        ChristmasEve,
        NewYearsDay,
        NewYearsEve,
        Thanksgiving,
        ElectionDay,
        LaborDay,
        MemorialDay,
        VeteransDay,
        Easter,
        Halloween,
        ValentinesDay,
    }

    /// <summary>The holiday's day in <paramref name="year"/>.</summary>
    public static DateOnly Date(Holiday holiday, int year) => holiday switch
    {
        Holiday.Christmas => new DateOnly(year, 12, 25),
        Holiday.ChristmasEve => new DateOnly(year, 12, 24),
        Holiday.NewYearsDay => new DateOnly(year, 1, 1),
        Holiday.NewYearsEve => new DateOnly(year, 12, 31),
        Holiday.Halloween => new DateOnly(year, 10, 31),
        Holiday.ValentinesDay => new DateOnly(year, 2, 14),
        Holiday.VeteransDay => new DateOnly(year, 11, 11),
        Holiday.Thanksgiving => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
        Holiday.LaborDay => NthWeekday(year, 9, DayOfWeek.Monday, 1),
        Holiday.MemorialDay => NthWeekday(year, 6, DayOfWeek.Monday, 1).AddDays(-7),
        Holiday.ElectionDay => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
        Holiday.Easter => Easter(year),
        _ => throw new ArgumentOutOfRangeException(nameof(holiday)),
    };

    /// <summary>The value without a year: the month and day when they are fixed ("XXXX-12-25"), else the month ("XXXX-11-XX").</summary>
    public static string Unanchored(Holiday holiday) => holiday switch
    {
        Holiday.Thanksgiving or Holiday.ElectionDay or Holiday.VeteransDay => holiday == Holiday.VeteransDay ? "XXXX-11-11" : "XXXX-11-XX",
        Holiday.LaborDay => "XXXX-09-XX",
        Holiday.MemorialDay => "XXXX-05-XX",
        Holiday.Easter => "XXXX-XX-XX",
        _ => "XXXX-" + Date(holiday, 2000).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    /// <summary>Western Easter Sunday by the Gregorian computus (the anonymous algorithm of 1876).</summary>
    private static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
