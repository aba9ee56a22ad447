using System.Buffers;
using System.Globalization;
using System.Text;

namespace Storyline.Text;

/// <summary>
/// Folds the typography that differs between copies of the same words: curly vs straight quotes and
/// apostrophes, dashes, non-breaking and odd spaces, runs of whitespace, and (optionally) case.
/// Used for content ids and paragraph fingerprints. Thread-safe (stateless).
/// </summary>
public static class TextNormalizer
{
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A" +
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\u2026\u200B\uFEFF\t\r\n\f\v ");

    /// <summary>The text with typography folded and whitespace collapsed; lower-cased when <paramref name="lowerCase"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> text, bool lowerCase = false)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            var c = Fold(ch);
            if (c == ' ')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (c == '\0')
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            if (c == '\u2026')
            {
                sb.Append("...");
                continue;
            }

            sb.Append(lowerCase ? char.ToLowerInvariant(c) : c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Normalize"/> (without lower-casing) written into <paramref name="destination"/>, which must hold
    /// three characters per input character; returns the length. Printable ASCII with single spaces is copied in
    /// runs found by vectorised searches, so a whole page is normalised quickly (content ids of every page). One
    /// difference: a backtick is copied as it is (Normalize makes it an apostrophe), as this path always has; content
    /// ids already stored depend on it, so it stays.
    /// </summary>
    internal static int NormalizeInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        var pendingSpace = false;
        var i = 0;
        while (i < text.Length)
        {
            // A run of printable ASCII and spaces: the common case. Within it only runs of spaces change.
            var rest = text[i..];
            var run = rest.IndexOfAnyExceptInRange(' ', '~');
            if (run < 0)
            {
                run = rest.Length;
            }

            if (run > 0)
            {
                n = CopyCollapsingSpaces(rest[..run], destination, n, ref pendingSpace);
                i += run;
                if (i == text.Length)
                {
                    break;
                }
            }

            var c = Fold(text[i++]);
            if (c == ' ')
            {
                pendingSpace = n > 0;
                continue;
            }

            if (c == '\0')
            {
                continue;
            }

            if (pendingSpace)
            {
                destination[n++] = ' ';
                pendingSpace = false;
            }

            if (c == '\u2026')
            {
                "...".AsSpan().CopyTo(destination[n..]);
                n += 3;
                continue;
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>
    /// Writes printable ASCII and spaces at <paramref name="n"/> with each run of spaces made one pending space, as
    /// <see cref="NormalizeInto"/> does one character at a time; returns the new length.
    /// </summary>
    private static int CopyCollapsingSpaces(ReadOnlySpan<char> run, Span<char> destination, int n, ref bool pendingSpace)
    {
        while (run.Length > 0)
        {
            if (run[0] == ' ')
            {
                pendingSpace = n > 0;
                run = run.TrimStart(' ');
                continue;
            }

            if (pendingSpace)
            {
                destination[n++] = ' ';
                pendingSpace = false;
            }

            // Up to the next double space, the text is copied as it is; a single space at its end stays pending.
            var twoSpaces = run.IndexOf("  ", StringComparison.Ordinal);
            var part = twoSpaces < 0 ? run : run[..twoSpaces];
            if (part[^1] == ' ')
            {
                part = part[..^1];
                pendingSpace = true;
            }

            part.CopyTo(destination[n..]);
            n += part.Length;
            run = run[(twoSpaces < 0 ? run.Length : twoSpaces)..];
        }

        return n;
    }

    /// <summary>True when the text has a character that <see cref="Normalize"/> would fold.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> text) => text.ContainsAny(Special);

    /// <summary>One character folded: quotes to ' or ", dashes to -, spaces to ' ', zero-width to '\0'.</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' or '\u2039' or '\u203A' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u200B' or '\uFEFF' => '\0',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => c,
    };

    /// <summary>A key for comparing short lines across pages: folded, lower-cased, letters and digits only.</summary>
    public static string LineKey(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var ch in line)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>Counts the words (maximal runs of letters or digits) in the text.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord)
            {
                count++;
            }

            inWord = w;
        }

        return count;
    }

    /// <summary>Removes diacritics ("Erdoğan" → "Erdogan", "Çavuşoğlu" → "Cavusoglu").</summary>
    public static string StripDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Unicode normalisation throws on a lone surrogate (half of an emoji cut by a crawler): it is left as it is.
        if (HasLoneSurrogate(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'ı' => 'i', 'ł' => 'l', 'Ł' => 'L', 'ø' => 'o', 'Ø' => 'O', 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
