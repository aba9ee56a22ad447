namespace Storyline.Quotes;

internal enum TokenKind : byte
{
    Word,
    Punct,

    /// <summary>The opening mark of a quoted run.</summary>
    Open,

    /// <summary>The closing mark of a quoted run.</summary>
    Close,
}

/// <summary>A token of a paragraph: a span of the article's text. <see cref="Run"/> is the quoted run a mark belongs to, else -1.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, int Run)
{
    public int Length => End - Start;
}

/// <summary>A passage between quotation marks: mark positions in the text; <see cref="Close"/> is -1 when the paragraph ends before it closes.</summary>
internal sealed class QuotedRun
{
    public int Open { get; init; }

    public int Close { get; init; }

    public int OpenToken { get; set; } = -1;

    public int CloseToken { get; set; } = -1;

    /// <summary>Last character of the run: the closing mark, or the paragraph's last character when unclosed.</summary>
    public int End { get; init; }

    public bool Closed => Close >= 0;
}

/// <summary>
/// One paragraph read for quotes: its quoted runs, tokens and sentences. Sentences never break inside quotation
/// marks, so a quote of several sentences stays in one unit with its attribution. Kept private to the quote stage
/// on purpose: it is tuned to what attribution needs, not a general sentence splitter.
/// </summary>
internal sealed class ParagraphScan
{
    public ParagraphScan(string text, int start, int end)
    {
        Text = text;
        Start = start;
        End = end;
        FindRuns();
        Tokenize();
        SplitSentences();
    }

    public string Text { get; }

    public int Start { get; }

    public int End { get; }

    public List<QuotedRun> Runs { get; } = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>Token ranges [From, To) of the sentences.</summary>
    public List<(int From, int To)> Sentences { get; } = [];

    /// <summary>For each token, the quoted run it lies in (marks included), else -1.</summary>
    public int[] InRun { get; private set; } = [];

    /// <summary>For each token, its sentence.</summary>
    public int[] SentenceOf { get; private set; } = [];

