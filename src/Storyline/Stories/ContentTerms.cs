using System.Collections.Frozen;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// The content words of an article for clustering: lower-cased, diacritics and possessives removed, plurals
/// folded, function words and the vocabulary of page chrome left out. Stateless and thread-safe.
/// </summary>
internal static class ContentTerms
{
    // Function words, reporting verbs every story uses, calendar words, and the words of page chrome
    // (share, subscribe, newsletter...): none of them tells one story from another.
    private static readonly FrozenSet<string> StopWords = (
        "a about above after again against ago all almost along already also although always am among an and another any " +
        "anyone anything are around as at away back be became because become been before being below between both but by " +
        "came can cannot could did do does doing done down during each early either else enough even ever every few for " +
        "from further get gets getting give given go goes going gone got had has have having he her here hers herself him " +
        "himself his how however i if in including into is it its itself just know known last late later least less like " +
        "likely made make makes making many may me might more most much must my myself near need never new next no nor not " +
        "now of off often on once one only or other others our ours ourselves out over own part per perhaps put rather " +
        "really said same say saying says see seen she should since so some something still such take taken than that the " +
        "their theirs them themselves then there these they thing things this those though through thus to today together " +
        "told too took toward towards two under until up upon us use used very via was way we well went were what when " +
        "where whether which while who whom whose why will with within without would yet you your yours yourself " +
        "three four five six seven eight nine ten first second third year years time times day days week weeks month " +
        "months people man woman men women mr mrs ms dr according told added asked tell reported report reports news " +
        "monday tuesday wednesday thursday friday saturday sunday january february march april june july august " +
        "september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
        "click share shares shared tweet email print comment comments subscribe subscriber newsletter sign advertisement " +
        "photo photos image images video videos caption credit copyright reserved rights read story stories article " +
        "articles continue page follow facebook twitter instagram linkedin pinterest whatsapp reddit getty ap reuters afp " +
        "associated press updated posted published related topics home menu search login log more also just like").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(string normalised) => StopWords.Contains(normalised);

    /// <summary>A word as clustering compares it: lower-cased, no diacritics, no possessive.</summary>
    public static string Normalise(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        w = w.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
        foreach (var c in w)
        {
            if (c > 127)
            {
                return TextNormalizer.StripDiacritics(w);
            }
        }

        return w;
    }

    /// <summary>Folds regular plurals so "attack" and "attacks" count as one term.</summary>
    public static string Stem(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(w.AsSpan(0, w.Length - 3), "y");
        }

        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>The term counts of the article: content paragraphs (and the title, weighted), stemmed.</summary>
    public static Dictionary<string, double> Counts(Article article, StoryOptions options)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var paragraphs = article.Paragraphs.Where(p => TextNormalizer.CountWords(article.Text.AsSpan(p.Start, p.Length)) >= options.MinParagraphWords).ToList();
        if (paragraphs.Count == 0)
        {
            paragraphs = [.. article.Paragraphs];
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            AddTerms(counts, article.Text.AsSpan(paragraphs[i].Start, paragraphs[i].Length), ParagraphWeight(i, options));
        }

        if (article.Title is { } title)
        {
            AddTerms(counts, title.Value, options.TitleWeight);
        }

        if (options.BigramWeight > 0)
        {
            // Pairs are many more than words and keep coming with every article: each stands for one of a fixed
            // number of hash buckets, so the document frequencies and the vocabulary stay bounded over a million
            // articles (two pairs sharing a bucket now and then only adds a little noise to a small weight).
            var pairs = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < paragraphs.Count; i++)
            {
                AddBigrams(pairs, article.Text.AsSpan(paragraphs[i].Start, paragraphs[i].Length), ParagraphWeight(i, options));
            }

            if (article.Title is { } t)
            {
                AddBigrams(pairs, t.Value, options.TitleWeight);
            }

