using System.Globalization;

namespace Storyline.Time;

/// <summary>
/// Finds English time expressions (TimeML TIMEX3: DATE, TIME, DURATION, SET) in a text and gives each its TimeML
/// value against an optional reference date. Without a reference, relative expressions keep their unknown parts
/// as X and are marked <see cref="TimexResolution.Unresolved"/>: nothing is guessed.
/// Stateless and thread-safe; one instance can serve every thread.
/// </summary>
public sealed class TimeTagger
{
    public static TimeTagger Default { get; } = new();

    [ThreadStatic]
    private static TimeToken[]? _threadTokens;

    /// <summary>The expressions of <paramref name="text"/>, in text order, none overlapping.</summary>
    public IReadOnlyList<TimeExpression> Tag(string text, TimeReference? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<TimeExpression>();
        Tag(text.AsSpan(), reference, list);
        return list;
    }

    /// <summary>Appends the expressions of <paramref name="text"/> to <paramref name="output"/>; spans are offsets into <paramref name="text"/>.</summary>
    public void Tag(ReadOnlySpan<char> text, TimeReference? reference, List<TimeExpression> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = _threadTokens ??= new TimeToken[256];
        var n = TimeTokenizer.Tokenize(text, ref buffer);
        _threadTokens = buffer;
        var tokens = buffer.AsSpan(0, n);
        var grammar = new TimexGrammar(text, tokens);
        var i = 0;
        var lastYear = -1;
        string? lastQuarter = null;
        string? namedQuarter = null; // the last quarter the text named by its number ("the fiscal first quarter")
        string? lastDay = null;
        var lastMonth = -1; // year * 12 + month - 1 of the last month the text named
        var monthLatest = false; // the last date the text named was a month without its day ("last October")
        var prevEnd = -1; // the token after the last expression, and its value: "Oct. 12, the day before the crash"
        string? prevValue = null;
        while (i < n)
        {
            var end = grammar.Match(i, out var spec, out var first);
            if (end > i && spec is not null && (IsTitle(text, tokens, first, end, spec) || (spec is { Narrated: true, Mod: null } && TenseCues.Direction(text, tokens, first, end) == 0)))
            {
                i = end;
                continue;
            }

            if (end > i && spec is not null)
            {
                var last = end - 1;
                var start = tokens[first].Start;
                var stop = tokens[last].End;
                var tense = NeedsTense(spec) ? TenseCues.Direction(text, tokens, i, end, spec.Kind == SpecKind.Calendar) : 0;
                var anchor = spec.FromLastDay && lastDay is not null && reference is not null
                    ? DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : reference?.Date;
                var (value, resolution, endValue) = TimexNormalizer.Normalize(spec, anchor, tense);
                if (spec.DayShift != 0)
                {
                    value = value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named) && named.DayNumber + spec.DayShift is >= 0 and <= 3652058
                        ? named.AddDays(spec.DayShift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : "XXXX-XX-XX";
                }

                if (reference is not null && spec is { Kind: SpecKind.Relative, Unit: TimeUnit.Year })
                {
                    // "a year earlier" after "the third quarter" is that quarter a year before; "that year" is the year
                    // last named. TimeML anchors these on the text's own time, not the reference date.
                    if (spec.Ago && lastQuarter is not null && lastQuarter.StartsWith(reference.Date.Year.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    {
                        value = (int.Parse(lastQuarter.AsSpan(0, 4), CultureInfo.InvariantCulture) + spec.Offset).ToString("0000", CultureInfo.InvariantCulture) + lastQuarter[4..];
                    }
                    else if (spec.Direction == 9 && !spec.Ago && lastYear > 0)
                    {
                        value = (lastYear + spec.Offset).ToString("0000", CultureInfo.InvariantCulture);
                    }
                }

                if (reference is not null && lastMonth >= 0 && spec is { Kind: SpecKind.Relative, Unit: TimeUnit.Month, Direction: 9 } && lastMonth + spec.Offset is >= 0 and < 120_000)
                {
                    // "the following month", "that month": of the month the text last named, as for years.
                    var m = lastMonth + spec.Offset;
                    value = (m / 12).ToString("0000", CultureInfo.InvariantCulture) + "-" + ((m % 12) + 1).ToString("00", CultureInfo.InvariantCulture);
                }

                if (lastDay is not null && resolution == TimexResolution.Resolved && spec is { Kind: SpecKind.Relative, Unit: TimeUnit.Day }
                    && (spec.Direction == 9 || spec is { Type: TimexType.Time, Offset: 0, Hour: >= 0 }))
                {
                    // A clock time without its day ("at 10 p.m."), "in the morning" and "three days later" count from
                    // the day the text last named, not the report's: "shot on Oct. 23 ... at 10 p.m.".
                    var day = DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var target = (long)day.DayNumber + spec.Offset;
                    if (target >= 0 && target <= DateOnly.MaxValue.DayNumber)
                    {
                        value = string.Concat(day.AddDays(spec.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value.AsSpan(10));
                    }
                }

                if (reference is not null && spec is { Kind: SpecKind.Relative, Direction: 9, Hour: < 0, PartOfDay: null } && (!spec.Ago || spec.Unit == TimeUnit.Week))
                {
                    value = Anchored(spec, value, lastDay, lastMonth, monthLatest, tokens, first, prevEnd, prevValue);
                }

                if (spec is { Kind: SpecKind.Calendar, Quarter: -1, Year: < 0 } && namedQuarter is not null && reference is not null
                    && (int.Parse(namedQuarter.AsSpan(0, 4), CultureInfo.InvariantCulture) * 4) + namedQuarter[6] - '1' is var nq
                    && nq < (reference.Date.Year * 4) + ((reference.Date.Month - 1) / 3) && nq >= (reference.Date.Year * 4) - 4)
                {
                    // "the quarter", "the latest quarter" after "its fiscal first quarter ended Sept. 30" is that
                    // quarter, whatever calendar quarter the report falls in; a quarter not yet over ("expects
                    // fourth-quarter gains") is no reported one.
                    value = namedQuarter;
                }

                if (spec is { Kind: SpecKind.Calendar, Quarter: > 0, YearOffset: null } && value.Length == 7 && value[5] == 'Q')
                {
                    namedQuarter = value;
                }

                // A part of the day told of ("overnight", "in the morning") keeps the story on its day: each
                // "overnight" of a report is the same night, not one more night back.
                if (value.Length >= 10 && IsDay(value) && !(spec.Direction == 9 && spec.PartOfDay is not null))
                {
                    lastDay = value[..10];
                    monthLatest = false;
                }

                if (spec.Type == TimexType.Date && value.Length >= 4 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3]))
                {
                    lastYear = int.Parse(value.AsSpan(0, 4), CultureInfo.InvariantCulture);
                    lastQuarter = value.Length == 7 && value[5] == 'Q' ? value : lastQuarter;
                    if (value.Length >= 7 && value[4] == '-' && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]))
                    {
                        lastMonth = (lastYear * 12) + ((value[5] - '0') * 10) + (value[6] - '0') - 1;
                        monthLatest = value.Length == 7 && spec.Kind == SpecKind.Calendar;
                    }
                }

                prevEnd = end;
                prevValue = value;
                output.Add(new TimeExpression(start, stop - start, spec.Type, value, resolution, endValue, spec.Mod));
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// A "today" or "this week" that is part of a name: every word capitalised and either two words ("This Week",
    /// the programme) or one following a capitalised word mid-sentence ("USA Today", "VOA Today").
    /// </summary>
    private static bool IsTitle(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int first, int end, TimexSpec spec)
    {
        if (spec is not { Kind: SpecKind.Relative, Offset: 0 } || end - first > 2)
        {
            return false;
        }

        for (var k = first; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !tokens[k].Upper)
            {
                return false;
            }
        }

        return end - first == 2 || (first > 0 && tokens[first - 1] is { Kind: TokenKind.Word, Upper: true } && tokens[first - 1].Word is null
            && !text[tokens[first - 1].End..tokens[first].Start].Contains('\n'));
    }

    /// <summary>
    /// "that day", "the following week", "the day before": of the time the text last named (TimeML's anchor), not of
    /// the reference. An appositive restates the date it follows ("Oct. 12, the day before the crash" is Oct. 12);
    /// "that day" after a month named without its day ("last October ... that same day") is a day of that month.
    /// </summary>
    private static string Anchored(TimexSpec spec, string value, string? lastDay, int lastMonth, bool monthLatest, ReadOnlySpan<TimeToken> tokens, int first, int prevEnd, string? prevValue)
    {
        if (spec.Unit == TimeUnit.Day && first > 0 && prevEnd == first - 1 && tokens[first - 1] is { Kind: TokenKind.Punct, Punct: ',' }
            && prevValue is { Length: 10 } && IsDay(prevValue))
        {
            return prevValue;
        }

        if (spec is { Unit: TimeUnit.Day, Offset: 0 } && monthLatest && lastMonth >= 0)
        {
            return (lastMonth / 12).ToString("0000", CultureInfo.InvariantCulture) + "-" + ((lastMonth % 12) + 1).ToString("00", CultureInfo.InvariantCulture) + "-XX";
        }

        if (spec.Unit == TimeUnit.Week && lastDay is not null)
        {
            var day = DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if ((long)day.DayNumber + (7L * spec.Offset) is >= 0 and <= 3652058)
            {
                return TimexNormalizer.Week(day.AddDays(7 * spec.Offset));
            }
        }

        return value;
    }

    /// <summary>The value starts with a whole day, yyyy-MM-dd.</summary>
    private static bool IsDay(string v) =>
        char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[3]) && v[4] == '-' && char.IsAsciiDigit(v[5]) && v[7] == '-' && char.IsAsciiDigit(v[8]) && char.IsAsciiDigit(v[9]);

