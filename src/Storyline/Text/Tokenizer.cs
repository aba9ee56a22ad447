using System.Buffers;
using System.Collections.Frozen;

namespace Storyline.Text;

/// <summary>A token: a span of the text it was cut from.</summary>
public readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

/// <summary>
/// Cuts news text into tokens the way the CoNLL and Penn Treebank corpora do, as spans of the text:
/// words keep inner hyphens and apostrophes of names ("al-Assad", "O'Brien"), clitics split ("Russia" "'s",
/// "do" "n't"), abbreviations keep their period ("Feb.", "Sen.", "U.S."), numbers keep separators ("1,000.5",
/// "1996-08-30", "10:04"), runs of dots and dashes stay one token ("...", "--"), every other punctuation mark
/// is a token of its own. Stateless and thread-safe.
/// </summary>
public static class Tokenizer
{
    /// <summary>Abbreviations that keep their period (lower-cased, without the period).</summary>
    internal static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
        "cmdr", "lieut", "pres", "sec", "amb", "rev", "fr", "st", "sr", "jr", "messrs", "mme", "mlle", "hon", "supt",
        "insp", "det", "cpl", "pvt", "brig", "gens", "reps", "sens", "govs", "atty", "supt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "inc", "corp", "co", "ltd", "plc", "bros", "assn", "dept", "univ", "inst", "intl", "gov't",
        "no", "nos", "vs", "etc", "approx", "est", "vol", "fig", "ca", "cf", "al", "op", "pp", "ed", "eds",
        "ave", "blvd", "rd", "mt", "ft", "hwy", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan",
        "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
        "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "del", "ala", "ark",
    ]);

    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u2018`");

    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>, offsets relative to the text.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                i++;
                continue;
            }

            var end = TokenEnd(text, i);
            tokens.Add(new Token(i, end - i));
            i = end;
        }
    }

    private static int TokenEnd(ReadOnlySpan<char> text, int start)
    {
        var c = text[start];
        if (IsWordChar(c))
        {
            if (StartsUrl(text[start..]))
            {
                var j = start;
                while (j < text.Length && !char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                while (j > start + 1 && text[j - 1] is '.' or ',' or ')' or ';' or ':' or '"' or '\'' or '\u201D')
                {
                    j--;
                }

                return j;
            }

            return WordEnd(text, start);
        }

        // A clitic starting with an apostrophe: "'s", "'re", "'ll", "'ve", "'d", "'m" after a word.
        if (Apostrophes.Contains(c) && start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            var clitic = CliticLength(text[start..]);
            if (clitic > 0)
            {
                return start + clitic;
            }
        }

        // Runs that read as one mark.
        if (c is '.' or '-' or '\u2014' or '\u2013' or '!' or '?' or '*' or '=' or '_' or '~' or '#')
        {
            var j = start + 1;
            while (j < text.Length && text[j] == c)
            {
                j++;
            }

            return j;
        }

        if (char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]))
        {
            return start + 2;
        }

        return start + 1;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var j = start;
        var digits = char.IsDigit(text[start]);
        while (j < text.Length)
        {
            var c = text[j];
            if (IsWordChar(c))
            {
                j++;
                continue;
            }

            var next = j + 1 < text.Length ? text[j + 1] : '\0';

            // Inner hyphens join words and numbers ("al-Assad", "1996-08-30"); slashes join numbers ("24/7");
            // an ampersand joins capitals ("AT&T").
            var joins = c switch
            {
                '-' or '\u2010' or '\u2011' => IsWordChar(next),
                '/' => digits && char.IsDigit(next),
                '&' => char.IsUpper(text[j - 1]) && char.IsUpper(next),
                _ => false,
            };
            if (joins)
            {
                j++;
                continue;
            }

            // Number separators: "1,000", "3.5", "10:04".
            if ((c is ',' or '.' or ':') && char.IsDigit(text[j - 1]) && char.IsDigit(next))
            {
                j++;
                continue;
            }

            if (Apostrophes.Contains(c) && char.IsLetter(next))
            {
                // "n't" splits off its verb; other clitics split at the apostrophe; inner apostrophes of names stay.
                if ((next is 't' or 'T') && j - 1 > start && text[j - 1] is 'n' or 'N' && !IsWordChar(At(text, j + 2)))
                {
                    return j - 1;
                }

                if (CliticLength(text[j..]) > 0)
                {
                    return j;
                }

                j++;
                continue;
            }

            if (c == '.')
            {
                return PeriodEnd(text, start, j);
            }

            break;
        }

        return j;
    }

    /// <summary>Decides whether a word followed by a period keeps it: "U.S.", "Feb.", "J." yes; "Moscow." no.</summary>
    private static int PeriodEnd(ReadOnlySpan<char> text, int start, int dot)
    {
        var word = text[start..dot];

        // "U.S.", "U.N.", "a.m.": single letters joined by periods.
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            var j = dot + 1;
            while (j + 1 < text.Length && char.IsLetter(text[j]) && text[j + 1] == '.')
            {
                j += 2;
            }

            if (j > dot + 1)
            {
                return j;
            }

            // A lone initial ("J. Smith") keeps its period when upper-case.
            return char.IsUpper(word[0]) ? dot + 1 : dot;
        }

        if (word.Length <= 8 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return dot + 1;
        }

        return dot;
    }

    private static int CliticLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || !Apostrophes.Contains(s[0]))
        {
            return 0;
        }

        var a = char.ToLowerInvariant(s[1]);
        var b = s.Length > 2 ? char.ToLowerInvariant(s[2]) : '\0';
        var after = s.Length > 3 ? s[3] : '\0';
        if (a is 's' or 'd' or 'm' && !char.IsLetterOrDigit(b))
        {
            return 2;
        }

        if ((a, b) is ('r', 'e') or ('l', 'l') or ('v', 'e') && !char.IsLetterOrDigit(after))
        {
            return 3;
        }

        return 0;
    }

    private static char At(ReadOnlySpan<char> text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '\u00AD' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool StartsUrl(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
