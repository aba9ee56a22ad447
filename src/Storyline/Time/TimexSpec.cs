namespace Storyline.Time;

internal enum SpecKind : byte
{
    /// <summary>The value is fixed by the words alone (P3Y, PRESENT_REF, P1W of "every week").</summary>
    Literal,

    /// <summary>Calendar fields, some possibly missing (a year for "Feb. 11"), filled from the reference.</summary>
    Calendar,

    /// <summary>An offset in a unit from the reference ("yesterday", "last week", "two years ago").</summary>
    Relative,

    /// <summary>A weekday ("on Tuesday", "last Friday"), placed before or after the reference.</summary>
    Weekday,
}

/// <summary>What a matched expression means, before the reference date is known. Built by the recogniser only.</summary>
internal sealed class TimexSpec
{
    public TimexType Type;
    public SpecKind Kind;
    public string? Literal;

    public int Year = -1;
    public int Month;
    public int Day;
    public int Quarter;
    public int Half;
    public string? Season;

    /// <summary>A named day whose date follows from the year ("Thanksgiving").</summary>
    public Holidays.Holiday Holiday;

    /// <summary>The week around the day ("Easter week", "the week of March 6") rather than the day.</summary>
    public bool WeekOf;

    /// <summary>Resolved against the last day the text named rather than the reference ("the previous Friday").</summary>
    public bool FromLastDay;
    /// <summary>A futures month ("the July contract", "for March delivery"): the next such month, never a past one.</summary>
    public bool ContractMonth;
    /// <summary>"that day", "that night": a time of the story, told with a tense; without one it is generic ("trades made that day").</summary>
    public bool Narrated;
    public int Decade = -1;
    public int Century = -1;

    /// <summary>For a calendar date without its year, the year relative to the reference ("October last year" = -1).</summary>
    public int? YearOffset;

    public TimeUnit Unit;
    public int Offset;

    /// <summary>-1 before the reference, +1 after, 0 from the tense of the sentence.</summary>
    public int Direction;

    public int Weekday;
    public int Hour = -1;
    public int Minute = -1;
    public string? PartOfDay;
    public string? Mod;
    public TimexSpec? RangeEnd;

    /// <summary>Days to add to the day the rest names: "the day before last Tuesday" = -1, "the day after tomorrow" = +1.</summary>
    public int DayShift;

    /// <summary>"a year ago", "year-earlier": counted back from the period the text is about, when it names one.</summary>
    public bool Ago;

    public static TimexSpec Lit(TimexType type, string value) => new() { Type = type, Kind = SpecKind.Literal, Literal = value };

    public static TimexSpec Rel(TimeUnit unit, int offset) => new() { Type = TimexType.Date, Kind = SpecKind.Relative, Unit = unit, Offset = offset };
}
