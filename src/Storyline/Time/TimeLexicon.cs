using System.Collections.Frozen;

namespace Storyline.Time;

/// <summary>Calendar units a time expression can count or name.</summary>
internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// <summary>What a word can mean in a time expression; a word may have several roles ("second", "May", "fall").</summary>
internal sealed class TimeWord
{
    public required string Word { get; init; }

    public int Month { get; set; }

    public int Weekday { get; set; }

    public string? Season { get; set; }

    public TimeUnit Unit { get; set; }

    public bool Plural { get; set; }

    /// <summary>Value as a cardinal number word ("seven" = 7), else -1.</summary>
    public int Cardinal { get; set; } = -1;

    /// <summary>Value as an ordinal ("third" = 3), else -1.</summary>
    public int Ordinal { get; set; } = -1;

    /// <summary>TimeML part of day (MO, AF, EV, NI) for "morning" and its kin.</summary>
    public string? PartOfDay { get; set; }

    /// <summary>True for words no expression or prefix starts with ("of", "and", "in"): the scan skips them at once.</summary>
    public bool NeverStarts { get; set; }

    /// <summary>True for month and weekday abbreviations, which may carry a period ("Feb.", "Sept.").</summary>
    public bool Abbreviation { get; set; }
}

/// <summary>The words time expressions are built from. Built once; read-only and thread-safe.</summary>
internal static class TimeLexicon
{
    public static readonly FrozenDictionary<string, TimeWord> Words = Build();

    public static readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, TimeWord> Build()
    {
        var d = new Dictionary<string, TimeWord>(StringComparer.Ordinal);
        TimeWord W(string w)
        {
            if (!d.TryGetValue(w, out var e))
            {
                e = new TimeWord { Word = w };
                d[w] = e;
            }

            return e;
        }

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[][] monthAbbr = [["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"]];
        for (var m = 0; m < 12; m++)
        {
            W(months[m]).Month = m + 1;
            foreach (var a in monthAbbr[m])
            {
                var e = W(a);
                e.Month = m + 1;
                e.Abbreviation = true;
            }
        }

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        string[][] dayAbbr = [["mon"], ["tue", "tues"], ["wed"], ["thu", "thur", "thurs"], ["fri"], ["sat"], ["sun"]];
        for (var i = 0; i < 7; i++)
        {
            W(days[i]).Weekday = i + 1;
            W(days[i] + "s").Weekday = i + 1;
            d[days[i] + "s"].Plural = true;
            foreach (var a in dayAbbr[i])
            {
                var e = W(a);
                e.Weekday = i + 1;
                e.Abbreviation = true;
            }
        }

        W("spring").Season = "SP";
        W("summer").Season = "SU";
        W("fall").Season = "FA";
        W("autumn").Season = "FA";
        W("winter").Season = "WI";

        void Unit(string singular, string plural, TimeUnit u)
        {
            W(singular).Unit = u;
            var p = W(plural);
            p.Unit = u;
            p.Plural = true;
        }

        Unit("second", "seconds", TimeUnit.Second);
        Unit("minute", "minutes", TimeUnit.Minute);
        Unit("hour", "hours", TimeUnit.Hour);
        Unit("day", "days", TimeUnit.Day);
        Unit("week", "weeks", TimeUnit.Week);
        Unit("weekend", "weekends", TimeUnit.Weekend);
        Unit("fortnight", "fortnights", TimeUnit.Fortnight);
        Unit("month", "months", TimeUnit.Month);
        Unit("quarter", "quarters", TimeUnit.Quarter);
        Unit("year", "years", TimeUnit.Year);
        Unit("decade", "decades", TimeUnit.Decade);
        Unit("century", "centuries", TimeUnit.Century);
        W("yr").Unit = TimeUnit.Year;
        W("yrs").Unit = TimeUnit.Year;
        d["yrs"].Plural = true;
        W("hrs").Unit = TimeUnit.Hour;
        d["hrs"].Plural = true;
        W("mins").Unit = TimeUnit.Minute;
        d["mins"].Plural = true;

        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (var i = 0; i < ones.Length; i++)
        {
            W(ones[i]).Cardinal = i;
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (var i = 0; i < tens.Length; i++)
        {
            W(tens[i]).Cardinal = (i + 2) * 10;
        }

        W("hundred").Cardinal = 100;
        W("thousand").Cardinal = 1000;
        W("dozen").Cardinal = 12;

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
        for (var i = 0; i < ordinals.Length; i++)
        {
            W(ordinals[i]).Ordinal = i + 1;
        }

        W("thirtieth").Ordinal = 30;
        W("twenty-first").Ordinal = 21;

        W("morning").PartOfDay = "MO";
        W("mornings").PartOfDay = "MO";
        d["mornings"].Plural = true;
        W("afternoon").PartOfDay = "AF";
        W("afternoons").PartOfDay = "AF";
        d["afternoons"].Plural = true;
        W("evening").PartOfDay = "EV";
        W("evenings").PartOfDay = "EV";
        d["evenings"].Plural = true;
        W("night").PartOfDay = "NI";
        W("nights").PartOfDay = "NI";
        d["nights"].Plural = true;
        W("overnight").PartOfDay = "NI";
        W("midday").PartOfDay = "MI";

        // Words the grammar compares by identity; present so every token's lower-case form can be interned.
        string[] plain =
        [
            "a", "an", "the", "this", "that", "these", "last", "next", "past", "coming", "previous", "following",
            "upcoming", "current", "latest", "same", "recent", "early", "earlier", "late", "later", "mid", "middle",
            "end", "beginning", "start", "half", "of", "and", "or", "to", "through", "between", "from", "until",
            "ago", "before", "after", "hence", "now", "today", "tomorrow", "yesterday", "tonight", "currently",
            "recently", "lately", "nowadays", "presently", "previously", "formerly", "future", "soon", "right",
            "every", "each", "other", "per", "daily", "weekly", "monthly", "annually", "yearly", "hourly",
            "nightly", "quarterly", "biweekly", "twice", "once", "times", "about", "around", "nearly", "almost",
            "roughly", "approximately", "some", "over", "under", "more", "less", "fewer", "than", "least", "most",
            "at", "up", "no", "within", "just", "several", "few", "couple", "many", "additional", "straight",
            "consecutive", "full", "trading", "business", "working", "fiscal", "noon", "midnight", "am", "pm",
            "a.m", "p.m", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "msk",
            "et", "pt", "while", "moment", "present", "near", "q1", "q2", "q3", "q4", "h1", "h2", "ago.",
            "in", "on", "for", "since", "during", "by", "year-end", "yearend", "weeks", "ended", "ending", "rest",
            "whole", "entire", "first", "final", "two", "then", "as", "sometime", "period", "twenties", "thirties",
            "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "so", "longer", "term", "short", "date", "possible", "corresponding", "comparable",
        ];
        foreach (var w in plain)
        {
            W(w);
        }

        foreach (var w in new[] { "of", "and", "or", "to", "in", "on", "for", "since", "during", "by", "so", "than", "least", "most", "ago", "ago.", "before", "after", "hence", "from", "until", "through", "between", "then", "as", "times", "other", "per", "ended", "ending", "longer" })
        {
            d[w].NeverStarts = true;
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
