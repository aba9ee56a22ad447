namespace Storyline.Time;

/// <summary>
/// The grammar of English time expressions over <see cref="TimeToken"/>s: at a token, the longest expression that
/// starts there. Hand-written rather than regular expressions so each rule can say what it means (a
/// <see cref="TimexSpec"/>) and the whole scan stays a single pass over the tokens.
/// </summary>
internal readonly ref struct TimexGrammar
{
    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<TimeToken> _t;

    public TimexGrammar(ReadOnlySpan<char> text, ReadOnlySpan<TimeToken> tokens)
    {
        _text = text;
        _t = tokens;
    }

    /// <summary>The longest expression starting at token <paramref name="i"/>: its end (exclusive token index), or 0.</summary>
    public int Match(int i, out TimexSpec? spec, out int start)
    {
        start = i;
        var end = Match(i, out spec);

        // "the 2004 model year", "the December figures": a date used as a modifier; "the" belongs to the noun.
        // So does a hyphenated compound: "the third-quarter results", "the two-week trip".
        // A name follows as well: "the 1996 Olympic bombing", "the 2006 World Cup".
        var modifier = end < _t.Length && _t[end].Kind == TokenKind.Word && _t[end].Word is null;
        if (end > i + 1 && W(i) == "the" && modifier && W(i + 1) != "year"
            && (spec is { Kind: SpecKind.Calendar, Quarter: 0, Half: 0, Decade: < 0, Century: < 0, Season: null } || (end >= 2 && IsP(end - 2, '-') && Adjacent(end - 1))))
        {
            start = i + 1;
        }

        // "get around Wednesday's ruling", "talk about Tuesday's vote": before a possessive, "around" and "about" are
        // prepositions over the noun the day qualifies, not an approximation of the day.
        if (end > i + 1 && end + 1 < _t.Length && W(i) is "around" or "about" && IsPossessive(end + 1) && spec is { Mod: "APPROX" })
        {
            start = i + 1;
            spec.Mod = null;
        }

        // "the Aug. 7, 1998, bombings", "the January 1998 attack": a named month with its day or year qualifies the
        // event after it, whatever follows ("the" never starts such a date on its own).
        if (end > i + 2 && W(i) == "the" && Wd(i + 1) is { Month: > 0 } && spec is { Kind: SpecKind.Calendar, Month: > 0 } && (spec.Day > 0 || spec.Year > 0))
        {
            start = i + 1;
        }

        // "the current chairman", "the then current price": "the" belongs to the noun the adjective qualifies.
        if (W(i) == "the" && (W(i + 1) == "current" ? end == i + 2 : W(i + 1) == "then" && W(end - 1) == "current"))
        {
            start = i + 1;
        }

        return end;
    }

    private int Match(int i, out TimexSpec? spec)
    {
        spec = null;
        if (_t[i].Kind == TokenKind.Punct || (_t[i].Kind == TokenKind.Word && _t[i].Word is null or { NeverStarts: true } && HolidayAt(i, out _) == i))
        {
            return 0;
        }

        var best = DayBeforeAfter(i, out spec);

        // Prefixes that belong to the expression's words in TimeML ("nearly two years", "early December",
        // "the end of 1990"); each is tried with the rest of the expression after it.
        var j = i;
        string? mod = null;
        var steps = 0;
        while (steps++ < 4)
        {
            var end = Core(j, out var s);
            if (end > best && s is not null)
            {
                best = end;
                if (mod is not null && s.Mod is null)
                {
                    s.Mod = mod;
                }

                spec = s;
            }

            var next = Prefix(j, out var m);
            if (next <= j)
            {
                break;
            }

            mod ??= m;
            j = next;
        }

        return best;
    }

    /// <summary>"(the) day before last Tuesday", "the day after Christmas", "the day before yesterday": the day next to a named day.</summary>
    private int DayBeforeAfter(int i, out TimexSpec? spec)
    {
        spec = null;
        var k = W(i) == "the" ? i + 1 : i;
        if (W(k) != "day" || !(IsText(k + 1, "before") || IsText(k + 1, "after")) || k + 2 >= _t.Length
            || W(k + 2) == "day" || (W(k + 2) == "the" && W(k + 3) == "day"))
        {
            return 0; // one level only: "the day before the day before ..." would recurse as deep as the text is long
        }

        var end = Match(k + 2, out var day);
        if (end <= k + 2 || day is null || day.DayShift != 0 || day.Type != TimexType.Date
            || !(day.Kind == SpecKind.Weekday || day is { Kind: SpecKind.Calendar, Day: > 0 } || day.Holiday != Holidays.Holiday.None || day is { Kind: SpecKind.Relative, Unit: TimeUnit.Day }))
        {
            return 0;
        }

        day.DayShift = IsText(k + 1, "before") ? -1 : 1;
        spec = day;
        return end;
    }

    private int Prefix(int i, out string? mod)
    {
        mod = null;
        var w = W(i);
        if (w is null)
        {
            return i;
        }

        switch (w)
        {
            case "the":
            case "fiscal":
            case "just":
                return i + 1;
            case "about" or "around" or "roughly" or "approximately" when W(i + 1) != "the":
                mod = "APPROX";
                return i + 1;
            case "nearly":
            case "almost":
                mod = "LESS_THAN";
                return i + 1;
            case "under" when IsQuantityStart(i + 1):
                mod = "LESS_THAN";
                return i + 1;
            case "sometime" or "full" or "entire" or "whole":
                return i + 1;
            case "some" when IsQuantityStart(i + 1):
                mod = "APPROX";
                return i + 1;
            case "more" or "less" or "fewer" when W(i + 1) == "than":
                mod = w == "more" ? "MORE_THAN" : "LESS_THAN";
                return i + 2;
            case "no" when W(i + 1) == "more" && W(i + 2) == "than":
                mod = "EQUAL_OR_LESS";
                return i + 3;
            case "at" when W(i + 1) is "least" or "most":
                mod = W(i + 1) == "least" ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
                return i + 2;
            case "up" when W(i + 1) == "to":
                mod = "EQUAL_OR_LESS";
                return i + 2;
            case "early":
            case "earlier":
                mod = "START";
                return IsP(i + 1, '-') ? i + 2 : i + 1;
            case "late":
            case "later":
                mod = "END";
                return IsP(i + 1, '-') ? i + 2 : i + 1;
            case "mid":
                mod = "MID";
                return IsP(i + 1, '-') ? i + 2 : i + 1;
            case "end" or "beginning" or "start" or "middle" or "rest" when W(i + 1) == "of":
                mod = w switch { "end" => "END", "middle" => "MID", "rest" => null, _ => "START" };
                return i + 2;
            default:
                return i;
        }
    }

    private int Core(int i, out TimexSpec? spec)
    {
        spec = null;
        if (i >= _t.Length)
        {
            return 0;
        }

        ref readonly var t = ref _t[i];
        if (t.Kind == TokenKind.Punct)
        {
            return 0;
        }

        var best = 0;
        void Take(int end, TimexSpec? s, ref int best, ref TimexSpec? spec)
        {
            if (end > best && s is not null)
            {
                best = end;
                spec = s;
            }
        }

        TimexSpec? s;
        int e;
        if (t.Kind == TokenKind.Number)
        {
            e = TimeOfDay(i, out s);
            Take(e, s, ref best, ref spec);
            e = DayMonth(i, out s);
            Take(e, s, ref best, ref spec);
            e = IsoDate(i, out s);
            Take(e, s, ref best, ref spec);
            e = YearExpr(i, out s);
            Take(e, s, ref best, ref spec);
            e = Decade(i, out s);
            Take(e, s, ref best, ref spec);
            e = Ordinal(i, out s);
            Take(e, s, ref best, ref spec);
            e = QuantityUnit(i, out s);
            Take(e, s, ref best, ref spec);
            return best;
        }

        var h = HolidayAt(i, out var holiday);
        if (h > i)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Holiday = holiday };
            if (IsText(h, "week") && !IsP(h + 1, '\''))
            {
                // "Easter week": the week the holiday falls in.
                spec.WeekOf = true;
                h++;
            }

            best = YearTail(h, spec);
        }

        var w = t.Word;
        if (w is null)
        {
            return best;
        }

        if (w.Month > 0)
        {
            e = MonthFirst(i, out s);
            Take(e, s, ref best, ref spec);
        }

        if (w.Weekday > 0)
        {
            e = WeekdayExpr(i, out s);
            Take(e, s, ref best, ref spec);
        }

        if (w.Season is not null)
        {
            e = SeasonExpr(i, out s, requireContext: true);
            Take(e, s, ref best, ref spec);
        }

        if (w.Ordinal > 0)
        {
            e = Ordinal(i, out s);
            Take(e, s, ref best, ref spec);
        }

        if (w.Cardinal >= 0 || w.Word is "noon" or "midnight" or "midday")
        {
            e = YearExpr(i, out s);
            Take(e, s, ref best, ref spec);
            e = TimeOfDay(i, out s);
            Take(e, s, ref best, ref spec);
        }

        if (w.Unit != TimeUnit.None || w.Word == "year")
        {
            e = UnitFirst(i, out s);
            Take(e, s, ref best, ref spec);
        }

        e = YearAgoPeriod(i, out s);
        Take(e, s, ref best, ref spec);

        if (w.Word == "last" && W(i + 1) == "half")
        {
            // "the last half of 1989" is its second half; without a year ("the last half hour") it is no date.
            s = new TimexSpec { Kind = SpecKind.Calendar, Half = 2 };
            e = YearTail(i + 2, s);
            Take(e > i + 2 ? e : 0, s, ref best, ref spec);
        }

        e = QuantityUnit(i, out s);
        Take(e, s, ref best, ref spec);
        e = Deictic(i, out s);
        Take(e, s, ref best, ref spec);
        e = Anaphoric(i, out s);
        Take(e, s, ref best, ref spec);
        e = Words(i, out s);
        Take(e, s, ref best, ref spec);
        e = SetExpr(i, out s);
        Take(e, s, ref best, ref spec);
        return best;
    }

    // ---- token helpers ----

    private string? W(int i) => (uint)i < (uint)_t.Length ? _t[i].Word?.Word : null;

    private TimeWord? Wd(int i) => (uint)i < (uint)_t.Length ? _t[i].Word : null;

    private bool IsP(int i, char c) => (uint)i < (uint)_t.Length && _t[i].Kind == TokenKind.Punct && _t[i].Punct == c;

    private bool IsNum(int i) => (uint)i < (uint)_t.Length && _t[i].Kind == TokenKind.Number && _t[i].Number >= 0 && !_t[i].ShortYear && _t[i].Minutes < 0;

    /// <summary>A holiday named by its capitalised name ("Thanksgiving Day", "New Year's Eve"): its end, or <paramref name="i"/>.</summary>
    private int HolidayAt(int i, out Holidays.Holiday holiday)
    {
        holiday = Holidays.Holiday.None;
        if (i >= _t.Length || !_t[i].Upper || _t[i].Kind != TokenKind.Word)
        {
            return i;
        }

        var day = IsText(i + 1, "day");
        var possessive = IsP(i + 2, '\'') && IsText(i + 3, "s");
        (holiday, var end) = _text[_t[i].Start] switch
        {
            'C' or 'c' when IsText(i, "christmas") => IsText(i + 1, "eve") ? (Holidays.Holiday.ChristmasEve, i + 2) : (Holidays.Holiday.Christmas, day ? i + 2 : i + 1),
            'T' or 't' when IsText(i, "thanksgiving") => (Holidays.Holiday.Thanksgiving, day ? i + 2 : i + 1),
            'E' or 'e' when IsText(i, "easter") => (Holidays.Holiday.Easter, day || IsText(i + 1, "sunday") ? i + 2 : i + 1),
            'E' or 'e' when day && IsText(i, "election") && _t[i + 1].Upper => (Holidays.Holiday.ElectionDay, i + 2),
            'H' or 'h' when IsText(i, "halloween") => (Holidays.Holiday.Halloween, i + 1),
            'L' or 'l' when day && (IsText(i, "labor") || IsText(i, "labour")) && _t[i + 1].Upper => (Holidays.Holiday.LaborDay, i + 2),
            'M' or 'm' when day && IsText(i, "memorial") && _t[i + 1].Upper => (Holidays.Holiday.MemorialDay, i + 2),
            'V' or 'v' when day && IsText(i, "veterans") && _t[i + 1].Upper => (Holidays.Holiday.VeteransDay, i + 2),
            'V' or 'v' when possessive && IsText(i, "valentine") && IsText(i + 4, "day") => (Holidays.Holiday.ValentinesDay, i + 5),
            'N' or 'n' when IsText(i, "new") && IsText(i + 1, "year") && possessive && (IsText(i + 4, "day") || IsText(i + 4, "eve")) =>
                (IsText(i + 4, "eve") ? Holidays.Holiday.NewYearsEve : Holidays.Holiday.NewYearsDay, i + 5),
            _ => (Holidays.Holiday.None, i),
        };

        // "the Christmas tree", "Easter eggs": a holiday's name used as a modifier is no date.
        if (holiday != Holidays.Holiday.None && end - i == 1 && end < _t.Length && _t[end].Kind == TokenKind.Word && !_t[end].Upper && _t[end].Word is null)
        {
            holiday = Holidays.Holiday.None;
            return i;
        }

        return end;
    }

    private bool IsDeterminer(int i) =>
        W(i) is "the" or "this" or "last" or "next" or "that" or "a" or "an" || IsText(i, "its") || IsText(i, "their") || IsText(i, "his") || IsText(i, "her") || IsText(i, "all");

    /// <summary>A futures market's word after a month ("the July contract", "March delivery", "December futures").</summary>
    private bool IsContractWord(int i) =>
        IsText(i, "delivery") || IsText(i, "contract") || IsText(i, "contracts") || IsText(i, "futures") || IsText(i, "options");

    /// <summary>Token <paramref name="i"/> is the word <paramref name="word"/> (any case), lexicon word or not.</summary>
    private bool IsText(int i, string word) =>
        (uint)i < (uint)_t.Length && _t[i].Kind == TokenKind.Word && _text[_t[i].Start.._t[i].End].Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool Adjacent(int i) => i > 0 && i < _t.Length && _t[i].Start == _t[i - 1].End;

    /// <summary>A month name where it is one: "may" and "march" are verbs, "Jan" needs a period or a number.</summary>
    private bool IsMonth(int i, out int end)
    {
        end = i;
        var w = Wd(i);
        if (w is null || w.Month == 0 || !_t[i].Upper)
        {
            return false;
        }

        end = i + 1;
        if (w.Abbreviation)
        {
            if (IsP(i + 1, '.') && Adjacent(i + 1))
            {
                end = i + 2;
                return true;
            }

            return IsNum(i + 1);
        }

        if (w.Word is "may" or "march")
        {
            if (IsNum(i + 1))
            {
                return true;
            }

            var prev = i > 0 ? W(i - 1) : null;
            // "The March accession": a month before the noun it dates.
            if (prev == "the" && i + 1 < _t.Length && _t[i + 1] is { Kind: TokenKind.Word, Upper: false } && W(i + 1) is not ("of" or "on" or "to"))
            {
                return true;
            }

            return IsContractWord(i + 1) || prev is "in" or "of" or "since" or "until" or "by" or "early" or "late" or "mid" or "last" or "next"
                or "this" or "during" or "from" or "through" or "between" or "to" or "and" or "before" or "after" or "end"
                || (i > 0 && IsP(i - 1, '-') && W(i - 2) == "mid");
        }

        return true;
    }

    private int DayNumber(int i)
    {
        if (i >= _t.Length || _t[i].Kind != TokenKind.Number || _t[i].ShortYear || _t[i].Minutes >= 0 || _t[i].Digits > 2)
        {
            return -1;
        }

        var n = _t[i].Number;
        if (n < 1 || n > 31 || _t[i].Suffix is "s" or "am" or "pm" or "a" or "p")
        {
            return -1;
        }

        return n;
    }

    /// <summary>A year written as four digits, "'98", or in words ("nineteen ninety-six", "two thousand").</summary>
    private int YearNumber(int i, out int end, bool strict)
    {
        end = i;
        if (i >= _t.Length)
        {
            return -1;
        }

        ref readonly var t = ref _t[i];
        if (t.Kind == TokenKind.Number)
        {
            if (t.Suffix is not null || t.Minutes >= 0)
            {
                return -1;
            }

            if (t.ShortYear)
            {
                end = i + 1;
                return t.Number >= 30 ? 1900 + t.Number : 2000 + t.Number;
            }

            if (t.Digits == 4 && t.Number >= (strict ? 1900 : 1000) && t.Number <= 2099)
            {
                end = i + 1;
                return t.Number;
            }

            return -1;
        }

        var w = t.Word;
        if (w is null)
        {
            return -1;
        }

        if (w.Cardinal is >= 10 and <= 20 && t.Word is not null)
        {
            var tail = Cardinal(i + 1, out var e2, maxWords: 3);
            if (tail is >= 10 and <= 99 && w.Cardinal is 19 or 20 or 18)
            {
                end = e2;
                return (w.Cardinal * 100) + tail;
            }
        }

        if (w.Cardinal == 2 && W(i + 1) == "thousand")
        {
            var k = i + 2;
            if (W(k) == "and")
            {
                k++;
            }

            var tail = Cardinal(k, out var e2, maxWords: 3);
            if (tail is >= 1 and <= 99)
            {
                end = e2;
                return 2000 + tail;
            }

            end = i + 2;
            return 2000;
        }

        return -1;
    }

    /// <summary>A cardinal number in digits or words ("24", "twenty-four", "twenty four", "a hundred").</summary>
    private int Cardinal(int i, out int end, int maxWords = 6)
    {
        end = i;
        if (i >= _t.Length)
        {
            return -1;
        }

        ref readonly var t = ref _t[i];
        if (t.Kind == TokenKind.Number)
        {
            if (t.Number < 0 || t.Suffix is not null || t.Minutes >= 0 || t.ShortYear)
            {
                return -1;
            }

            end = i + 1;
            return t.Number;
        }

        var total = 0;
        var current = -1;
        var k = i;
        var words = 0;
        while (k < _t.Length && words < maxWords)
        {
            var w = Wd(k);
            if (w is null || w.Cardinal < 0)
            {
                if (current >= 0 && IsP(k, '-') && Adjacent(k) && Wd(k + 1) is { Cardinal: >= 1 and <= 9 } && current % 10 == 0 && current >= 20)
                {
                    k++;
                    continue;
                }

                break;
            }

            var v = w.Cardinal;
            if (v == 100)
            {
                current = (current < 0 ? 1 : current) * 100;
            }
            else if (v == 1000)
            {
                total += (current < 0 ? 1 : current) * 1000;
                current = 0;
            }
            else if (current < 0)
            {
                current = v;
            }
            else if (current % 100 == 0 && current > 0 && v < 100)
            {
                current += v;
            }
            else if (current % 10 == 0 && current >= 20 && current < 100 && v < 10)
            {
                current += v;
            }
            else
            {
                break;
            }

            words++;
            k++;
            end = k;
        }

        if (end == i)
        {
            return -1;
        }

        return total + Math.Max(current, 0);
    }

    private bool IsQuantityStart(int i)
    {
        var w = Wd(i);
        return IsNum(i) || (w is not null && (w.Cardinal >= 0 || w.Word is "a" or "an" or "several" or "few" or "couple" or "many"));
    }

    /// <summary>How many: a number, "a", "a few", "several", "a couple of". Unknown counts give "X".</summary>
    private bool Quantity(int i, out int end, out string q)
    {
        end = i;
        q = "";
        var w = W(i);
        switch (w)
        {
            case "a" or "an":
                if (W(i + 1) == "few")
                {
                    end = i + 2;
                    q = "X";
                    return true;
                }

                if (W(i + 1) == "couple")
                {
                    end = W(i + 2) == "of" ? i + 3 : i + 2;
                    q = "2";
                    return true;
                }

                if (W(i + 1) == "dozen")
                {
                    end = i + 2;
                    q = "12";
                    return true;
                }

                end = i + 1;
                q = "1";
                return true;
            case "several" or "few" or "many":
                end = i + 1;
                q = "X";
                return true;
            case "couple" when W(i + 1) == "of":
                end = i + 2;
                q = "2";
                return true;
        }

        var n = Cardinal(i, out end);
        if (n < 0)
        {
            return false;
        }

        // "two to three weeks", "12 to 18 months": the span covers both; TimeML gives the lower bound.
        if (W(end) is "to" or "or" && Cardinal(end + 1, out var rangeEnd) > n && Wd(rangeEnd) is { Unit: not TimeUnit.None })
        {
            end = rangeEnd;
        }

        // "2 1/2 years"
        if (IsNum(end) && IsP(end + 1, '/') && IsNum(end + 2) && _t[end].Number == 1 && _t[end + 2].Number == 2)
        {
            end += 3;
            q = n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".5";
            return true;
        }

        q = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static string DurationValue(string q, TimeUnit unit)
    {
        if (q.EndsWith(".5", StringComparison.Ordinal))
        {
            var whole = q[..^2];
            switch (unit)
            {
                case TimeUnit.Year: return "P" + whole + "Y6M";
                case TimeUnit.Hour: return "PT" + whole + "H30M";
                case TimeUnit.Day: return "P" + whole + "DT12H";
                case TimeUnit.Minute: return "PT" + whole + "M30S";
            }
        }

        if (unit == TimeUnit.Fortnight)
        {
            return q == "X" ? "PXW" : "P" + (int.Parse(q, System.Globalization.CultureInfo.InvariantCulture) * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + "W";
        }

        return unit switch
        {
            TimeUnit.Second => "PT" + q + "S",
            TimeUnit.Minute => "PT" + q + "M",
            TimeUnit.Hour => "PT" + q + "H",
            TimeUnit.Day => "P" + q + "D",
            TimeUnit.Week => "P" + q + "W",
            TimeUnit.Weekend => "P" + q + "WE",
            TimeUnit.Month => "P" + q + "M",
            TimeUnit.Quarter => "P" + q + "Q",
            TimeUnit.Year => "P" + q + "Y",
            TimeUnit.Decade => q == "X" ? "PXDE" : "P" + Times(q, 10) + "Y",
            TimeUnit.Century => q == "X" ? "PXC" : "P" + Times(q, 100) + "Y",
            _ => "PXX",
        };
    }

    private static string Times(string q, int factor) =>
        double.TryParse(q, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? (v * factor).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "X";

    // ---- rules ----

    /// <summary>"10:04", "5 p.m.", "noon", with a time zone and a date after it ("10 p.m. Wednesday", "10:04 GMT 17 June 2021").</summary>
    private int TimeOfDay(int i, out TimexSpec? spec)
    {
        spec = null;
        int hour, minute = 0, k;
        ref readonly var t = ref _t[i];
        if (t.Kind == TokenKind.Number && !t.ShortYear)
        {
            hour = t.Number;
            if (t.Minutes >= 0)
            {
                minute = t.Minutes;
                if (hour > 24 || minute > 59)
                {
                    return 0;
                }
            }

            k = i + 1;
            var meridiem = t.Suffix is "am" or "pm" ? t.Suffix : null;
            if (meridiem is null && W(k) is "a.m" or "p.m" or "am" or "pm")
            {
                meridiem = W(k)![0] == 'a' ? "am" : "pm";
                k++;
                if (IsP(k, '.') && Adjacent(k))
                {
                    k++;
                }
            }

            if (meridiem is null && hour is >= 1 and <= 12 && ClockPartOfDay(k, out var pk) is { } pm)
            {
                meridiem = pm;
                k = pk;
            }

            if (meridiem is null && t.Minutes < 0)
            {
                // "1200 GMT": a 24-hour time written with a zone.
                if (t.Digits == 4 && t.Suffix is null && t.Number % 100 < 60 && t.Number / 100 <= 24 && IsZone(k))
                {
                    hour = t.Number / 100;
                    minute = t.Number % 100;
                }
                else
                {
                    return 0;
                }
            }

            if (meridiem is not null)
            {
                if (hour is < 1 or > 12)
                {
                    return 0;
                }

                if (meridiem == "pm" && hour < 12)
                {
                    hour += 12;
                }
                else if (meridiem == "am" && hour == 12)
                {
                    hour = 0;
                }
            }
        }
        else if (W(i) is "noon" or "midnight" or "midday" && !(i > 0 && IsText(i - 1, "high")))
        {
            // ("high noon" is a moment of decision, not a clock time.)
            hour = W(i) == "midnight" ? 24 : 12;
            k = i + 1;
        }
        else if (Wd(i) is { Cardinal: >= 1 and <= 12 } w && i > 0 && (IsText(i - 1, "at") || IsText(i - 1, "until") || IsText(i - 1, "till") || IsText(i - 1, "by") || IsText(i - 1, "about") || IsText(i - 1, "around") || IsText(i - 1, "before") || IsText(i - 1, "after") || IsText(i - 1, "since") || IsText(i - 1, "from"))
            && ClockPartOfDay(i + 1, out k) is { } pm)
        {
            // "at four in the morning", "until eight in the evening" (a bare "three in the morning" may count people).
            hour = pm == "pm" && w.Cardinal < 12 ? w.Cardinal + 12 : pm == "am" && w.Cardinal == 12 ? 0 : w.Cardinal;
        }
        else
        {
            return 0;
        }

        if (IsZone(k))
        {
            k++;
        }

        // A date right after ("10 p.m. Wednesday", "5 p.m. EST Nov. 9", "10:04 GMT17 June 2021").
        TimexSpec? date = null;
        var dk = k;
        if (W(dk) is "on" || (IsP(dk, ',') && Wd(dk + 1) is { Month: > 0 }))
        {
            dk++;
        }

        var de = DateAfterTime(dk, out date);
        if (de > dk && date is not null)
        {
            k = de;
        }
        else
        {
            date = null;
        }

        spec = date ?? TimexSpec.Rel(TimeUnit.Day, 0);
        spec.Type = TimexType.Time;
        spec.Hour = hour;
        spec.Minute = minute;
        return k;
    }

    /// <summary>
    /// "in the morning" (a.m.) or "in the afternoon/evening" (p.m.) right after a clock hour ("4 in the morning"):
    /// the meridiem, and the token after the words.
    /// </summary>
    private string? ClockPartOfDay(int k, out int end)
    {
        end = k;
        if (!IsText(k, "in") || W(k + 1) != "the")
        {
            return null;
        }

        end = k + 3;
        return W(k + 2) switch
        {
            "morning" => "am",
            "afternoon" or "evening" => "pm",
            _ => null,
        };
    }

    private bool IsZone(int k) => W(k) is "gmt" or "utc" or "est" or "edt" or "cst" or "cdt" or "pst" or "pdt" or "bst" or "cet" or "cest" or "msk" or "et" or "pt";

    private int DateAfterTime(int i, out TimexSpec? spec)
    {
        spec = null;
        if (i >= _t.Length)
        {
            return 0;
        }

        var best = 0;
        var e = DayMonth(i, out var s);
        if (e > best && s is { Kind: SpecKind.Calendar, Day: > 0 })
        {
            best = e;
            spec = s;
        }

        if (Wd(i) is { Month: > 0 })
        {
            e = MonthFirst(i, out s);
            if (e > best && s is { Day: > 0 })
            {
                best = e;
                spec = s;
            }
        }

        if (Wd(i) is { Weekday: > 0 })
        {
            e = WeekdayExpr(i, out s);
            if (e > best && s is not null)
            {
                best = e;
                spec = s;
            }
        }

        if (W(i) is "today" or "yesterday" or "tomorrow")
        {
            best = i + 1;
            spec = TimexSpec.Rel(TimeUnit.Day, W(i) == "today" ? 0 : W(i) == "yesterday" ? -1 : 1);
        }

        return best;
    }

    /// <summary>"17 June 2021", "the 5th of May".</summary>
    private int DayMonth(int i, out TimexSpec? spec)
    {
        spec = null;
        var day = DayNumber(i);
        if (day < 0)
        {
            return 0;
        }

        var k = i + 1;
        if (W(k) == "of")
        {
            k++;
        }

        if (!IsMonth(k, out var me))
        {
            return 0;
        }

        spec = new TimexSpec { Kind = SpecKind.Calendar, Month = _t[k].Word!.Month, Day = day };
        k = me;
        var save = k;
        if (IsP(k, ','))
        {
            k++;
        }

        var y = YearNumber(k, out var ye, strict: false);
        if (y > 0)
        {
            spec.Year = y;
            return ye;
        }

        return save;
    }

    /// <summary>"Feb. 11", "Feb. 11-13", "Oct. 15, 1999", "May 2017", "January", "October last year".</summary>
    private int MonthFirst(int i, out TimexSpec? spec)
    {
        spec = null;
        if (!IsMonth(i, out var k))
        {
            return 0;
        }

        var month = _t[i].Word!.Month;
        var day = DayNumber(k);
        // "May 5:30" is a time; "Oct. 26:" before a quotation is a date.
        var clock = IsP(k + 1, ':') && Adjacent(k + 1) && IsNum(k + 2) && Adjacent(k + 2);
        if (day > 0 && !clock && !(_t[k].Digits == 2 && _t[k].Number == 0))
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Month = month, Day = day };
            k++;
            TimexSpec? range = null;

            // "April 24 and 25" names two days; "April 24 and 25 people" does not.
            var pair = W(k) == "and" && (k + 2 >= _t.Length || _t[k + 2].Kind == TokenKind.Punct || YearNumber(IsP(k + 2, ',') ? k + 3 : k + 2, out _, strict: false) > 0);
            if ((IsP(k, '-') || W(k) is "to" or "through" || pair) && DayNumber(k + 1) > day)
            {
                range = new TimexSpec { Kind = SpecKind.Calendar, Month = month, Day = DayNumber(k + 1) };
                k += 2;
            }

            var save = k;
            if (IsP(k, ','))
            {
                k++;
            }

            var y = YearNumber(k, out var ye, strict: false);
            if (y > 0)
            {
                spec.Year = y;
                if (range is not null)
                {
                    range.Year = y;
                }

                k = ye;
            }
            else
            {
                k = save;
            }

            spec.RangeEnd = range;
            return k;
        }

        var save2 = k;
        if (IsP(k, ','))
        {
            k++;
        }

        if (W(k) == "of" && YearNumber(k + 1, out _, strict: false) > 0)
        {
            k++;
        }

        var year = YearNumber(k, out var yend, strict: false);
        if (year > 0)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Month = month, Year = year };
            return yend;
        }

        k = save2;
        spec = new TimexSpec { Kind = SpecKind.Calendar, Month = month, ContractMonth = IsContractWord(k) };

        // "the July to September period", "January-March"
        if ((W(k) is "to" or "through" || (IsP(k, '-') && Adjacent(k))) && IsMonth(k + 1, out var re))
        {
            spec.RangeEnd = new TimexSpec { Kind = SpecKind.Calendar, Month = _t[k + 1].Word!.Month };
            var ry = YearNumber(IsP(re, ',') ? re + 1 : re, out var rye, strict: false);
            if (ry > 0)
            {
                spec.Year = ry;
                spec.RangeEnd.Year = ry;
                return rye;
            }

            return re;
        }

        // "October last year", "January this year", "May of next year".
        var ofk = W(k) == "of" ? k + 1 : k;
        if (W(ofk) is "last" or "this" or "next" && W(ofk + 1) == "year")
        {
            spec.YearOffset = W(ofk) switch { "last" => -1, "next" => 1, _ => 0 };
            return ofk + 2;
        }

        return k;
    }

    /// <summary>"Tuesday", "Saturday night", "Saturday, April 25".</summary>
    private int WeekdayExpr(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = Wd(i)!;
        if (w.Plural)
        {
            // "on Mondays" is a set.
            if (!_t[i].Upper)
            {
                return 0;
            }

            spec = TimexSpec.Lit(TimexType.Set, "XXXX-WXX-" + w.Weekday.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return i + 1;
        }

        if (!_t[i].Upper)
        {
            return 0;
        }

        var k = i + 1;
        if (w.Abbreviation)
        {
            if (IsP(k, '.') && Adjacent(k))
            {
                k++;
            }
            else
            {
                return 0;
            }
        }

        // "Saturday, April 25": the date carries the value.
        var dk = IsP(k, ',') ? k + 1 : k;
        if (IsMonth(dk, out _))
        {
            var e = MonthFirst(dk, out var d);
            if (e > dk && d is { Day: > 0 })
            {
                spec = d;
                return e;
            }
        }

        // "the Sunday Telegraph", "the Monday Club": a name, not a day.
        if (i > 0 && W(i - 1) == "the" && k < _t.Length && _t[k].Kind == TokenKind.Word && _t[k].Upper && Wd(k) is null)
        {
            return 0;
        }

        if (Wd(k) is { PartOfDay: not null, Plural: true } parts)
        {
            // "Tuesday nights" recur, as "on Mondays" does.
            spec = TimexSpec.Lit(TimexType.Set, "XXXX-WXX-" + w.Weekday.ToString(System.Globalization.CultureInfo.InvariantCulture) + "T" + parts.PartOfDay);
            return k + 1;
        }

        spec = new TimexSpec { Kind = SpecKind.Weekday, Weekday = w.Weekday };
        if (Wd(k) is { PartOfDay: not null } p)
        {
            spec.PartOfDay = p.PartOfDay;
            spec.Type = TimexType.Time;
            return k + 1;
        }

        return k;
    }

    private int SeasonExpr(int i, out TimexSpec? spec, bool requireContext)
    {
        spec = null;
        var w = Wd(i)!;
        var k = i + 1;
        var ofk = W(k) == "of" ? k + 1 : k;
        var y = YearNumber(ofk, out var ye, strict: false);
        if (y > 0)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Season = w.Season, Year = y };
            return ye;
        }

        // "the fall in interest rates", "the fall of the dollar": a drop, not a season. "Winter wheat", "hard red
        // winter" and "spring barley" are classes of grain, sown in that season but naming no time.
        if ((w.Word == "fall" && W(k) is "in" or "of" && W(k + 1) is not ("last" or "this" or "next" or "that"))
            || IsText(k, "wheat") || IsText(k, "barley") || IsText(k, "rapeseed") || IsText(i - 1, "red") || IsText(i - 1, "white") || IsText(i - 1, "durum"))
        {
            return 0;
        }

        if (requireContext)
        {
            // A bare "fall" or "spring" is a verb or a noun far more often than a season.
            var prev = i > 0 ? W(i - 1) : null;
            if (prev is not ("the" or "in" or "this" or "last" or "next" or "early" or "late" or "mid" or "during" or "until" or "by" or "since" or "-") && w.Word is "fall" or "spring")
            {
                return 0;
            }

            if (prev is null && w.Word is not ("summer" or "winter" or "autumn"))
            {
                return 0;
            }
        }

        spec = new TimexSpec { Kind = SpecKind.Calendar, Season = w.Season };
        return k;
    }

    private int IsoDate(int i, out TimexSpec? spec)
    {
        spec = null;
        if (_t[i].Digits != 4 || !IsNum(i))
        {
            return 0;
        }

        var sep = IsP(i + 1, '-') ? '-' : IsP(i + 1, '/') ? '/' : '\0';
        if (sep == '\0' || !Adjacent(i + 1) || !IsNum(i + 2) || !Adjacent(i + 2) || _t[i + 2].Digits != 2)
        {
            return 0;
        }

        var year = _t[i].Number;
        var month = _t[i + 2].Number;
        if (year < 1000 || month is < 1 or > 12)
        {
            return 0;
        }

        if (IsP(i + 3, sep) && Adjacent(i + 3) && IsNum(i + 4) && Adjacent(i + 4) && _t[i + 4].Digits == 2 && _t[i + 4].Number is >= 1 and <= 31)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Year = year, Month = month, Day = _t[i + 4].Number };
            return i + 5;
        }

        return 0;
    }

    /// <summary>"1990", "fiscal 1989", "nineteen ninety-six", "between 2017 and 2019", "2017-2019".</summary>
    private int YearExpr(int i, out TimexSpec? spec)
    {
        spec = null;
        var prev = i > 0 ? W(i - 1) : null;
        var prevPunct = i > 0 && _t[i - 1].Kind == TokenKind.Punct ? _t[i - 1].Punct : '\0';
        if (prevPunct is '$' or '#' or '£' or '€' || (prevPunct == '-' && i > 1 && _t[i - 2].Kind == TokenKind.Number && Adjacent(i)))
        {
            return 0;
        }

        var strict = prev is not ("in" or "since" or "of" or "by" or "until" or "from" or "before" or "after" or "during" or "fiscal" or "year");
        var y = YearNumber(i, out var end, strict);
        if (y < 0)
        {
            return 0;
        }

        if (_t[i].Kind == TokenKind.Word && prev is not ("in" or "since" or "of" or "by" or "until" or "from" or "before" or "after" or "during" or "year"))
        {
            // Years in words are rare; without a preposition "nineteen ninety" is as likely a count.
            if (!(y >= 1900 && _t[i].Word!.Cardinal is 19 or 20))
            {
                return 0;
            }
        }

        // A count, not a year: "1990 people", "2000 %".
        if (end < _t.Length && (IsP(end, '%') || IsCountNoun(end)))
        {
            return 0;
        }

        spec = new TimexSpec { Kind = SpecKind.Calendar, Year = y };

        // "the 1988 third quarter", "the 1988 period"
        if (IsOrdinalAt(end))
        {
            var o = Ordinal(end);
            if (o.End > 0 && o.Spec is { Quarter: > 0 } or { Half: > 0 })
            {
                o.Spec.Year = y;
                spec = o.Spec;
                return o.End;
            }
        }

        if (W(end) is "quarter" or "period" && i > 0 && W(i - 1) is "the" or "fiscal")
        {
            spec.Quarter = -1;
            return end + 1;
        }

        // Ranges: "2017-2019", "2017-19", "between 2017 and 2019", "from 2017 to 2019".
        if (IsP(end, '-') && Adjacent(end) && IsNum(end + 1) && Adjacent(end + 1))
        {
            var n = _t[end + 1].Number;
            var ey = _t[end + 1].Digits == 4 ? n : _t[end + 1].Digits == 2 ? (y / 100 * 100) + n : -1;
            if (ey > y && ey < y + 100)
            {
                spec.RangeEnd = new TimexSpec { Kind = SpecKind.Calendar, Year = ey };
                return end + 2;
            }
        }

        if ((prev is "between" && W(end) == "and") || (prev is "from" && W(end) is "to" or "through" or "until"))
        {
            var ey = YearNumber(end + 1, out var e2, strict: false);
            if (ey > y)
            {
                spec.RangeEnd = new TimexSpec { Kind = SpecKind.Calendar, Year = ey };
                return e2;
            }
        }

        return end;
    }

    private static readonly HashSet<string> CountNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "men", "women", "children", "troops", "soldiers", "workers", "jobs", "employees", "shares",
        "units", "cars", "vehicles", "miles", "feet", "meters", "metres", "kilometers", "kilometres", "km", "tons", "tonnes",
        "barrels", "acres", "votes", "percent", "points", "dollars", "euros", "pounds", "yen", "rubles", "roubles",
        "households", "homes", "houses", "deaths", "cases", "refugees", "civilians", "families", "students", "members",
        "signatures", "copies", "patients", "prisoners", "hostages", "tanks", "aircraft", "planes", "ships", "rockets",
        "missiles", "pages", "words", "calories", "rooms", "seats", "beds", "customers", "users", "visitors",
    };

    private bool IsCountNoun(int i) =>
        _t[i].Kind == TokenKind.Word && CountNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_text[_t[i].Start.._t[i].End]);

    /// <summary>"the 1990s", "the '80s".</summary>
    private int Decade(int i, out TimexSpec? spec)
    {
        spec = null;
        ref readonly var t = ref _t[i];
        if (t.Suffix != "s" || t.Minutes >= 0)
        {
            return 0;
        }

        if (t.ShortYear && t.Number % 10 == 0)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Decade = (t.Number >= 30 ? 190 : 200) + (t.Number / 10) };
            return i + 1;
        }

        if (t.Digits == 4 && t.Number % 10 == 0 && t.Number is >= 1000 and <= 2090)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Decade = t.Number / 10 };
            return i + 1;
        }

        return 0;
    }

    /// <summary>Ordinals: "the third quarter (of 1990)", "third-quarter", "the first half", "the 20th century".</summary>
    private int Ordinal(int i, out TimexSpec? spec)
    {
        spec = null;
        int n;
        if (_t[i].Kind == TokenKind.Number)
        {
            if (_t[i].Suffix is not ("st" or "nd" or "rd" or "th") || _t[i].Number < 1)
            {
                return 0;
            }

            n = _t[i].Number;
        }
        else
        {
            n = Wd(i)!.Ordinal;
        }

        var k = i + 1;
        if (W(k) == "fiscal")
        {
            k++;
        }

        if (IsP(k, '-') && Adjacent(k))
        {
            k++;
        }

        var u = W(k);
        if (u is "quarter" or "quarters" && n <= 4)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Quarter = n };
            return YearTail(k + 1, spec);
        }

        if (u is "half" && n <= 2)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Half = n };
            return YearTail(k + 1, spec);
        }

        if (u is "century" && n <= 21)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Century = n - 1 };
            return k + 1;
        }

        return 0;
    }

    /// <summary>
    /// The report's period a year before, as "the year-ago quarter" is: "the same period last year", "the
    /// corresponding quarter a year earlier", "last year's quarter", "the quarter a year ago".
    /// </summary>
    private int YearAgoPeriod(int i, out TimexSpec? spec)
    {
        spec = null;
        int end;
        if (W(i) == "last" && W(i + 1) == "year" && W(i + 4) is "quarter" or "period" && IsPossessive(i + 3))
        {
            end = i + 5;
        }
        else
        {
            var k = W(i) is "same" or "corresponding" or "comparable" ? i + 1 : i;
            if (W(k) is not ("quarter" or "period"))
            {
                return 0;
            }

            if (W(k + 1) == "last" && W(k + 2) == "year")
            {
                end = k + 3;
            }
            else if (W(k + 1) == "a" && W(k + 2) == "year" && W(k + 3) is "ago" or "earlier")
            {
                end = k + 4;
            }
            else
            {
                return 0;
            }
        }

        spec = TimexSpec.Rel(TimeUnit.Quarter, -5);
        return end;
    }

    /// <summary>"of 1990", ", 1990", "1990" after a quarter or half; else the year stays to be resolved.</summary>
    private int YearTail(int k, TimexSpec spec)
    {
        var j = W(k) == "of" || IsP(k, ',') ? k + 1 : k;
        var y = YearNumber(j, out var ye, strict: false);
        if (y > 0)
        {
            spec.Year = y;
            return ye;
        }

        // "of this year", "of last year", "of the year"
        if (W(k) == "of" && W(k + 1) is "this" or "last" or "next" && W(k + 2) == "year")
        {
            spec.YearOffset = W(k + 1) switch { "last" => -1, "next" => 1, _ => 0 };
            return k + 3;
        }

        return k;
    }

    /// <summary>"year-end", "year-earlier", "year-ago"; a bare unit is not an expression.</summary>
    private int UnitFirst(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = Wd(i)!;

        // "a day-long meeting", "a decades-long feud": as long as one unit, or some.
        if (w.Unit is not (TimeUnit.None or TimeUnit.Weekend) && IsP(i + 1, '-') && Adjacent(i + 1) && Adjacent(i + 2) && IsText(i + 2, "long")
            && !(i > 0 && IsP(i - 1, '-') && Adjacent(i)))
        {
            spec = TimexSpec.Lit(TimexType.Duration, DurationValue(w.Plural ? "X" : "1", w.Unit));
            return i + 3;
        }
        if (w.Word == "week" && i > 0 && W(i - 1) == "the" && W(i + 1) == "of" && IsMonth(i + 2, out _))
        {
            // "the week of March 6": the week that day falls in.
            var e = MonthFirst(i + 2, out var day);
            if (e > i + 2 && day is { Day: > 0, RangeEnd: null })
            {
                day.WeekOf = true;
                spec = day;
                return e;
            }
        }

        if (w.Unit == TimeUnit.Year && !w.Plural && IsP(i + 1, '-') && Adjacent(i + 1))
        {
            switch (W(i + 2))
            {
                case "end":
                    // "by year-end" is the year's last day (a balance-sheet date); "since year-end", last year's.
                    spec = new TimexSpec { Kind = SpecKind.Calendar, Month = 12, Day = 31, YearOffset = i > 0 && W(i - 1) == "since" ? -1 : 0 };
                    return i + 3;
                case "earlier" or "ago":
                    {
                        // "the year-earlier nine months": the span of the months compared, not the year.
                        if (Cardinal(i + 3, out var ce) is > 0 and <= 12 and var months && W(ce) == "months")
                        {
                            spec = TimexSpec.Lit(TimexType.Duration, "P" + months.ToString(System.Globalization.CultureInfo.InvariantCulture) + "M");
                            return ce + 1;
                        }

                        // "the year-ago quarter", "the year-earlier third quarter": a quarter of last year.
                        var k = i + 3;
                        if (IsOrdinalAt(k))
                        {
                            var o = Ordinal(k);
                            if (o.End > 0 && o.Spec is { Quarter: > 0 } or { Half: > 0 })
                            {
                                o.Spec.YearOffset = -1;
                                spec = o.Spec;
                                return o.End;
                            }
                        }

                        if (W(k) is "quarter" or "period")
                        {
                            spec = TimexSpec.Rel(TimeUnit.Quarter, -5);
                            return k + 1;
                        }

                        spec = TimexSpec.Rel(TimeUnit.Year, -1);
                        spec.Ago = true;
                        return i + 3;
                    }
            }
        }

        return 0;
    }

    /// <summary>
    /// "three years", "the past two weeks", "two-year", "a year ago", "five months earlier", "2 1/2 years".
    /// </summary>
    private int QuantityUnit(int i, out TimexSpec? spec)
    {
        spec = null;
        var k = i;
        var window = W(k) is "past" or "last" or "next" or "first" or "coming" or "following" or "previous" or "final" or "latest" or "initial";
        if (window)
        {
            k++;
        }

        if (!Quantity(k, out var qe, out var q))
        {
            // "the past year", "the next year", "the last quarter" name the unit before or after the reference, as
            // "last year" does (TimeBank marks them so); "the past week" (seven days up to now, across two calendar
            // weeks), "the past hour" and "the past decade" or "century" stay spans of one unit.
            if (W(i) == "next" && k == i + 1 && i > 0 && W(i - 1) == "the" && W(k) == "day" && !(i > 1 && W(i - 2) is "over" or "within" or "for" or "in" or "during"))
            {
                // "the next day": the day after the one the text is telling of, as "the following day" (a span only
                // after "over", "within": "over the next day or two").
                spec = TimexSpec.Rel(TimeUnit.Day, 1);
                spec.Direction = 9;
                return k + 1;
            }

            if (window && i > 0 && W(i - 1) == "the" && Wd(k) is { Unit: not TimeUnit.None, Plural: false } uw && W(k) != "weekend" && W(i) is "past" or "last" or "next" or "coming")
            {
                spec = uw.Unit is TimeUnit.Year or TimeUnit.Quarter or TimeUnit.Month
                    ? TimexSpec.Rel(uw.Unit, W(i) is "past" or "last" ? -1 : 1)
                    : TimexSpec.Lit(TimexType.Duration, DurationValue("1", uw.Unit));
                return k + 1;
            }

            // "the next few days" and "recent/coming weeks" without a number.
            if (window && W(i) is not ("past" or "coming" or "last") && Wd(k) is { Unit: not TimeUnit.None, Plural: true } pw)
            {
                spec = TimexSpec.Lit(TimexType.Duration, DurationValue("X", pw.Unit));
                return k + 1;
            }

            return 0;
        }

        var hyphen = IsP(qe, '-') && Adjacent(qe) && Adjacent(qe + 1);
        k = hyphen ? qe + 1 : qe;
        while (W(k) is "more" or "additional" or "straight" or "consecutive" or "full" or "trading" or "business" or "working" or "calendar")
        {
            k++;
        }

        var uword = Wd(k);
        if (uword is null || uword.Unit == TimeUnit.None)
        {
            return 0;
        }

        // "Note: 1986 year includes a tax gain", "the same 1985 month", "1986 quarter net": a year named by its
        // number, not 1,986 years. The year alone is the expression when another unit follows it.
        if (!hyphen && !window && uword is { Plural: false } && !IsText(k + 1, "old") && qe == i + 1 && YearNumber(i, out var ye, strict: true) >= 1000 && ye == qe)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Year = YearNumber(i, out _, strict: true) };
            return uword.Unit == TimeUnit.Year ? k + 1 : qe;
        }

        // "a year-earlier quarter": the unit belongs to a compound, not to a count.
        if (!hyphen && IsP(k + 1, '-') && Adjacent(k + 1))
        {
            return 0;
        }

        // "three-quarters of its food", "two quarters of the seats": a fraction of something, not a time.
        // ("several quarters of losses" is a stretch of time.)
        if (uword.Unit == TimeUnit.Quarter && W(k + 1) == "of" && (hyphen || IsDeterminer(k + 2)))
        {
            var of = IsDeterminer(k + 2) ? k + 3 : k + 2;
            if (W(of) == "fiscal")
            {
                of++;
            }

            if (YearNumber(of, out _, strict: false) < 0 && Wd(of) is not { Unit: TimeUnit.Year })
            {
                return 0;
            }
        }

        // "a quarter" after a number is a fraction, and "a second" an ordinal, more often than durations.
        if (q == "1" && W(i) is "a" or "an" && uword.Unit is TimeUnit.Quarter or TimeUnit.Second && !window)
        {
            return 0;
        }

        // "the first quarter" is a date; "one day" after "first" is not a window.
        if (W(i) == "first" && q == "1")
        {
            return 0;
        }

        var end = k + 1;

        // "a 6-year-old boy", "the 50-year-old alliance", "he is 44 years old": an age, which TimeML leaves untagged.
        if (IsText(end, "old") || (IsP(end, '-') && Adjacent(end) && Adjacent(end + 1) && IsText(end + 1, "old")))
        {
            return 0;
        }

        var value = DurationValue(q, uword.Unit);

        // "a minute and a half", "an hour and a half"
        if (W(end) == "and" && W(end + 1) is "a" or "an" && W(end + 2) == "half" && q == "1")
        {
            value = DurationValue("1.5", uword.Unit);
            end += 3;
        }

        // "or so", "or more", "to three weeks" keep to the expression.
        if (W(end) == "or" && W(end + 1) is "so" or "more" or "two" or "longer")
        {
            end += 2;
        }

        if (!window && !hyphen)
        {
            var dir = W(end) switch
            {
                "ago" or "earlier" => -1,
                "later" or "hence" => 1,
                "from" when W(end + 1) == "now" => 2,
                _ => 0,
            };

            // "three days later", "a minute and a half later": TimeML tags the stretch of time only, leaving the
            // word that anchors it on another event outside ("a year earlier" and "two days ago" stay dates).
            if (W(end) is "later" or "earlier" && (uword.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second || (uword.Unit == TimeUnit.Day && W(end) == "later")))
            {
                dir = 0;
            }

            if (dir != 0 && uword.Unit != TimeUnit.Weekend)
            {
                var n = q == "X" ? int.MinValue : int.TryParse(q, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : int.MinValue;
                if (n == int.MinValue)
                {
                    spec = TimexSpec.Lit(TimexType.Date, dir < 0 ? "PAST_REF" : "FUTURE_REF");
                }
                else
                {
                    var unit = uword.Unit;
                    if (unit == TimeUnit.Fortnight)
                    {
                        unit = TimeUnit.Week;
                        n *= 2;
                    }

                    spec = unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second
                        ? TimexSpec.Lit(TimexType.Time, "PRESENT_REF")
                        : TimexSpec.Rel(unit, dir < 0 ? -n : n);
                    spec.Ago = true;
                    if (W(end) is "earlier" or "later")
                    {
                        spec.Direction = 9; // anchored on another event, not on the reference date
                    }
                }

                return end + (dir == 2 ? 2 : 1);
            }
        }

        // A bare "one" or "a" with a plural-less unit after a verb is still a duration ("for a week").
        spec = TimexSpec.Lit(TimexType.Duration, value);
        return end;
    }

    /// <summary>
    /// Units told of from the time the text last named, not from the reference (TimeML's anchor): "that day", "that
    /// same day", "the same week", "that night", "the year before", "the day after the vote".
    /// The tagger resolves them against the last date it saw (<see cref="SpecKind.Relative"/> with Direction 9).
    /// </summary>
    private int Anaphoric(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = W(i);
        var same = W(i + 1) == "same";
        var k = same ? i + 2 : i + 1;
        if ((w == "that" || (w == "the" && same)) && Wd(k) is { Plural: false } u
            && (u.Unit is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month || (u.Unit == TimeUnit.Year && same) || u.PartOfDay is not null)
            && !(IsP(k + 1, '-') && Adjacent(k + 1)))
        {
            // "that day", "the same week", "that night": the unit of the time last named. ("that year" is Deictic's.)
            spec = TimexSpec.Rel(u.PartOfDay is null ? u.Unit : TimeUnit.Day, 0);
            spec.Direction = 9;

            // A bare "that day" is the one generic use ("you have strong redemptions that day").
            spec.Narrated = w == "that" && !same && u.Unit == TimeUnit.Day && u.PartOfDay is null;
            if (u.PartOfDay is not null)
            {
                spec.Type = TimexType.Time;
                spec.PartOfDay = u.PartOfDay;
            }

            return k + 1;
        }

        if (w != "the" || Wd(i + 1) is not { Plural: false, Unit: TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year } unit)
        {
            return 0;
        }

        // "later in the day before returning home" is that day itself, with a "before" of its own.
        if (W(i + 2) is "before" or "after" && !(i > 0 && W(i - 1) == "in"))
        {
            // "the year before": the unit before the one last named. Before an event ("the day before the vote"),
            // "before" is a signal TimeML leaves out; at a clause's end it is part of the expression.
            spec = TimexSpec.Rel(unit.Unit, W(i + 2) == "before" ? -1 : 1);
            spec.Direction = 9;
            return i + 3 >= _t.Length || _t[i + 3].Kind == TokenKind.Punct ? i + 3 : i + 2;
        }

        return 0;
    }

    /// <summary>"this week", "last year", "next Friday", "last April", "this summer", "the current quarter", "this year's third quarter".</summary>
    private int Deictic(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = W(i);
        int offset;
        switch (w)
        {
            case "this" or "current" or "same":
                offset = 0;
                break;
            case "last" or "past" or "previous":
                offset = -1;
                break;
            case "next" or "coming" or "following" or "upcoming":
                offset = 1;
                break;
            case "that":
                offset = 0;
                break;
            default:
                return 0;
        }

        var k = i + 1;
        if (w == "this" && W(k) is "past" or "coming")
        {
            offset = W(k) == "past" ? -1 : 1;
            k++;
        }

        if (W(k) == "fiscal")
        {
            k++;
        }

        var he = HolidayAt(k, out var holiday);
        if (he > k && w is "last" or "this" or "next")
        {
            // "last Thanksgiving": the latest one before the reference; "this Christmas": this year's.
            spec = new TimexSpec { Kind = SpecKind.Calendar, Holiday = holiday, Direction = offset, YearOffset = offset == 0 ? 0 : null };
            return he;
        }

        var next = Wd(k);
        if (next is null)
        {
            return 0;
        }

        var strictPast = w is "last" or "past" or "previous";
        if (next.Unit != TimeUnit.None && !next.Plural && next.Unit is not (TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour or TimeUnit.Fortnight))
        {
            if (w == "that" && next.Unit != TimeUnit.Year)
            {
                return 0;
            }

            // "the past year" and "the following day" are spans or anchored elsewhere: QuantityUnit and the caller decide.
            if (w is "past" && i > 0 && W(i - 1) == "the")
            {
                return 0;
            }

            if (w is "following" && i > 0 && W(i - 1) == "the")
            {
                // "the following year": the year after the one the text last named.
                spec = TimexSpec.Rel(next.Unit, 1);
                spec.Direction = 9;
                return k + 1;
            }

            if (w == "same")
            {
                return 0;
            }

            spec = TimexSpec.Rel(next.Unit, offset);
            if (w == "that" || (w == "previous" && i > 0 && W(i - 1) == "the"))
            {
                // "that year", "the previous year": relative to the time the text last named.
                spec.Direction = 9;
            }

            // "this year's third quarter"
            if (next.Unit == TimeUnit.Year && IsP(k + 1, '\'') && Adjacent(k + 1) && W(k + 2) == null && k + 2 < _t.Length && _t[k + 2].Kind == TokenKind.Word && (_text[_t[k + 2].Start] is 's' or 'S'))
            {
                var q = k + 3;
                var o = Ordinal(q < _t.Length && _t[q].Kind != TokenKind.Punct && (IsOrdinalAt(q)) ? q : -1);
                if (o.End > 0 && o.Spec is { Quarter: > 0 } or { Half: > 0 })
                {
                    o.Spec.YearOffset = offset;
                    spec = o.Spec;
                    return o.End;
                }
            }

            return k + 1;
        }

        if (next.Month > 0 && IsMonth(k, out var me))
        {
            // "last April" is the latest April before this month; "this April" is this year's.
            spec = new TimexSpec { Kind = SpecKind.Calendar, Month = next.Month, Direction = offset };
            if (offset == 0)
            {
                spec.YearOffset = 0;
            }

            // "last Oct. 23": that day of the latest October.
            if (DayNumber(me) > 0 && !(IsP(me + 1, ':') && Adjacent(me + 1)))
            {
                spec.Day = DayNumber(me);
                return me + 1;
            }

            return me;
        }

        if (next.Weekday > 0 && !next.Plural && _t[k].Upper && (!next.Abbreviation || (IsP(k + 1, '.') && Adjacent(k + 1))))
        {
            spec = new TimexSpec { Kind = SpecKind.Weekday, Weekday = next.Weekday, Direction = offset == 0 ? 0 : offset, Offset = strictPast || offset > 0 ? 1 : 0 };

            // "the previous Friday", "the following Monday": counted from the day the text is telling of.
            spec.FromLastDay = (w is "previous" or "following" && i > 0 && W(i - 1) == "the") || w == "that";
            if (Wd(k + 1) is { PartOfDay: not null } p)
            {
                spec.PartOfDay = p.PartOfDay;
                spec.Type = TimexType.Time;
                return k + 2;
            }

            return k + 1;
        }

        if (next.Season is not null)
        {
            spec = new TimexSpec { Kind = SpecKind.Calendar, Season = next.Season, Direction = offset };
            if (offset == 0)
            {
                spec.YearOffset = 0;
            }

            return k + 1;
        }

        if (next.PartOfDay is not null && w is "next" or "following" && !next.Plural && i > 0 && W(i - 1) == "the")
        {
            // "the next morning": of the day after the one the text is telling of.
            spec = TimexSpec.Rel(TimeUnit.Day, 1);
            spec.Direction = 9;
            spec.Type = TimexType.Time;
            spec.PartOfDay = next.PartOfDay;
            return k + 1;
        }

        if (next.PartOfDay is not null && w is "this" or "last" && !next.Plural)
        {
            if (w == "last" && next.PartOfDay != "NI")
            {
                return 0;
            }

            spec = TimexSpec.Rel(TimeUnit.Day, w == "last" ? -1 : 0);
            spec.Type = TimexType.Time;
            spec.PartOfDay = next.PartOfDay;
            return k + 1;
        }

        if (next.Ordinal is >= 1 and <= 4 || _t[k].Kind == TokenKind.Number)
        {
            // "the current third quarter" is rare; "this third quarter" reads as a date in this year.
            var o = Ordinal(k < _t.Length && IsOrdinalAt(k) ? k : -1);
            if (o.End > 0 && o.Spec is not null && offset == 0 && w is "this" or "current")
            {
                o.Spec.YearOffset ??= o.Spec.Year < 0 ? 0 : null;
                spec = o.Spec;
                return o.End;
            }
        }

        return 0;
    }

    private static readonly string[] DecadeWords = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

    /// <summary>"100,000 cars a year", "40% a year", "barrels per day": a rate, so a SET.</summary>
    private bool IsRateContext(int i)
    {
        if (W(i) == "per")
        {
            return true;
        }

        if (i == 0 || W(i + 2) is "ago" or "earlier" or "later" or "before" or "after" or "of")
        {
            return false;
        }

        ref readonly var p = ref _t[i - 1];
        if (p.Kind == TokenKind.Number || (p.Kind == TokenKind.Punct && p.Punct == '%'))
        {
            return true;
        }

        if (p.Kind == TokenKind.Word && p.Word is null && !p.Upper && p.End - p.Start > 3 && _text[p.End - 1] == 's' && _text[p.End - 2] != 's')
        {
            // A plural noun right before: "cars a year", "barrels a day" (not "was a year", "has a day").
            var word = _text[p.Start..p.End];
            return !word.Equals("was", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ous", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private bool IsAdverbial(int i)
    {
        if (i > 0 && _t[i - 1].Kind == TokenKind.Word && (W(i - 1) is "the" or "a" or "an" or "its" or "first" or "initial" or "regular" or "his" or "her" or "their" or "our" || IsPossessive(i - 1)))
        {
            return false;
        }

        if (i + 1 >= _t.Length || _t[i + 1].Kind == TokenKind.Punct)
        {
            return true;
        }

        return W(i + 1) is "and" or "or" or "by" or "in" or "at" or "on" or "for" or "to" or "from" or "with" or "since" or "until" or "through" or "over" or "during" or "after" or "before" or "as" or "since"
            || IsText(i + 1, "outside") || IsText(i + 1, "inside") || IsText(i + 1, "near") || IsText(i + 1, "across") || IsText(i + 1, "around");
    }

    private bool IsPossessive(int k) => k > 1 && _t[k].Kind == TokenKind.Word && _t[k].End - _t[k].Start == 1 && IsP(k - 1, '\'') && (_text[_t[k].Start] is 's' or 'S');

    private bool IsOrdinalAt(int k) =>
        k < _t.Length && ((_t[k].Kind == TokenKind.Number && _t[k].Suffix is "st" or "nd" or "rd" or "th") || (Wd(k) is { Ordinal: > 0 }));

    private (int End, TimexSpec? Spec) Ordinal(int k)
    {
        if (k < 0)
        {
            return (0, null);
        }

        var e = Ordinal(k, out var s);
        return (e, s);
    }

    /// <summary>Single words and fixed phrases: today, yesterday, now, recently, the future, currently.</summary>
    private int Words(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = W(i);
        switch (w)
        {
            case "today":
            case "yesterday":
            case "tomorrow":
                {
                    spec = TimexSpec.Rel(TimeUnit.Day, w == "today" ? 0 : w == "yesterday" ? -1 : 1);
                    if (Wd(i + 1) is { PartOfDay: not null, Plural: false } p)
                    {
                        spec.PartOfDay = p.PartOfDay;
                        spec.Type = TimexType.Time;
                        return i + 2;
                    }

                    if (IsP(i + 1, '\'') && W(i + 2) is null)
                    {
                        // "today's": the date still.
                        return i + 1;
                    }

                    return i + 1;
                }

            case "tonight":
                spec = TimexSpec.Rel(TimeUnit.Day, 0);
                spec.Type = TimexType.Time;
                spec.PartOfDay = "NI";
                return i + 1;
            case "now" when !(_t[i].Upper && (IsP(i + 1, ',') || IsText(i + 1, "for"))):
                // (A sentence's opening "Now, ..." or "Now for ..." turns the talk, it dates nothing; "now that he is
                // in a confrontation" still dates the state it tells of, and both sets tag it so.)
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 1;
            case "right" when W(i + 1) == "now":
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 2;
            case "current" when Wd(i + 1) is null && i + 1 < _t.Length && _t[i + 1].Kind == TokenKind.Word && !_t[i + 1].Upper
                && !(IsText(i + 1, "account") || IsText(i + 1, "accounts") || IsText(i + 1, "affairs") || IsText(i + 1, "events") || IsText(i + 1, "flow") || IsText(i + 1, "flows")):
                // "the current chairman", "current realities": as of now (not the noun, not "current account").
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 1;
            case "then" when W(i + 1) == "current" || (IsP(i + 1, '-') && W(i + 2) == "current"):
                // "the then current market price": the present of a past time.
                spec = TimexSpec.Lit(TimexType.Date, "PAST_REF");
                return W(i + 1) == "current" ? i + 2 : i + 3;
            case "currently" or "nowadays" or "presently":
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 1;
            case "these" when W(i + 1) == "days":
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 2;
            case "at" when W(i + 1) == "present":
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 2;
            case "the" when W(i + 1) == "moment" && i > 0 && W(i - 1) == "at":
                spec = TimexSpec.Lit(TimexType.Date, "PRESENT_REF");
                return i + 2;
            case "recently" or "lately":
                spec = TimexSpec.Lit(TimexType.Date, "PAST_REF");
                return i + 1;
            case "recent":
                if (Wd(i + 1) is { Unit: not TimeUnit.None, Plural: true } ru)
                {
                    // "in recent years" is a vague past; "in recent weeks" a span of some weeks up to now.
                    spec = ru.Unit is TimeUnit.Year or TimeUnit.Decade or TimeUnit.Century
                        ? TimexSpec.Lit(TimexType.Date, "PAST_REF")
                        : TimexSpec.Lit(TimexType.Duration, DurationValue("X", ru.Unit));
                    return i + 2;
                }

                return 0;
            case "coming" when Wd(i + 1) is { Unit: not TimeUnit.None, Plural: true }:
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 2;
            case "past" when i > 0 && W(i - 1) == "the" && Wd(i + 1) is not { Unit: not TimeUnit.None }:
                spec = TimexSpec.Lit(TimexType.Date, "PAST_REF");
                return i + 1;
            case "past" when Wd(i + 1) is { Unit: not TimeUnit.None, Plural: true }:
                spec = TimexSpec.Lit(TimexType.Date, "PAST_REF");
                return i + 2;
            case "future" when i > 0 && (W(i - 1) is "near" or "in" || (W(i - 1) == "the" && W(i + 1) != "of" && i > 1
                && (IsText(i - 2, "in") || IsText(i - 2, "into") || IsText(i - 2, "about") || IsText(i - 2, "for") || IsText(i - 2, "toward") || IsText(i - 2, "towards")))):
                // A time only after a preposition ("in the future", "worried about the future"); "the future looks
                // bleak", "the future of our peoples" and "an approach to the future" speak of what is to come as a thing.
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 1;
            case "near" or "short" when W(i + 1) == "term" && i > 0 && W(i - 1) == "the":
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 2;
            case "soon" when i > 0 && W(i - 1) == "as" && W(i + 1) == "as" && W(i + 2) == "possible":
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 3;
            case "later" when W(i + 1) == "date" && i > 0 && W(i - 1) == "a":
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 2;
            case "days" or "weeks" or "months" or "years" or "decades" when W(i + 1) == "ago":
                spec = TimexSpec.Lit(TimexType.Date, "PAST_REF");
                return i + 2;
            case "near" when W(i + 1) == "future":
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 2;
            case "soon" when !(i > 0 && W(i - 1) == "as") && W(i + 1) is not ("after" or "before" or "as")
                && !(i > 0 && TenseCues.Cue(_text, _t, i - 1) < 0) && !(i + 1 < _t.Length && TenseCues.Cue(_text, _t, i + 1) < 0):
                // Not in a past narrative ("he was soon released", "cash that soon became a flood"): that "soon" is
                // shortly after the told events, no future of the report.
                spec = TimexSpec.Lit(TimexType.Date, "FUTURE_REF");
                return i + 1;
            case "a" when W(i + 1) == "while":
                spec = TimexSpec.Lit(TimexType.Duration, "PXX");
                return i + 2;
            case "weekend" when i > 0 && W(i - 1) == "the":
                spec = TimexSpec.Rel(TimeUnit.Weekend, 0);
                return i + 1;
            case "days" or "weeks" or "months" or "years" or "decades" or "centuries" or "hours" or "minutes" when i > 0 && W(i - 1) is "for" or "in" or "within" or "over" or "after":
                spec = TimexSpec.Lit(TimexType.Duration, DurationValue("X", Wd(i)!.Unit));
                return i + 1;
            case "q1" or "q2" or "q3" or "q4":
                {
                    var s = new TimexSpec { Kind = SpecKind.Calendar, Quarter = w[1] - '0' };
                    spec = s;
                    return YearTail(i + 1, s);
                }

            case "quarter" when i > 0 && W(i - 1) is "the" && !(W(i + 1) is "of" or "century") && !(IsP(i + 1, '-') && Adjacent(i + 1)): // not "the quarter-to-quarter change"
                spec = new TimexSpec { Kind = SpecKind.Calendar, Quarter = -1, Direction = -1 };
                return i + 1;
            case "year" or "week" or "month" when i > 0 && W(i - 1) is "the" or "full" or "fiscal" or "entire" or "whole" or "current":
                {
                    // "the year two thousand"
                    var ye = 0;
                    var y = W(i) == "year" ? YearNumber(i + 1, out ye, strict: false) : -1;
                    if (y > 0)
                    {
                        spec = new TimexSpec { Kind = SpecKind.Calendar, Year = y };
                        return ye;
                    }

                    // "the year ended March 31", "in the fiscal year": the span of a year the report covers.
                    // "for the year, volume was flat", "a high for the year", "the end of the year" name the year itself.
                    spec = W(i) == "year" && (W(i + 1) is "ended" or "ending" or "before" or "after"
                            || (W(i - 1) == "fiscal" && !(i > 2 && W(i - 3) is "of" && W(i - 2) == "the")))
                        ? TimexSpec.Lit(TimexType.Duration, "P1Y")
                        : TimexSpec.Rel(Wd(i)!.Unit, 0);
                    return i + 1;
                }

            case "year" when W(i + 1) == "end" || (IsP(i + 1, '\'') && IsPossessive(i + 2) && W(i + 3) == "end"):
                spec = TimexSpec.Rel(TimeUnit.Year, 0);
                spec.Mod = "END";
                return W(i + 1) == "end" ? i + 2 : i + 4;
            case "twenties" or "thirties" or "forties" or "fifties" or "sixties" or "seventies" or "eighties" or "nineties" when i > 0 && W(i - 1) is "the" or "-" or "early" or "late" or "mid":
                spec = new TimexSpec { Kind = SpecKind.Calendar, Decade = 190 + Array.IndexOf(DecadeWords, w) + 2 };
                return i + 1;
            case "overnight":
                // The night before the day the text is telling of ("Tokyo fell overnight" after "on Friday" is
                // Thursday night), else before the reference.
                spec = TimexSpec.Rel(TimeUnit.Day, -1);
                spec.Type = TimexType.Time;
                spec.PartOfDay = "NI";
                spec.Direction = 9;
                return i + 1;
            case "morning" or "afternoon" or "evening" or "night" when W(i + 1) is "yesterday" or "today" or "tomorrow":
                spec = TimexSpec.Rel(TimeUnit.Day, W(i + 1) == "today" ? 0 : W(i + 1) == "yesterday" ? -1 : 1);
                spec.Type = TimexType.Time;
                spec.PartOfDay = Wd(i)!.PartOfDay;
                return i + 2;
            case "morning" or "afternoon" or "evening" when i > 0 && (W(i - 1) is "the" or "mid" || IsP(i - 1, '-')):
                spec = TimexSpec.Rel(TimeUnit.Day, 0);
                spec.Type = TimexType.Time;
                spec.PartOfDay = Wd(i)!.PartOfDay;
                spec.Direction = 9; // "in the morning": of the day the text is telling
                return i + 1;
            case "latest" or "current" when W(i + 1) is "quarter" or "period":
                spec = new TimexSpec { Kind = SpecKind.Calendar, Quarter = -1, Direction = w == "latest" ? -1 : 1 };
                return i + 2;
            case "period" when i > 0 && W(i - 1) == "latest":
                return 0;
            default:
                // "the fall in sales" is no season: "fall" and "spring" need a preposition before "the".
                if (Wd(i) is { Season: not null } sw && i > 0 && W(i - 1) == "the"
                    && (sw.Word is not ("fall" or "spring") || (i > 1 && W(i - 2) is "in" or "during" or "by" or "until" or "since" or "over" or "through" or "for")))
                {
                    return SeasonExpr(i, out spec, requireContext: false);
                }

                return 0;
        }
    }

    /// <summary>"every week", "each year", "daily", "twice a week", "every Monday".</summary>
    /// <summary>A number or a percent sign among the three tokens before <paramref name="i"/>, in its clause.</summary>
    private bool AfterAmount(int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            if (_t[k].Kind == TokenKind.Number || IsP(k, '%'))
            {
                return true;
            }

            if (_t[k].Kind == TokenKind.Punct)
            {
                return false;
            }
        }

        return false;
    }

    private int SetExpr(int i, out TimexSpec? spec)
    {
        spec = null;
        var w = W(i);
        if (w is "daily" or "nightly" or "weekly" or "biweekly" or "monthly" or "quarterly" or "annually" or "yearly" or "hourly" && !IsAdverbial(i) && !IsText(i + 1, "basis"))
        {
            // "its quarterly dividend", "the daily newspaper": an adjective, not a time expression.
            return 0;
        }

        if (w is "annually" or "yearly" or "monthly" or "weekly" or "daily" or "hourly" && AfterAmount(i))
        {
            // "to rise 8.5% annually", "10,000 units annually": a rate of a quantity, not a recurring time.
            return 0;
        }

        switch (w)
        {
            case "daily" or "nightly":
                spec = TimexSpec.Lit(TimexType.Set, "P1D");
                return i + 1;
            case "weekly":
                spec = TimexSpec.Lit(TimexType.Set, "P1W");
                return i + 1;
            case "biweekly":
                spec = TimexSpec.Lit(TimexType.Set, "P2W");
                return i + 1;
            case "monthly":
                spec = TimexSpec.Lit(TimexType.Set, "P1M");
                return i + 1;
            case "quarterly":
                spec = TimexSpec.Lit(TimexType.Set, "P1Q");
                return i + 1;
            case "annually" or "yearly":
                spec = TimexSpec.Lit(TimexType.Set, "P1Y");
                return i + 1;
            case "hourly":
                spec = TimexSpec.Lit(TimexType.Set, "PT1H");
                return i + 1;
            case "every" or "each":
                {
                    var k = i + 1;
                    var q = "1";
                    if (W(k) == "other")
                    {
                        q = "2";
                        k++;
                    }
                    else if (Quantity(k, out var qe, out var qq) && Wd(qe) is { Unit: not TimeUnit.None })
                    {
                        q = qq;
                        k = qe;
                    }

                    var u = Wd(k);
                    if (u is null)
                    {
                        return 0;
                    }

                    if (u.Unit != TimeUnit.None)
                    {
                        spec = TimexSpec.Lit(TimexType.Set, DurationValue(q, u.Unit));
                        return k + 1;
                    }

                    if (u.Weekday > 0 && _t[k].Upper)
                    {
                        spec = TimexSpec.Lit(TimexType.Set, "XXXX-WXX-" + u.Weekday.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        return k + 1;
                    }

                    if (u.Month > 0 && _t[k].Upper)
                    {
                        spec = TimexSpec.Lit(TimexType.Set, "XXXX-" + u.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                        return k + 1;
                    }

                    if (u.PartOfDay is not null)
                    {
                        spec = TimexSpec.Lit(TimexType.Set, "TXX" + u.PartOfDay);
                        return k + 1;
                    }

                    return 0;
                }

            case "a" or "an" or "per" when Wd(i + 1) is { Unit: not TimeUnit.None, Plural: false } ru && ru.Unit is not (TimeUnit.Weekend or TimeUnit.Quarter or TimeUnit.Second) && IsRateContext(i):
                spec = TimexSpec.Lit(TimexType.Set, DurationValue("1", ru.Unit));
                return i + 2;
            case "once" or "twice" when W(i + 1) is "a" or "per" or "each" or "every" && Wd(i + 2) is { Unit: not TimeUnit.None } tu:
                spec = TimexSpec.Lit(TimexType.Set, DurationValue("1", tu.Unit));
                return i + 3;
            default:
                return 0;
        }
    }
}
