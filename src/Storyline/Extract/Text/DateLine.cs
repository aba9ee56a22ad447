using System.Globalization;

namespace Storyline.Extract.Text;

/// <summary>
/// Finds a calendar date in a short line as pages print them: "January 16, 2026", "Jan. 29, 2025",
/// "17 June 2021", "10:04 GMT17 June 2021", "2025-06-04". No regular expressions: a scan over word tokens,
/// so a long line costs one pass. Thread-safe (stateless).
/// </summary>
internal static class DateLine
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>A date found in the text, with whether a clock time came with it.</summary>
    public readonly record struct Found(DateTimeOffset Value, bool HasTime, int Start, int End);

    public static Found? Find(ReadOnlySpan<char> text)
    {
        Span<(int Start, int End)> tokens = stackalloc (int, int)[48];
        var count = 0;
        var i = 0;
        while (i < text.Length && count < tokens.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            var digit = char.IsAsciiDigit(text[i]);
            while (i < text.Length && char.IsLetterOrDigit(text[i]) && char.IsAsciiDigit(text[i]) == digit)
            {
                i++;
            }

            tokens[count++] = (s, i);
        }

        for (var t = 0; t < count; t++)
        {
            var tok = text[tokens[t].Start..tokens[t].End];
            if (tok.Length == 4 && IsNumber(tok, out var y4) && y4 is >= 1900 and <= 2100 && t + 2 < count &&
                tokens[t + 1].Start == tokens[t].End + 1 && text[tokens[t].End] is '-' or '/' &&
                IsNumber(text[tokens[t + 1].Start..tokens[t + 1].End], out var mo) && IsNumber(text[tokens[t + 2].Start..tokens[t + 2].End], out var dd) &&
                TryMake(y4, mo, dd, out var iso))
            {
                return new Found(iso, false, tokens[t].Start, tokens[t + 2].End);
            }

            var month = Month(tok);
            if (month == 0)
            {
                continue;
            }

            // Month Day, Year
            if (t + 2 < count && IsNumber(text[tokens[t + 1].Start..tokens[t + 1].End], out var d1) &&
                IsNumber(text[tokens[t + 2].Start..tokens[t + 2].End], out var y1) && y1 is >= 1900 and <= 2100 && TryMake(y1, month, d1, out var v1))
            {
                return new Found(WithTime(v1, text, tokens, count, t, out var ht1), ht1, tokens[t].Start, tokens[t + 2].End);
            }

            // Day Month Year
            if (t >= 1 && t + 1 < count && IsNumber(text[tokens[t - 1].Start..tokens[t - 1].End], out var d2) &&
                IsNumber(text[tokens[t + 1].Start..tokens[t + 1].End], out var y2) && y2 is >= 1900 and <= 2100 && TryMake(y2, month, d2, out var v2))
            {
                return new Found(WithTime(v2, text, tokens, count, t - 1, out var ht2), ht2, tokens[t - 1].Start, tokens[t + 1].End);
            }
        }

        return null;
    }

    private static DateTimeOffset WithTime(DateTimeOffset day, ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> tokens, int count, int first, out bool hasTime)
    {
        // A clock time printed just before the date ("10:04 GMT17 June 2021") belongs to it.
        hasTime = false;
        for (var k = Math.Max(0, first - 3); k + 1 < first + 1 && k + 1 < count; k++)
        {
            var a = tokens[k];
            var b = tokens[k + 1];
            if (b.Start == a.End + 1 && text[a.End] == ':' && IsNumber(text[a.Start..a.End], out var h) && IsNumber(text[b.Start..b.End], out var m) &&
                h < 24 && m < 60 && b.End - b.Start == 2)
            {
                hasTime = true;
                return day.AddHours(h).AddMinutes(m);
            }
        }

        return day;
    }

    private static bool TryMake(int y, int m, int d, out DateTimeOffset value)
    {
        value = default;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        value = new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> s, out int n) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n) && s.Length <= 4;

    private static int Month(ReadOnlySpan<char> token)
    {
        if (token.Length < 3 || !char.IsLetter(token[0]))
        {
            return 0;
        }

        for (var m = 0; m < Months.Length; m++)
        {
            var name = Months[m];
            if (token.Length <= name.Length && name.AsSpan().StartsWith(token, StringComparison.OrdinalIgnoreCase) &&
                (token.Length == name.Length || token.Length == 3 || (m == 8 && token.Length == 4)))
            {
                return m + 1;
            }
        }

        return 0;
    }
}