    public ReadOnlySpan<char> Word(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    /// <summary>
    /// True for a quoted run that reads as a title (“Fantastic Four”, “Good Morning America”): two or more words, each
    /// capitalised but for short joining words, and no full sentence inside.
    /// </summary>
    public bool IsTitle(int run)
    {
        var r = Runs[run];
        if (!r.Closed)
        {
            return false;
        }

        var words = 0;
        for (var i = r.OpenToken + 1; i < r.CloseToken; i++)
        {
            if (Tokens[i].Kind == TokenKind.Word)
            {
                words++;
                if (!IsCapitalized(i) && !(Word(i) is "of" or "the" or "and" or "a" or "an" or "in" or "on" or "for" or "to" or "with" or "at" or "by"))
                {
                    return false;
                }
            }
            else if (Tokens[i].Kind == TokenKind.Punct && Text[Tokens[i].Start] is '!' or '?' or ';')
            {
                return false;
            }
        }

        return words >= 2;
    }

    public bool IsWord(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Word;

    public bool IsPunct(int i, char c) =>
        i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Punct && Tokens[i].Length == 1 && Text[Tokens[i].Start] == c;

    public bool IsCapitalized(int i) => IsWord(i) && char.IsUpper(Text[Tokens[i].Start]);

    public bool IsDash(int i) =>
        i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Punct && Text[Tokens[i].Start] is '-' or '\u2013' or '\u2014' or '\u2015';

    public static bool IsDoubleMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB';

    private static bool IsSingleOpen(char c) => c is '\'' or '\u2018' or '\u2039' or '\u201B';

    private static bool IsSingleClose(char c) => c is '\'' or '\u2019' or '\u203A';

    private bool IsSpaceAt(int i) => i < Start || i >= End || char.IsWhiteSpace(Text[i]);

    private bool IsAlnumAt(int i) => i >= Start && i < End && char.IsLetterOrDigit(Text[i]);

    private void FindRuns()
    {
        var open = -1;
        for (var i = Start; i < End; i++)
        {
            var c = Text[i];
            if (IsDoubleMark(c))
            {
                if (open < 0)
                {
                    // A closing-shaped mark with nothing open is a stray (typo, or a quote opened in an earlier paragraph).
                    var strayCloser = c is '\u201D' or '\u00BB' && !IsSpaceAt(i - 1) && !IsAlnumAt(i + 1);
                    if (!strayCloser && i + 1 < End)
                    {
                        open = i;
                    }
                }
                else
                {
                    Runs.Add(new QuotedRun { Open = open, Close = i, End = i });
                    open = -1;
                }

                continue;
            }

            if (open < 0 && IsSingleOpen(c) && (i == Start || IsSpaceAt(i - 1) || Text[i - 1] is '(' or '[' or '\u2014' or '\u2013') && IsAlnumAt(i + 1))
            {
                var close = FindSingleClose(i + 1);
                if (close > 0)
                {
                    Runs.Add(new QuotedRun { Open = i, Close = close, End = close });
                    i = close;
                }
            }
        }

        if (open >= 0)
        {
            var last = End - 1;
            while (last > open && char.IsWhiteSpace(Text[last]))
            {
                last--;
            }

            Runs.Add(new QuotedRun { Open = open, Close = -1, End = last });
        }
    }

    /// <summary>A single closing mark that ends a word and is not an apostrophe inside one; -1 when there is none.</summary>
    private int FindSingleClose(int from)
    {
        for (var j = from; j < End; j++)
        {
            var c = Text[j];
            if (IsDoubleMark(c))
            {
                return -1;
            }

            if (IsSingleClose(c) && !IsSpaceAt(j - 1) && !IsAlnumAt(j + 1))
            {
                // "the countries' leaders": a plural possessive, not a closing mark, when a word follows at once.
                var next = j + 1;
                if (c != '\u203A' && Text[j - 1] == 's' && next < End && Text[next] == ' ' && next + 1 < End && char.IsLower(Text[next + 1]))
                {
                    continue;
                }

                return j;
            }
        }

        return -1;
    }

    private void Tokenize()
    {
        var marks = new Dictionary<int, (int Run, bool Open)>();
        for (var r = 0; r < Runs.Count; r++)
        {
            marks[Runs[r].Open] = (r, true);
            if (Runs[r].Closed)
            {
                marks[Runs[r].Close] = (r, false);
            }
        }

        var i = Start;
        while (i < End)
        {
            var c = Text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (marks.TryGetValue(i, out var mark))
            {
                var index = Tokens.Count;
                Tokens.Add(new Token(i, i + 1, mark.Open ? TokenKind.Open : TokenKind.Close, mark.Run));
                if (mark.Open)
                {
                    Runs[mark.Run].OpenToken = index;
                }
                else
                {
                    Runs[mark.Run].CloseToken = index;
                }

                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                var segment = i;
                while (j < End)
                {
                    var d = Text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                    }
                    else if (d is '\'' or '\u2019' or '-' or '&' && j + 1 < End && char.IsLetterOrDigit(Text[j + 1]) && !marks.ContainsKey(j))
                    {
                        j += 2;
                    }
                    else if (d == '.' && j - segment <= 2 && j + 1 < End && char.IsLetter(Text[j + 1]))
                    {
                        // "U.S", "a.m", "Ph.D" — but "said.He" is two words run together.
                        segment = j + 1;
                        j += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                // "Sen. Sanders", "John F. Kerry": the abbreviation's full stop belongs to the word.
                if (j < End && Text[j] == '.' && (QuoteLexicon.Abbreviations.Contains(Text.AsSpan(i, j - i)) || (j - i == 1 && char.IsUpper(c)))
                    && j + 2 < End && char.IsWhiteSpace(Text[j + 1]) && char.IsUpper(Text[j + 2]))
                {
                    j++;
                }

                Tokens.Add(new Token(i, j, TokenKind.Word, -1));
                i = j;
                continue;
            }

            var k = i + 1;
            if (c == '.')
            {
                while (k < End && Text[k] == '.')
                {
                    k++;
                }
            }

            Tokens.Add(new Token(i, k, TokenKind.Punct, -1));
            i = k;
        }

        InRun = new int[Tokens.Count];
        Array.Fill(InRun, -1);
        for (var r = 0; r < Runs.Count; r++)
        {
            var from = Runs[r].OpenToken;
            var to = Runs[r].Closed ? Runs[r].CloseToken : Tokens.Count - 1;
            for (var t = from; t <= to && t >= 0; t++)
            {
                InRun[t] = r;
            }
        }
    }

    private bool EndsSentence(int t)
    {
        var tok = Tokens[t];
        var c = Text[tok.End - 1];
        if (c is '!' or '?' or '\u2026')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        if (tok.Length > 1)
        {
            return true;
        }

        // "Mr. Peskov", "U.S. officials", "J. Smith": a full stop after an abbreviation or an initial.
        if (t > 0 && Tokens[t - 1].Kind == TokenKind.Word && Tokens[t - 1].End == tok.Start)
        {
            var w = Word(t - 1);
            if (QuoteLexicon.Abbreviations.Contains(w) || (w.Length == 1 && char.IsUpper(w[0])) || w.Contains('.'))
            {
                return false;
            }
        }

        return true;
    }

    private bool StartsSentence(int t) =>
        t < Tokens.Count && (Tokens[t].Kind == TokenKind.Open || (Tokens[t].Kind == TokenKind.Word && (char.IsUpper(Text[Tokens[t].Start]) || char.IsDigit(Text[Tokens[t].Start]))));

    private void SplitSentences()
    {
        var from = 0;
        var parens = 0;
        for (var t = 0; t < Tokens.Count; t++)
        {
            var tok = Tokens[t];
            var boundary = false;
            if (tok.Kind == TokenKind.Punct && tok.Length == 1 && Text[tok.Start] is '(' or ')')
            {
                // "(D-N.Y.)": no sentence ends inside brackets.
                parens = Math.Max(0, parens + (Text[tok.Start] == '(' ? 1 : -1));
                continue;
            }

            if (tok.Kind == TokenKind.Punct && InRun[t] < 0 && parens == 0 && EndsSentence(t))
            {
                // Skip closing brackets after the stop.
                while (t + 1 < Tokens.Count && Tokens[t + 1].Kind == TokenKind.Punct && Text[Tokens[t + 1].Start] is ')' or ']')
                {
                    t++;
                }

                boundary = StartsSentence(t + 1);
            }
            else if (tok.Kind == TokenKind.Close && t > 0 && Tokens[t - 1].Kind == TokenKind.Punct && EndsSentence(t - 1))
            {
                // "... unacceptable." The next sentence — but after "?" or "!" an attribution may follow ("Why?" asked Smith).
                var stop = Text[Tokens[t - 1].End - 1];
                boundary = StartsSentence(t + 1) && (stop is '.' or '\u2026' || !QuoteGrammar.StartsAttribution(this, t + 1));
            }

            if (boundary)
            {
                Sentences.Add((from, t + 1));
                from = t + 1;
            }
        }

        if (from < Tokens.Count)
        {
            Sentences.Add((from, Tokens.Count));
        }

        SentenceOf = new int[Tokens.Count];
        for (var s = 0; s < Sentences.Count; s++)
        {
            for (var t = Sentences[s].From; t < Sentences[s].To; t++)
            {
                SentenceOf[t] = s;
            }
        }
    }
}
