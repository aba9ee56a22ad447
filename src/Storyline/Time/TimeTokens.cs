namespace Storyline.Time;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// A token of the time grammar. Private to the time stage on purpose: the shared tokenizer lives in Text/ and
/// is tuned for other needs; this one keeps what dates need ("Feb." as word plus period, "10:04", "1990s", "'80s").
/// </summary>
internal struct TimeToken
{
    public int Start;
    public int End;
    public TokenKind Kind;

    /// <summary>The lexicon entry of a word, or null for a word the time grammar does not know.</summary>
    public TimeWord? Word;

    /// <summary>A number's value (digits only; -1 when too long), else -1.</summary>
    public int Number;

    /// <summary>How many digits a number has.</summary>
    public int Digits;

    /// <summary>Letters glued to a number ("s" of 1990s, "th" of 20th, "pm" of 5pm), lower-case; else null.</summary>
    public string? Suffix;

    /// <summary>For "10:04", the minutes; else -1.</summary>
    public int Minutes;

    /// <summary>A decade written with an apostrophe ("'80s").</summary>
    public bool ShortYear;

    public bool Upper;

    public char Punct;
}

/// <summary>Splits text into <see cref="TimeToken"/>s. Stateless; thread-safe.</summary>
internal static class TimeTokenizer
{
    public static int Tokenize(ReadOnlySpan<char> text, ref TimeToken[] buffer)
    {
        var n = 0;
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (n == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            ref var t = ref buffer[n++];
            t = default;
            t.Start = i;
            t.Number = -1;
            t.Minutes = -1;
            if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < text.Length && char.IsLetter(text[j]))
                {
                    j++;
                }

                // "a.m.", "p.m.", "U.S.": short letter runs joined by periods are one word.
                if (j - i <= 2)
                {
                    while (j + 1 < text.Length && text[j] == '.' && char.IsLetter(text[j + 1]) && (j + 2 >= text.Length || !char.IsLetter(text[j + 2])))
                    {
                        j += 2;
                    }
                }

                t.End = j;
                t.Kind = TokenKind.Word;
                t.Upper = char.IsUpper(c);
                t.Word = LookUp(text[i..j], lower);
                i = j;
                continue;
            }

            if (char.IsAsciiDigit(c) || ((c == '\'' || c == '’') && i + 2 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]))))
            {
                var j = i;
                if (!char.IsAsciiDigit(c))
                {
                    t.ShortYear = true;
                    j++;
                }

                var digitsStart = j;
                long value = 0;
                var digits = 0;
                var grouped = false;
                while (j < text.Length)
                {
                    if (char.IsAsciiDigit(text[j]))
                    {
                        value = (value * 10) + (text[j] - '0');
                        digits++;
                        j++;
                    }
                    else if ((text[j] == ',' || text[j] == '.') && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && j > digitsStart)
                    {
                        // 1,000 and 2.5 are one number, never a date.
                        grouped = true;
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                t.Digits = digits;
                t.Number = grouped || digits > 9 ? -1 : (int)value;
                if (!grouped && j + 2 < text.Length && text[j] == ':' && char.IsAsciiDigit(text[j + 1]) && char.IsAsciiDigit(text[j + 2]) && (j + 3 == text.Length || !char.IsAsciiDigit(text[j + 3])))
                {
                    t.Minutes = ((text[j + 1] - '0') * 10) + (text[j + 2] - '0');
                    j += 3;
                }

                var k = j;
                while (k < text.Length && char.IsLetter(text[k]))
                {
                    k++;
                }

                if (k > j)
                {
                    var suffix = SuffixOf(text[j..k]);
                    if (suffix is not null)
                    {
                        t.Suffix = suffix;
                        j = k;
                        if (suffix is "a" or "p" && j + 2 < text.Length && text[j] == '.' && (text[j + 1] == 'm' || text[j + 1] == 'M'))
                        {
                            t.Suffix = suffix + "m";
                            j += 2;
                            if (j < text.Length && text[j] == '.')
                            {
                                j++;
                            }
                        }
                    }
                }

                t.End = j;
                t.Kind = TokenKind.Number;
                i = j;
                continue;
            }

            t.Kind = TokenKind.Punct;
            t.Punct = c switch
            {
                '–' or '—' or '‐' or '‑' => '-',
                '’' => '\'',
                _ => c,
            };
            t.End = i + 1;
            i++;
        }

        return n;
    }

    private static TimeWord? LookUp(ReadOnlySpan<char> word, Span<char> lower)
    {
        if (word.Length > lower.Length)
        {
            return null;
        }

        var l = lower[..word.Length];
        word.ToLowerInvariant(l);
        return TimeLexicon.Lookup.TryGetValue(l, out var w) ? w : null;
    }

    private static string? SuffixOf(ReadOnlySpan<char> letters)
    {
        Span<char> l = stackalloc char[4];
        if (letters.Length > 4)
        {
            return null;
        }

        letters.ToLowerInvariant(l);
        return l[..letters.Length] switch
        {
            "s" => "s",
            "st" => "st",
            "nd" => "nd",
            "rd" => "rd",
            "th" => "th",
            "am" => "am",
            "pm" => "pm",
            "a" => "a",
            "p" => "p",
            _ => null,
        };
    }
}
