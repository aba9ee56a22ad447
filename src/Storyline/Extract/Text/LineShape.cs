namespace Storyline.Extract.Text;

/// <summary>
/// What one line looks like, measured in a single pass over its characters: how many words, how many of them
/// are function words (prose has many, menus almost none), how many are capitalised (title-case runs), whether it
/// ends like a sentence, whether it starts with a list marker. The signals of <see cref="TextPageCleaner"/>.
/// </summary>
internal readonly record struct LineShape
{
    public int Words { get; init; }

    public int StopWords { get; init; }

    public int CapitalWords { get; init; }

    /// <summary>"we", "our", "us": a site speaking of itself (appeals, newsletter boxes).</summary>
    public int FirstPersonPlural { get; init; }

    /// <summary>Sentence ends inside or at the end of the line.</summary>
    public int Sentences { get; init; }

    public bool EndsSentence { get; init; }

    /// <summary>Ends with a full stop, question or exclamation mark (not a colon: "Access Paper:").</summary>
    public bool EndsWithStop { get; init; }

    /// <summary>Starts with a list marker ("* ", "+ ", "• ", "- ", "1. "); <see cref="BodyStart"/> skips it.</summary>
    public bool ListItem { get; init; }

    /// <summary>Index where the text after a list marker starts.</summary>
    public int BodyStart { get; init; }

    /// <summary>Lower-case letter glued to a following capital ("standardsDiscussion"): menu labels run together.</summary>
    public int GluedWords { get; init; }

    public int Letters { get; init; }

    public double StopRatio => Words == 0 ? 0 : (double)StopWords / Words;

    public double CapitalRatio => Words == 0 ? 0 : (double)CapitalWords / Words;

    /// <summary>Reads like running prose: enough words, enough function words.</summary>
    public bool IsProse => Words >= 10 && StopRatio >= 0.2 && (EndsSentence || Words >= 20);

    // ASCII character classes, looked up once per character: the loop below runs over every line of every page.
    private const byte Word = 1, Lower = 2, Upper = 4, Digit = 8;

    private static readonly byte[] AsciiClass = BuildAsciiClass();

    private static byte[] BuildAsciiClass()
    {
        var table = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = Word | Lower;
            table[char.ToUpperInvariant(c)] = Word | Upper;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = Word | Digit;
        }

        return table;
    }

    private static byte Class(char c)
    {
        if (c < 128)
        {
            return AsciiClass[c];
        }

        if (!char.IsLetterOrDigit(c))
        {
            return 0;
        }

        // Non-ASCII digits count as letters, as they always have here.
        return (byte)(Word | (char.IsLower(c) ? Lower : 0) | (char.IsUpper(c) ? Upper : 0));
    }

    // "we" and "our" as StopWords packs them: (w=23, e=5) and (o=15, u=21, r=18), five bits a letter.
    private const ulong PackedWe = (23UL << 5) | 5;
    private const ulong PackedOur = (((15UL << 5) | 21) << 5) | 18;

    public static LineShape Measure(string line)
    {
        var start = ListMarkerLength(line);
        int words = 0, stop = 0, caps = 0, we = 0, sentences = 0, glued = 0, letters = 0;
        var span = line.AsSpan();
        var i = start;
        while (i < span.Length)
        {
            var c = span[i];
            var cls = Class(c);
            if (cls == 0)
            {
                if (c is '.' or '!' or '?' && (i + 1 == span.Length || span[i + 1] == ' ') && i > 0 && char.IsLower(span[i - 1]))
                {
                    sentences++;
                }

                i++;
                continue;
            }

            // The word's letters are packed as the stop-word table keys them while they are read.
            var w = i;
            var prevLower = false;
            var packed = 0UL;
            var asciiLetters = true;
            do
            {
                if ((cls & Digit) == 0)
                {
                    letters++;
                    if (prevLower && (cls & Upper) != 0 && i - w >= 3)
                    {
                        glued++;
                    }

                    if (c < 128)
                    {
                        packed = (packed << 5) | (uint)((c | 0x20) - 'a' + 1);
                    }
                    else
                    {
                        asciiLetters = false;
                    }
                }
                else
                {
                    asciiLetters = false;
                }

                prevLower = (cls & Lower) != 0;
                i++;
            }
            while (i < span.Length && (cls = Class(c = span[i])) != 0);

            var len = i - w;
            words++;
            if ((Class(span[w]) & Upper) != 0)
            {
                caps++;
            }

            if (len <= Text.StopWords.MaxLength && (asciiLetters ? Text.StopWords.ContainsPacked(packed) : Text.StopWords.Contains(span.Slice(w, len))))
            {
                stop++;
                if (asciiLetters ? packed is PackedWe or PackedOur : span.Slice(w, len).Equals("we", StringComparison.OrdinalIgnoreCase) || span.Slice(w, len).Equals("our", StringComparison.OrdinalIgnoreCase))
                {
                    we++;
                }
                else if (len == 2 && span[w] == 'u' && span[w + 1] == 's')
                {
                    we++;
                }
            }
        }

        var end = span.TrimEnd();
        var last = end.Length == 0 ? ' ' : end[^1];
        if (last is '"' or '\u201D' or '\u2019' or '\'' or ')' && end.Length > 1)
        {
            last = end[^2];
        }

        return new LineShape
        {
            Words = words,
            StopWords = stop,
            CapitalWords = caps,
            FirstPersonPlural = we,
            Sentences = sentences,
            EndsSentence = last is '.' or '!' or '?' or ':' or ';',
            EndsWithStop = last is '.' or '!' or '?',
            ListItem = start > 0,
            BodyStart = start,
            GluedWords = glued,
            Letters = letters,
        };
    }

    /// <summary>Length of a leading list marker and the space after it, or 0.</summary>
    public static int ListMarkerLength(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '*' or '+' or '\u2022' or '-' or '\u2013' or '\u00B7' or '\u25AA' && line[1] == ' ')
        {
            return 2;
        }

        if (line.Length >= 3 && line[0] == 'o' && line[1] == ' ' && !char.IsLower(line[2]))
        {
            return 2;
        }

        var d = 0;
        while (d < line.Length && d < 3 && char.IsAsciiDigit(line[d]))
        {
            d++;
        }

        return d > 0 && d + 1 < line.Length && line[d] is '.' or ')' && line[d + 1] == ' ' ? d + 2 : 0;
    }
}