    private static bool NeedsTense(TimexSpec spec) =>
        spec.Kind == SpecKind.Weekday || (spec.Kind == SpecKind.Calendar && spec.Year < 0 && spec.Decade < 0 && spec.Century < 0);
}

/// <summary>Past or future from the words around an expression; a small private helper of the time stage.</summary>
internal static class TenseCues
{
    /// <summary>-1 when the nearest tense cue in the sentence is past, +1 when future, 0 when none is found.</summary>
    /// <param name="calendar">The expression names a calendar date or month, for which "by" marks a deadline ("by February").</param>
    public static int Direction(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int from, int to, bool calendar = false)
    {
        // A cue farther than this belongs to another clause more often than not.
        const int Reach = 10;
        // A deadline ("extended the deadline until Tuesday", "as soon as Tuesday") lies after the report whatever the
        // verb's tense, except a fronted "Until Tuesday, they had not ...", which tells of a state that has ended.
        if (from > 0 && tokens[from - 1].Kind == TokenKind.Word)
        {
            var before = text[tokens[from - 1].Start..tokens[from - 1].End];
            if (before.Equals("until", StringComparison.OrdinalIgnoreCase) || before.Equals("till", StringComparison.OrdinalIgnoreCase))
            {
                var fronted = from == 1 || IsSentenceEnd(text, tokens, from - 1) || IsSentenceEnd(text, tokens, from - 2)
                    || tokens[from - 2].Kind == TokenKind.Punct && tokens[from - 2].Punct is '"' or '`' or '\'' or '\u201C';
                return fronted ? -1 : 1;
            }

            if (from > 2 && before.Equals("as", StringComparison.OrdinalIgnoreCase) && text[tokens[from - 2].Start..tokens[from - 2].End].Equals("soon", StringComparison.OrdinalIgnoreCase))
            {
                return 1;
            }
        }

        if (IsPossessive(text, tokens, to))
        {
            // A day that names an event ("Wednesday's ruling", "Tuesday's attack") names one already known: a modal
            // of the clause ("would look for ways to get around Wednesday's ruling") governs its verb, not the day.
            // Only "ahead of" puts the event still to come ("ahead of Sunday's vote").
            return from > 1 && Is(text, tokens, from - 1, "of") && Is(text, tokens, from - 2, "ahead") ? 1 : -1;
        }

        if (ScheduledPresent(text, tokens, from))
        {
            return 1;
        }

        var best = Reach + 1;
        var dir = 0;
        for (var k = from - 1; k >= 0 && from - k < best; k--)
        {
            if (IsClauseEnd(text, tokens, k))
            {
                break;
            }

            var c = Cue(text, tokens, k);
            if (c != 0)
            {
                best = from - k;
                dir = c;
                break;
            }
        }

        for (var k = to; k < tokens.Length && k - to + 1 < best; k++)
        {
            // Past a comma, a cue belongs to the clause's own verb only when none came before ("On Tuesday, he
            // said"); after one did, it is a reporting clause's ("will be ready by October, the company said").
            if (IsClauseEnd(text, tokens, k) || IsNextClause(text, tokens, k) || (dir != 0 && tokens[k] is { Kind: TokenKind.Punct, Punct: ',' }))
            {
                break;
            }

            var c = Cue(text, tokens, k);
            if (c != 0)
            {
                dir = c;
                break;
            }
        }

        if (dir == 0 && calendar && from > 1 && text[tokens[from - 1].Start..tokens[from - 1].End] is "by" or "By")
        {
            // No tense near a calendar deadline ("to pay down the loan by February"): it lies ahead. A tense decides
            // it otherwise ("sales had doubled by March"), and "by Wednesday" is as often a past perfect's.
            return 1;
        }

        if (dir == 0)
        {
            // Nothing near: a "will" anywhere before it in the sentence sets the clause in the future
            // ("will be named commander ... for a mission in December").
            for (var k = from - Reach - 1; k >= 0; k--)
            {
                if (IsClauseEnd(text, tokens, k))
                {
                    break;
                }

                if (tokens[k].Kind == TokenKind.Word && text[tokens[k].Start..tokens[k].End] is "will" or "shall")
                {
                    return 1;
                }
            }
        }

        return dir;
    }