            foreach (var (pair, count) in pairs)
            {
                if (count >= options.MinPhraseCount)
                {
                    var key = PhraseKey(pair);
                    counts[key] = counts.GetValueOrDefault(key) + (count * options.BigramWeight);
                }
            }
        }

        return counts;
    }

    /// <summary>How many times the words of the content paragraph at this place count: the lead's <see cref="StoryOptions.LeadWeight"/>, else once.</summary>
    private static double ParagraphWeight(int index, StoryOptions options) => index < options.LeadParagraphs ? options.LeadWeight : 1;

    /// <summary>How many distinct terms phrases can take (a power of two).</summary>
    public const int PhraseBuckets = 1 << 21;

    /// <summary>The term a phrase ("job speech") stands as: its hash bucket, marked so that no word can take it.</summary>
    public static string PhraseKey(string pair) =>
        "\u00B6" + (ContentHash.Hash64(pair) & (PhraseBuckets - 1)).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    // Calendar words say nothing alone but name an occasion next to a word (April Fools, Memorial Day).
    private static readonly FrozenSet<string> CalendarWords = (
        "monday tuesday wednesday thursday friday saturday sunday january february march april june july august " +
        "september october november december day week year").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds the pairs of adjacent content words (a phrase: "jobs speech", "april fools"), each counted
    /// <paramref name="weight"/> times, as terms of their own ("job speech"). Words are adjacent when only
    /// spaces, a hyphen or a possessive's apostrophe stand between them; a function word or punctuation breaks the pair.
    /// </summary>
    public static void AddBigrams(Dictionary<string, double> counts, ReadOnlySpan<char> text, double weight)
    {
        // Words are folded in a buffer, the pair is built beside them and looked up as a span: a string is made
        // only for a pair new to the article.
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[129];
        Span<char> word = stackalloc char[64];
        var previousLength = 0;
        var previousEnd = 0;
        var words = new WordScanner(text);
        while (words.MoveNext())
        {
            var current = words.Current;
            var length = 0;
            if (!words.Digits && current.IndexOfAnyInRange('0', '9') < 0)
            {
                if (current.Length <= word.Length && TryFoldAscii(current, word, out var folded))
                {
                    var w = word[..folded];
                    if (folded >= 2 && (!StopWordLookup.Contains(w) || CalendarLookup.Contains(w)))
                    {
                        length = Stem(w).Length;
                    }
                }
                else
                {
                    var w = Normalise(WordScanner.Text(current));
                    if (w.Length is >= 2 and <= 64 && (!IsStopWord(w) || CalendarWords.Contains(w)))
                    {
                        var stem = Stem(w);
                        stem.AsSpan().CopyTo(word);
                        length = stem.Length;
                    }
                }
            }

            if (length > 0 && previousLength > 0 && Adjacent(text[previousEnd..words.Start]))
            {
                pair[previousLength] = ' ';
                word[..length].CopyTo(pair[(previousLength + 1)..]);
                var key = pair[..(previousLength + 1 + length)];
                lookup.TryGetValue(key, out var count);
                lookup[key] = count + weight;
            }

            // The current word becomes the pair's first half.
            word[..length].CopyTo(pair);
            previousLength = length;
            previousEnd = words.Start + current.Length;
        }
    }

    private static bool Adjacent(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is not (' ' or '-' or '\u00A0' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarLookup = CalendarWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds the text's content terms, stemmed, each counted <paramref name="weight"/> times.</summary>
    public static void AddTerms(Dictionary<string, double> counts, ReadOnlySpan<char> text, double weight)
    {
        // Terms are folded in a buffer and looked up as spans: a string is made only for a term new to the article.
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var words = new WordScanner(text);
        while (words.MoveNext())
        {
            // Numbers and words with digits (3pm, 25th, 1990s, 737) are shared across unrelated stories, and
            // as single tokens they are missing from the background of news, which would make them weigh as
            // much as the rarest name.
            var word = words.Current;
            if (words.Digits || word.IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            if (word.Length > buffer.Length || !TryFoldAscii(word, buffer, out var length))
            {
                var w = Normalise(WordScanner.Text(word));
                if (w.Length >= 2 && !IsStopWord(w))
                {
                    var stem = Stem(w);
                    counts[stem] = counts.GetValueOrDefault(stem) + weight;
                }

                continue;
            }

            var folded = buffer[..length];
            if (length < 2 || StopWordLookup.Contains(folded))
            {
                continue;
            }

            folded = Stem(folded);
            lookup.TryGetValue(folded, out var count);
            lookup[folded] = count + weight;
        }
    }

    /// <summary><see cref="Normalise"/> for a word of ASCII letters and apostrophes; false for any other word.</summary>
    private static bool TryFoldAscii(ReadOnlySpan<char> word, Span<char> destination, out int length)
    {
        length = 0;
        var end = word.Length;
        if (end >= 2 && word[end - 2] is '\'' or '\u2019' && word[end - 1] is 's' or 'S')
        {
            end -= 2;
        }

        for (var i = 0; i < end; i++)
        {
            var c = word[i];
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (c > 127)
            {
                return false;
            }

            destination[length++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return true;
    }

    /// <summary><see cref="Stem(string)"/> in place.</summary>
    private static Span<char> Stem(Span<char> w)
    {
        if (w.Length > 4 && w.EndsWith("ies"))
        {
            w[^3] = 'y';
            return w[..^2];
        }

        return w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i') ? w[..^1] : w;
    }
}

/// <summary>
/// The words of a text (runs of letters and digits, with inner apostrophes) one at a time, without building
/// them, each knowing whether it is capitalised, opens a sentence, or stands in a line written in capitals.
/// </summary>
internal ref struct WordScanner
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;
    private int _start;
    private int _length;
    private bool _sentenceStart;

    public WordScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _sentenceStart = true;
        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        ShoutedLine = letters > 0 && upper * 10 > letters * 6;
    }

    /// <summary>The text is written in capitals (a headline or a shouted line): capitals say nothing there.</summary>
    public readonly bool ShoutedLine { get; }

    /// <summary>The current word as it stands in the text (apostrophes as typed).</summary>
    public readonly ReadOnlySpan<char> Current => _text.Slice(_start, _length);

    public bool Capitalised { get; private set; }

    /// <summary>Where the current word starts in the text.</summary>
    public readonly int Start => _start;

    public bool SentenceStart { get; private set; }

    /// <summary>The word is all digits.</summary>
    public bool Digits { get; private set; }

    /// <summary>A word as a string, its apostrophes made straight.</summary>
    public static string Text(ReadOnlySpan<char> word) => word.ToString().Replace('\u2019', '\'');

    public bool MoveNext()
    {
        var text = _text;
        var i = _next;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or ':' or '\u2022' or '|' or '"' or '\u201C' or '(')
                {
                    _sentenceStart = c is not '(' || _sentenceStart;
                }

                i++;
                continue;
            }

            var start = i;
            var digits = true;
            while (i < text.Length)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    digits &= char.IsDigit(c);
                    i++;
                }
                else if (c is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            (_start, _length, _next) = (start, i - start, i);
            Capitalised = char.IsUpper(text[start]);
            SentenceStart = _sentenceStart;
            Digits = digits;
            _sentenceStart = false;
            return true;
        }

        _next = i;
        return false;
    }
}
