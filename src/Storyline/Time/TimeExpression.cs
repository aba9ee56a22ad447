namespace Storyline.Time;

/// <summary>The TimeML TIMEX3 kinds.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>How a time expression's value was reached, so a reader can tell a stated date from a computed one.</summary>
public enum TimexResolution
{
    /// <summary>The text states the whole value ("September 2018", "three years", "now").</summary>
    Explicit,

    /// <summary>Part of the value (the year, the day a "Tuesday" falls on) came from the reference date.</summary>
    Resolved,

    /// <summary>The value needs a reference date and there was none: the unknown parts stay X ("XXXX-02-11", "XXXX-WXX-2").</summary>
    Unresolved,
}

/// <summary>
/// A time expression found in a text: a span (start, length) into that text, its TIMEX3 type and its TimeML value.
/// </summary>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">The TimeML value: 2020-02-11, 2020-W07, 2018-09, P1W, PRESENT_REF, XXXX-02-11.</param>
/// <param name="Resolution">Whether the value is stated, resolved against the reference date, or left unresolved.</param>
/// <param name="EndValue">For a range ("between 2017 and 2019", "Feb. 11-13"), the value of its end; else null.</param>
/// <param name="Mod">The TimeML mod when the text gives one (START, MID, END, APPROX, MORE_THAN, LESS_THAN), else null.</param>
public readonly record struct TimeExpression(
    int Start,
    int Length,
    TimexType Type,
    string Value,
    TimexResolution Resolution,
    string? EndValue = null,
    string? Mod = null)
{
    public int End => Start + Length;

    /// <summary>The TIMEX3 type attribute as TimeML writes it.</summary>
    public string TypeName => TimexTypes.Name(Type);
}

/// <summary>TIMEX3 type names.</summary>
public static class TimexTypes
{
    public static string Name(TimexType type) => type switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? name, out TimexType type)
    {
        switch (name?.ToUpperInvariant())
        {
            case "DATE": type = TimexType.Date; return true;
            case "TIME": type = TimexType.Time; return true;
            case "DURATION": type = TimexType.Duration; return true;
            case "SET": type = TimexType.Set; return true;
            default: type = TimexType.Date; return false;
        }
    }
}

/// <summary>The date relative expressions are resolved against, and where it came from.</summary>
/// <param name="Date">The day.</param>
/// <param name="Source">Where: "timeml:creation-time", "meta:article:published_time", "text:crawl-stamp", ...</param>
public sealed record TimeReference(DateOnly Date, string Source);