    /// <summary>
    /// A comma and a conjunction after the expression open another clause, whose verb tells of something else:
    /// "directors will rule on Wednesday, but added that ..." is no past.
    /// </summary>
    private static bool IsNextClause(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k) =>
        tokens[k] is { Kind: TokenKind.Punct, Punct: ',' or ';' } && k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word
        && text[tokens[k + 1].Start..tokens[k + 1].End] is "but" or "and" or "while" or "although" or "though" or "whereas" or "which" or "who";

    /// <summary>Token <paramref name="k"/> opens a possessive "'s" (the apostrophe right after the word before it).</summary>
    private static bool IsPossessive(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k) =>
        k > 0 && k + 1 < tokens.Length && tokens[k] is { Kind: TokenKind.Punct, Punct: '\'' } && tokens[k].Start == tokens[k - 1].End
        && tokens[k + 1].Kind == TokenKind.Word && tokens[k + 1].Start == tokens[k].End && tokens[k + 1].End - tokens[k + 1].Start == 1
        && text[tokens[k + 1].Start] is 's' or 'S';

    private static bool Is(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k, string word) =>
        tokens[k].Kind == TokenKind.Word && text[tokens[k].Start..tokens[k].End].Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A present-tense verb of a scheduled event right before the date ("the two leaders meet separately Monday",
    /// "parliament votes on Tuesday"): news tells of what is yet to come so.
    /// </summary>
    private static bool ScheduledPresent(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int from)
    {
        var k = from - 1;
        if (k >= 0 && tokens[k].Kind == TokenKind.Word && text[tokens[k].Start..tokens[k].End] is "on")
        {
            k--;
        }

        if (k >= 0 && tokens[k].Kind == TokenKind.Word && tokens[k].End - tokens[k].Start > 4 && text[tokens[k].Start..tokens[k].End].EndsWith("ly"))
        {
            k--; // "meet separately Monday"
        }

        if (k < 0 || tokens[k].Kind != TokenKind.Word
            || text[tokens[k].Start..tokens[k].End] is not ("meet" or "meets" or "begin" or "begins" or "start" or "starts" or "open" or "opens" or "resume" or "resumes"
                or "vote" or "votes" or "play" or "plays" or "visit" or "visits" or "arrive" or "arrives" or "convene" or "convenes" or "expire" or "expires"))
        {
            return false;
        }

        // Not after "did", "not" or "to" ("did not meet Monday"; "to" has its own cue).
        return k == 0 || tokens[k - 1].Kind != TokenKind.Word || text[tokens[k - 1].Start..tokens[k - 1].End] is not ("did" or "not" or "never" or "didn't" or "to");
    }

    /// <summary>
    /// A past form that tells no past: a passive after "be/is/are" ("will be held", "is set") or an adjective after a
    /// determiner ("the reduced dividend").
    /// </summary>
    private static bool ParticipleOnly(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k) =>
        k > 0 && tokens[k - 1].Kind == TokenKind.Word && text[tokens[k - 1].Start..tokens[k - 1].End] is "be" or "is" or "are" or "Is" or "Are" or "will" or "the" or "The" or "a" or "an" or "its" or "their" or "his" or "her";

    /// <summary>
    /// A sentence end or a quotation mark: the verb on the other side of a quote ("... Thursday,'' Castro said")
    /// tells of the speaking, not of the quoted words' time.
    /// </summary>
    private static bool IsClauseEnd(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k)
    {
        ref readonly var t = ref tokens[k];
        if (t.Kind == TokenKind.Punct)
        {
            switch (t.Punct)
            {
                case '"' or '`' or '\u201C' or '\u201D':
                    return true;
                case '\'':
                    // Two apostrophes make a quotation mark; one is a possessive or an elision.
                    return (k + 1 < tokens.Length && tokens[k + 1] is { Kind: TokenKind.Punct, Punct: '\'' } && tokens[k + 1].Start == t.End)
                        || (k > 0 && tokens[k - 1] is { Kind: TokenKind.Punct, Punct: '\'' } && tokens[k - 1].End == t.Start);
            }
        }

        return IsSentenceEnd(text, tokens, k);
    }

    private static bool IsSentenceEnd(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k)
    {
        ref readonly var t = ref tokens[k];
        if (t.Kind == TokenKind.Punct && t.Punct is '.' or '!' or '?')
        {
            // "Feb.", "p.m." and an initial ("Daniel P. Davison") do not end sentences.
            return !(k > 0 && tokens[k - 1].End == t.Start
                && (tokens[k - 1].Word is { Abbreviation: true } || (tokens[k - 1].Kind == TokenKind.Word && tokens[k - 1].End - tokens[k - 1].Start == 1 && char.IsUpper(text[tokens[k - 1].Start]))));
        }

        return k > 0 && text[tokens[k - 1].End..t.Start].Contains('\n');
    }

    /// <summary>
    /// An "un-...-ed" word is an adjective ("untouched markets", "an unspecified date", "unchanged"), not a past verb,
    /// except the few verbs whose "un-" undoes an action ("unveiled", "unloaded") and the "under-" verbs.
    /// </summary>
    private static bool IsNegatedAdjective(ReadOnlySpan<char> lw) =>
        lw.StartsWith("un") && !lw.StartsWith("under") && lw is not ("unveiled" or "unleashed" or "unloaded" or "unearthed" or "uncovered" or "unfolded"
            or "unlocked" or "unraveled" or "unravelled" or "unseated" or "unpacked" or "unsealed" or "unblocked" or "unmasked" or "unwrapped" or "unplugged" or "unnerved");

    /// <summary>-1 for a past-tense word at token <paramref name="k"/>, +1 for a future cue, 0 for neither.</summary>
    public static int Cue(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens, int k)
    {
        ref readonly var t = ref tokens[k];
        if (t.Kind != TokenKind.Word)
        {
            return 0;
        }

        var w = text[t.Start..t.End];
        Span<char> l = stackalloc char[16];
        if (w.Length > l.Length)
        {
            return 0;
        }

        w.ToLowerInvariant(l);
        var lw = l[..w.Length];

        switch (lw)
        {
            case "will" or "shall" or "ll" or "tomorrow" or "next" or "upcoming" or "plans" or "planning" or "expected" or "scheduled" or "due" or "would" or "payable" or "effective":
                // A future in the past ("would travel Thursday") lies after the report in news, unless a past
                // perfect put it before ("had been scheduled to expire Friday").
                return k > 0 && tokens[k - 1].Kind == TokenKind.Word && text[tokens[k - 1].Start..tokens[k - 1].End] is "had" or "been" ? -1 : 1;
            case "may" or "might" when !(k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word && text[tokens[k + 1].Start..tokens[k + 1].End] is "have"):
                // A possibility ("the deal may be completed by Tuesday") is yet to come; "may have" looks back, and
                // "could" is as often the past of "can" ("could not be located Wednesday").
                return 1;
            case "ahead" or "advance" when k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word && text[tokens[k + 1].Start..tokens[k + 1].End] is "of":
                // "ahead of Thursday's vote", "in advance of their introduction Thursday": what is waited for lies ahead.
                return 1;
            case "to" when k > 0 && tokens[k - 1].Kind == TokenKind.Word && text[tokens[k - 1].Start..tokens[k - 1].End] is "set" or "plan" or "plans" or "planned" or "is" or "are" or "aims" or "hopes" or "intends" or "going":
                // An intention or an arrangement ("set to resume Monday", "did not plan to remove him on Thursday",
                // "is to resume trading Tuesday") points ahead, whatever the tense of its verb.
                return 1;
            case "was" or "were" when k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word && text[tokens[k + 1].Start..tokens[k + 1].End] is "planning" or "expected" or "scheduled" or "due" or "going" or "preparing":
                return 1;
            case "since" or "said" or "told" or "fled" or "fought" or "struck" or "brought" or "thought" or "kept" or "found" or "became" or "felt" or "was" or "were" or "had" or "did" or "ago" or "yesterday" or "took" or "held" or "made" or "came" or "went" or "met" or "last" or "began" or "gave" or "saw" or "left" or "sent" or "got" or "won" or "lost" or "fell" or "rose" or "led" or "spoke" or "wrote" or "sold" or "paid" or "bought" or "hit" or "set" or "earlier":
                return ParticipleOnly(text, tokens, k) ? 0 : -1;
            case "need" or "speed" or "indeed" or "proceed" or "exceed" or "seed" or "feed" or "bed" or "red" or "united" or "limited" or "based" or "red":
                return 0;
        }

        if (lw.Length >= 5 && lw.EndsWith("ed") && !lw.EndsWith("eed") && !IsNegatedAdjective(lw))
        {
            // A bare -ed is past.
            return ParticipleOnly(text, tokens, k) ? 0 : -1;
        }

        return 0;
    }
}

/// <summary>Turns a matched expression's meaning into its TimeML value against an optional reference day.</summary>
internal static class TimexNormalizer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (string Value, TimexResolution Resolution, string? EndValue) Normalize(TimexSpec spec, DateOnly? reference, int tense)
    {
        var (value, resolution) = Value(spec, reference, tense);
        if (spec.WeekOf)
        {
            value = value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day) ? Week(day) : "XXXX-WXX";
        }
        string? endValue = null;
        if (spec.RangeEnd is { } end)
        {
            endValue = Value(end, reference, tense).Item1;
        }

