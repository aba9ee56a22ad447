using System.Globalization;
using Storyline.Text;

namespace Storyline.Figures;

/// <summary>The tokens of a text with their lower-case words, read once and shared by the passes over it.</summary>
internal sealed class TokenView
{
    public TokenView(string text, List<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
        Lower = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            Lower[i] = text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant();
        }
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    public string[] Lower { get; }

    public int Count => Tokens.Count;

    public char First(int i) => Text[Tokens[i].Start];

    public bool IsCapitalised(int i) => char.IsUpper(First(i));

    public bool IsWord(int i)
    {
        var s = Lower[i];
        if (s.Length == 0 || !char.IsLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsLetter(c) && c is not '-' and not '\'' and not '\u2019' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the words <paramref name="words"/> stand at <paramref name="at"/>, inside [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public bool Matches(string[] words, int at, int lo, int hi)
    {
        if (at < lo || at + words.Length > hi)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!string.Equals(Lower[at + k], words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A number phrase: tokens [<see cref="First"/>, <see cref="Last"/>] of a <see cref="TokenView"/>, hedge and unit included.</summary>
internal readonly record struct NumberPhrase(
    int First,
    int Last,
    int CoreFirst,
    double Low,
    double? High,
    FigureQualifier Qualifier,
    string? Unit,
    bool IsNumeral,
    bool HasScale);

/// <summary>
/// Reads number phrases in tokens: numerals ("520,000", "3.5", "10-20", "5m"), number words ("eight", "twenty-five",
/// "two dozen", "a million", "half a million"), orders of magnitude ("hundreds of thousands of"), scales, ranges,
/// hedges ("close to", "at least"), currencies ("$3.5 billion", "500 euros") and percentages. Stateless.
/// </summary>
internal static class NumberPhrases
{
    /// <summary>The number phrase whose core starts at token <paramref name="i"/>, within the sentence [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public static bool TryRead(TokenView v, int i, int lo, int hi, out NumberPhrase phrase)
    {
        phrase = default;
        if (!TryCore(v, i, hi, out var low, out var high, out var last, out var vague, out var isNumeral, out var hasScale))
        {
            return false;
        }

        string? unit = null;
        var first = i;

        // A currency sign before the number ("$", "US$", "€").
        if (first - 1 >= lo && FigureLexicon.CurrencySymbols.TryGetValue(v.Lower[first - 1], out var code))
        {
            unit = code;
            first--;
            if (first - 1 >= lo && v.Lower[first - 1] is "us" or "u.s.")
            {
                first--;
            }
        }

        var qualifier = vague ? FigureQualifier.Vague : high is null ? FigureQualifier.Exact : FigureQualifier.Range;
        foreach (var (words, q) in FigureLexicon.Qualifiers)
        {
            var at = first - words.Length;
            if (v.Matches(words, at, lo, hi))
            {
                if (q == FigureQualifier.Range)
                {
                    // "between 10 and 20": only a hedge when the second end follows.
                    if (last + 2 < hi && v.Lower[last + 1] == "and" && TryCore(v, last + 2, hi, out var h2, out _, out var l2, out _, out _, out var s2) && !vague)
                    {
                        // "between 1 and 2 million": the scale of the second end belongs to the first too.
                        if (s2 && !hasScale)
                        {
                            low *= ScaleOf(h2);
                        }

                        high = h2;
                        last = l2;
                        qualifier = FigureQualifier.Range;
                        first = at;
                    }
                }
                else if (!vague && high is null)
                {
                    qualifier = q;
                    first = at;
                }

                break;
            }
        }

        // "10 to 20", "10 - 20": a range after the first number.
        if (high is null && !vague && last + 2 < hi && v.Lower[last + 1] is "to" or "-" or "\u2013"
            && TryCore(v, last + 2, hi, out var hi2, out _, out var last2, out var vague2, out _, out var scale2) && !vague2 && hi2 > low)
        {
            // "1 to 2 million": the scale of the second end belongs to the first too.
            if (scale2 && !hasScale)
            {
                low *= ScaleOf(hi2);
            }

            if (low < hi2)
            {
                high = hi2;
                last = last2;
                qualifier = qualifier == FigureQualifier.Exact ? FigureQualifier.Range : qualifier;
            }
        }

        // Units after the number: percent, currency words.
        if (last + 1 < hi)
        {
            var next = v.Lower[last + 1];
            if (next is "%" or "percent" or "pct")
            {
                unit = "%";
                last++;
            }
            else if (next == "per" && last + 2 < hi && v.Lower[last + 2] == "cent")
            {
                unit = "%";
                last += 2;
            }
            else if (unit is null && FigureLexicon.CurrencyWords.TryGetValue(next, out var word))
            {
                unit = word;
                last++;
            }
        }

        // "5m", "3k" glued to a number are money only with a currency; otherwise metres, kilos, ...
        if (isNumeral && v.Lower[i][^1] is 'm' or 'k' && (unit is null or "%"))
        {
            return false;
        }

        phrase = new NumberPhrase(first, last, i, low, high, qualifier, unit, isNumeral, hasScale);
        return true;
    }

    /// <summary>True when a number's core can start at token <paramref name="i"/> (a cheap test before <see cref="TryRead"/>).</summary>
    public static bool CanStart(TokenView v, int i)
    {
        var s = v.Lower[i];
        return s.Length > 0 && (char.IsDigit(s[0]) || FigureLexicon.Units.ContainsKey(s) || IsCompoundWord(s)
            || FigureLexicon.VagueAmounts.ContainsKey(s) || s is "a" or "an" or "half" or "tens");
    }

    private static double ScaleOf(double value)
    {
        foreach (var scale in (double[])[1e12, 1e9, 1e6, 1e3])
        {
            if (value >= scale)
            {
                return scale;
            }
        }

        return 1;
    }

    private static bool TryCore(TokenView v, int i, int hi, out double low, out double? high, out int last, out bool vague, out bool isNumeral, out bool hasScale)
    {
        low = 0;
        high = null;
        last = i;
        vague = false;
        isNumeral = false;
        hasScale = false;
        var s = v.Lower[i];

        if (char.IsDigit(s[0]))
        {
            if (TryNumeral(s, out low, out var attachedScale))
            {
                isNumeral = true;
                hasScale = attachedScale > 1;
                low *= attachedScale;
            }
            else if (TryRangeToken(s, out low, out var h))
            {
                isNumeral = true;
                high = h;
            }
            else
            {
                return false;
            }
        }
        else if (FigureLexicon.Units.TryGetValue(s, out var unitValue) || TryCompoundWord(s, out unitValue))
        {
            low = unitValue;

            // "twenty five", "one hundred and five"
            if (unitValue >= 20 && unitValue % 10 == 0 && last + 1 < hi && FigureLexicon.Units.TryGetValue(v.Lower[last + 1], out var u2) && u2 < 10)
            {
                low += u2;
                last++;
            }

            if (last + 1 < hi && v.Lower[last + 1] == "hundred")
            {
                low *= 100;
                last++;
                hasScale = true;
                var k = last + 1;
                if (k < hi && v.Lower[k] == "and")
                {
                    k++;
                }

                if (k < hi && (FigureLexicon.Units.TryGetValue(v.Lower[k], out var rest) || TryCompoundWord(v.Lower[k], out rest)) && rest < 100)
                {
                    low += rest;
                    last = k;
                }
            }
        }
        else if (s is "a" or "an" or "half")
        {
            // "a dozen", "a million", "half a million", "a hundred"
            var k = i + 1;
            var factor = 1.0;
            if (s == "half")
            {
                if (k >= hi || v.Lower[k] is not ("a" or "an"))
                {
                    return false;
                }

                factor = 0.5;
                k++;
            }

            if (k >= hi || !FigureLexicon.Scales.TryGetValue(v.Lower[k], out var scale) || v.Lower[k].Length < 5)
            {
                return false;
            }

            low = factor * scale;
            last = k;
            hasScale = true;
            return ReadScales(v, ref low, ref last, hi, ref hasScale, afterScale: true);
        }
        else if (FigureLexicon.VagueAmounts.TryGetValue(s, out var range) || s == "tens")
        {
            // "hundreds of thousands of", "tens of thousands", "dozens"
            if (s == "tens")
            {
                if (i + 2 >= hi || v.Lower[i + 1] != "of" || !FigureLexicon.VagueAmounts.TryGetValue(v.Lower[i + 2], out var inner) || inner.Low < 1000)
                {
                    return false;
                }

                var tensBase = inner.Low / 2;
                range = (20 * tensBase, (100 * tensBase) - 1);
                last = i + 2;
            }
            else if (i + 2 < hi && v.Lower[i + 1] == "of" && v.Lower[i + 2] is "thousands" or "millions" && range.Low < 1000)
            {
                // "hundreds of thousands" = hundreds × 1,000.
                var innerBase = FigureLexicon.VagueAmounts[v.Lower[i + 2]].Low / 2;
                range = (range.Low * innerBase, ((range.High + 1) * innerBase) - 1);
                last = i + 2;
            }

            if (last + 1 < hi && v.Lower[last + 1] == "of")
            {
                last++;
            }

            low = range.Low;
            high = range.High;
            vague = true;
            return true;
        }
        else
        {
            return false;
        }

        return ReadScales(v, ref low, ref last, hi, ref hasScale, afterScale: hasScale);
    }

    /// <summary>Scale words after a number: "1 million", "two dozen", "3.5 billion", "five thousand".</summary>
    private static bool ReadScales(TokenView v, ref double value, ref int last, int hi, ref bool hasScale, bool afterScale)
    {
        while (last + 1 < hi && FigureLexicon.Scales.TryGetValue(v.Lower[last + 1], out var scale))
        {
            var word = v.Lower[last + 1];

            // A single-letter scale ("m", "k") is only a scale glued to money; as a separate token it is a word.
            if (word.Length == 1 || (afterScale && scale <= 100))
            {
                break;
            }

            value *= scale;
            last++;
            hasScale = true;
            afterScale = true;
        }

        return true;
    }

    /// <summary>"520,000", "3.5", "1,000.5", "5m", "2bn", "1.5k".</summary>
    internal static bool TryNumeral(string s, out double value, out double scale)
    {
        value = 0;
        scale = 1;
        var end = s.Length;
        while (end > 0 && char.IsLetter(s[end - 1]))
        {
            end--;
        }

        if (end < s.Length)
        {
            if (!FigureLexicon.Scales.TryGetValue(s[end..], out scale))
            {
                return false;
            }
        }

        var core = s.AsSpan(0, end);
        if (core.Length == 0 || !IsGroupedNumber(core))
        {
            return false;
        }

        Span<char> digits = stackalloc char[core.Length];
        var n = 0;
        foreach (var c in core)
        {
            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        return double.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Digits, with commas only between groups of three, and at most one decimal point.</summary>
    private static bool IsGroupedNumber(ReadOnlySpan<char> s)
    {
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        if (dot >= 0 && (dot == s.Length - 1 || !IsDigits(s[(dot + 1)..])))
        {
            return false;
        }

        if (whole.Length == 0)
        {
            return false;
        }

        if (whole.IndexOf(',') < 0)
        {
            return IsDigits(whole);
        }

        var groups = whole.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3 || !IsDigits(groups[0]))
        {
            return false;
        }

        for (var g = 1; g < groups.Length; g++)
        {
            if (groups[g].Length != 3 || !IsDigits(groups[g]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static bool TryRangeToken(string s, out double low, out double high)
    {
        low = high = 0;
        var dash = s.IndexOfAny(['-', '\u2013']);
        if (dash <= 0 || dash == s.Length - 1)
        {
            return false;
        }

        return TryNumeral(s[..dash], out low, out var s1) && TryNumeral(s[(dash + 1)..], out high, out var s2)
            && s1 == 1 && s2 == 1 && high > low;
    }

    private static bool IsCompoundWord(string s) => TryCompoundWord(s, out _);

    /// <summary>"twenty-five".</summary>
    private static bool TryCompoundWord(string s, out int value)
    {
        value = 0;
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            return false;
        }

        if (FigureLexicon.Units.TryGetValue(s[..dash], out var tens) && tens >= 20 && tens % 10 == 0
            && FigureLexicon.Units.TryGetValue(s[(dash + 1)..], out var unit) && unit is > 0 and < 10)
        {
            value = tens + unit;
            return true;
        }

        return false;
    }
}