        return (value, resolution, endValue);
    }

    private static (string, TimexResolution) Value(TimexSpec s, DateOnly? r, int tense)
    {
        try
        {
            return Resolve(s, r, tense);
        }
        catch (ArgumentOutOfRangeException) when (r is not null)
        {
            // A reference at the calendar's edge (9999-12-31 and "tomorrow"): keep the value unresolved.
            return Resolve(s, null, tense);
        }
    }

    private static (string, TimexResolution) Resolve(TimexSpec s, DateOnly? r, int tense)
    {
        switch (s.Kind)
        {
            case SpecKind.Literal:
                return (s.Literal!, TimexResolution.Explicit);
            case SpecKind.Relative:
                return Relative(s, r);
            case SpecKind.Weekday:
                return WeekdayValue(s, r, tense);
            default:
                return Calendar(s, r, tense);
        }
    }

    private static string TimeSuffix(TimexSpec s)
    {
        if (s.Hour >= 0)
        {
            return "T" + s.Hour.ToString("00", Inv) + ":" + Math.Max(0, s.Minute).ToString("00", Inv);
        }

        return s.PartOfDay is null ? "" : "T" + s.PartOfDay;
    }

    private static (string, TimexResolution) Relative(TimexSpec s, DateOnly? reference)
    {
        // "a million days ago" lies outside the calendar: keep it unresolved rather than fail.
        if (reference is not null && Math.Abs((long)s.Offset) > 100_000)
        {
            return Relative(s, null);
        }

        if (reference is not { } r)
        {
            var unknown = s.Unit switch
            {
                TimeUnit.Day => "XXXX-XX-XX",
                TimeUnit.Week => "XXXX-WXX",
                TimeUnit.Weekend => "XXXX-WXX-WE",
                TimeUnit.Month => "XXXX-XX",
                TimeUnit.Quarter => "XXXX-QX",
                TimeUnit.Decade => "XXX",
                TimeUnit.Century => "XX",
                _ => "XXXX",
            };
            return (unknown + TimeSuffix(s), TimexResolution.Unresolved);
        }

        string v;
        switch (s.Unit)
        {
            case TimeUnit.Day:
                v = r.AddDays(s.Offset).ToString("yyyy-MM-dd", Inv);
                break;
            case TimeUnit.Week:
                v = Week(r.AddDays(7 * s.Offset));
                break;
            case TimeUnit.Weekend:
                {
                    // A weekend spoken of after it: the one just past, unless the reference is on it.
                    var d = r;
                    if (r.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        d = r.AddDays(-7 * (s.Offset == 0 ? 1 : 1) + (7 * s.Offset));
                    }

                    v = Week(d) + "-WE";
                    break;
                }

            case TimeUnit.Month:
                v = r.AddMonths(s.Offset).ToString("yyyy-MM", Inv);
                break;
            case TimeUnit.Quarter:
                {
                    var q = ((r.Year * 4) + ((r.Month - 1) / 3)) + s.Offset;
                    v = (q / 4).ToString("0000", Inv) + "-Q" + ((q % 4) + 1).ToString(Inv);
                    break;
                }

            case TimeUnit.Decade:
                v = ((r.Year / 10) + s.Offset).ToString("000", Inv);
                break;
            case TimeUnit.Century:
                v = ((r.Year / 100) + s.Offset).ToString("00", Inv);
                break;
            default:
                v = (r.Year + s.Offset).ToString("0000", Inv);
                break;
        }

        return (v + TimeSuffix(s), TimexResolution.Resolved);
    }

    internal static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return ISOWeek.GetYear(dt).ToString("0000", Inv) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("00", Inv);
    }

    private static (string, TimexResolution) WeekdayValue(TimexSpec s, DateOnly? reference, int tense)
    {
        if (reference is not { } r)
        {
            return ("XXXX-WXX-" + s.Weekday.ToString(Inv) + TimeSuffix(s), TimexResolution.Unresolved);
        }

        var refDow = ((int)r.DayOfWeek + 6) % 7 + 1; // Monday = 1
        var dir = s.Direction != 0 ? s.Direction : tense;
        DateOnly d;
        if (s.Direction == 0 && s.Offset == 0 && dir == 0)
        {
            // No cue: news speaks mostly of the days just past.
            dir = -1;
        }

        if (dir < 0)
        {
            var back = (refDow - s.Weekday + 7) % 7;
            if (back == 0 && s.Offset == 1)
            {
                back = 7;
            }

            d = r.AddDays(-back);
        }
        else
        {
            var fwd = (s.Weekday - refDow + 7) % 7;
            if (fwd == 0 && s.Offset == 1)
            {
                fwd = 7;
            }

            d = r.AddDays(fwd);
        }

        return (d.ToString("yyyy-MM-dd", Inv) + TimeSuffix(s), TimexResolution.Resolved);
    }

    private static (string, TimexResolution) Calendar(TimexSpec s, DateOnly? reference, int tense)
    {
        if (s.Holiday != Holidays.Holiday.None)
        {
            return HolidayValue(s, reference, tense);
        }

        if (s.Century >= 0)
        {
            return (s.Century.ToString("00", Inv), TimexResolution.Explicit);
        }

        if (s.Decade >= 0)
        {
            return (s.Decade.ToString("000", Inv), TimexResolution.Explicit);
        }

        var resolution = TimexResolution.Explicit;
        var year = s.Year;
        var quarter = s.Quarter;
        if (year >= 0 && quarter == -1 && reference is { } rq)
        {
            // "the 1988 period" in a report on the latest quarter: that quarter of 1988.
            quarter = ((rq.Month - 1) / 3) == 0 ? 4 : (rq.Month - 1) / 3;
            resolution = TimexResolution.Resolved;
        }

        if (year < 0)
        {
            if (reference is not { } r)
            {
                resolution = TimexResolution.Unresolved;
            }
            else
            {
                resolution = TimexResolution.Resolved;
                if (s.YearOffset is { } off)
                {
                    year = r.Year + off;
                }
                else if (s.ContractMonth)
                {
                    // A futures month trades until it is delivered: this year's while it has not passed, else next year's.
                    year = s.Month < r.Month ? r.Year + 1 : r.Year;
                }
                else
                {
                    year = r.Year;
                    var dir = s.Direction != 0 ? s.Direction : tense;
                    var strict = s.Direction != 0;
                    var refQuarter = ((r.Month - 1) / 3) + 1;
                    if (quarter == -1)
                    {
                        // "the quarter" in a past-tense report is the one just ended.
                        quarter = dir < 0 ? refQuarter - 1 : refQuarter;
                        if (quarter == 0)
                        {
                            quarter = 4;
                            year--;
                        }
                    }
                    else if (s.Month == 0 && s.Season is null && s.Direction == 0)
                    {
                        // Quarters and halves without a year are of the reference's year ("expects fourth-quarter
                        // results", "third-quarter profit fell"), except a quarter not yet begun told in the past
                        // tense: January's "profits fell in the fourth quarter" is last year's.
                        if (quarter > refQuarter && dir < 0)
                        {
                            year--;
                        }
                    }
                    else
                    {
                        var (m, d) = s.Month > 0 ? (s.Month, Math.Max(s.Day, 1))
                            : quarter > 0 ? ((quarter * 3) - 2, 1)
                            : s.Half > 0 ? ((s.Half * 6) - 5, 1)
                            : s.Season is not null ? (SeasonMonth(s.Season), 1)
                            : (1, 1);
                        // A past-tense "December" in a February article is last December; a date only weeks
                        // ahead of the reference is more likely this year's, whatever the tense.
                        var candidate = new DateOnly(year, m, Math.Min(d, DateTime.DaysInMonth(year, m)));
                        year = YearTowards(year, candidate.DayNumber - r.DayNumber, dir, strict ? 0 : 60);
                        if (s.Direction < 0 && s.Day == 0 && s.Month == (r.Month == 1 ? 12 : r.Month - 1))
                        {
                            // The month just ended is "last month"; "last February" in a March report is a year before.
                            year--;
                        }
                    }
                }
            }
        }

        var y = year < 0 ? "XXXX" : year.ToString("0000", Inv);
        string v;
        if (quarter != 0)
        {
            v = y + "-Q" + (quarter < 0 ? "X" : quarter.ToString(Inv));
        }
        else if (s.Half > 0)
        {
            v = y + "-H" + s.Half.ToString(Inv);
        }
        else if (s.Season is not null)
        {
            v = y + "-" + s.Season;
        }
        else if (s.Month > 0)
        {
            v = y + "-" + s.Month.ToString("00", Inv);
            if (s.Day > 0)
            {
                v += "-" + s.Day.ToString("00", Inv);
            }
        }
        else
        {
            v = y;
        }

        if (s.Type == TimexType.Time)
        {
            v += s.Day > 0 ? TimeSuffix(s) : "";
        }

        return (v, resolution);
    }

    /// <summary>A holiday's day: in the year the text gives, else the occurrence the tense points to, as for "Feb. 11".</summary>
    private static (string, TimexResolution) HolidayValue(TimexSpec s, DateOnly? reference, int tense)
    {
        if (s.Year > 0)
        {
            return (Holidays.Date(s.Holiday, s.Year).ToString("yyyy-MM-dd", Inv), TimexResolution.Explicit);
        }

        if (reference is not { } r || r.Year is < 2 or > 9998)
        {
            return (Holidays.Unanchored(s.Holiday), TimexResolution.Unresolved);
        }

        var year = r.Year + (s.YearOffset ?? 0);
        if (s.YearOffset is null)
        {
            var dir = s.Direction != 0 ? s.Direction : tense;
            year = YearTowards(year, Holidays.Date(s.Holiday, year).DayNumber - r.DayNumber, dir, s.Direction != 0 ? 0 : 60);
        }

        return (Holidays.Date(s.Holiday, year).ToString("yyyy-MM-dd", Inv), TimexResolution.Resolved);
    }

    /// <summary>
    /// The year of a day named without one, <paramref name="days"/> from the reference in the reference's year: a
    /// year back when the text points to the past and the day lies ahead (beyond <paramref name="slack"/> days), a
    /// year on in the opposite case, and with no direction to go by, the nearest occurrence.
    /// </summary>
    private static int YearTowards(int year, int days, int direction, int slack) => direction switch
    {
        < 0 when days > slack => year - 1,
        > 0 when days < -slack => year + 1,
        0 when days > 183 => year - 1,
        0 when days < -300 => year + 1,
        _ => year,
    };

    private static int SeasonMonth(string season) => season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
}
