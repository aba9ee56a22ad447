using System.Collections.Frozen;

namespace Storyline.Text;

/// <summary>A sentence: a span of the text, and the range of its tokens in the token list it was split from.</summary>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits tokenised news text into sentences. A sentence ends at ".", "!", "?" or "..." (with any closing quotes
/// and brackets after it) when what follows can start a sentence, and always at a blank line. Abbreviations
/// that never end a sentence in news ("Sen.", "Feb.", "Mr.") do not split; ones that may ("U.S.", "Inc.") split
/// only before a word that usually starts sentences. A dateline ("MOSCOW (Reuters) -") stays with its
/// sentence. Stateless and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Abbreviations that precede a name or number and so never end a sentence.</summary>
    private static readonly FrozenSet<string> NeverFinal = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.",
        "adm.", "cmdr.", "rev.", "fr.", "st.", "hon.", "pres.", "sec.", "amb.", "messrs.", "mme.", "det.", "insp.",
        "cpl.", "pvt.", "brig.", "atty.", "supt.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
        "sept.", "oct.", "nov.", "dec.", "no.", "nos.", "vs.", "cf.", "vol.", "fig.", "mt.", "ft.", "pp.", "op.",
    ]);

    /// <summary>Words that, capitalised after an ambiguous abbreviation, show that a new sentence began.</summary>
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.Create(StringComparer.Ordinal,
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "But", "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since", "His", "Her",
        "Their", "Its", "Our", "My", "Some", "Many", "Most", "Other", "Others", "Such", "Both", "Each", "All",
        "No", "Yet", "So", "Still", "However", "Meanwhile", "Also", "Earlier", "Later", "Last", "Next", "What",
        "Why", "How", "Who", "Where", "Officials", "According", "For", "From", "With", "By", "To", "Under",
    ]);

    /// <summary>Splits <paramref name="text"/>, tokenising it first.</summary>
    public static List<Sentence> Split(ReadOnlySpan<char> text, out List<Token> tokens)
    {
        tokens = Tokenizer.Tokenize(text);
        return Split(text, tokens);
    }

    /// <summary>The sentences of <paramref name="text"/>, given its tokens (in order, spans into the text).</summary>
    public static List<Sentence> Split(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var last = i;
            var boundary = false;
            if (i + 1 == tokens.Count)
            {
                boundary = true;
            }
            else if (BlankLineBetween(text, tokens[i].End, tokens[i + 1].Start))
            {
                boundary = true;
            }
            else if (IsTerminal(text, tokens[i], out var ambiguous))
            {
                // Closing quotes and brackets belong to the sentence they close.
                var j = i + 1;
                while (j < tokens.Count && IsCloser(tokens[j].In(text)) && !BlankLineBetween(text, tokens[j - 1].End, tokens[j].Start))
                {
                    j++;
                }

                last = j - 1;
                boundary = j == tokens.Count || StartsSentence(text, tokens[j], ambiguous, tokens[i].In(text));
            }

            if (boundary)
            {
                var start = tokens[first].Start;
                sentences.Add(new Sentence(start, tokens[last].End - start, first, last - first + 1));
                first = last + 1;
                i = last;
            }
        }

        return sentences;
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, Token token, out bool ambiguous)
    {
        ambiguous = false;
        var t = token.In(text);
        var lastChar = t[^1];
        if (t[0] is '!' or '?' || t is "\u2026")
        {
            return true;
        }

        if (lastChar != '.')
        {
            return false;
        }

        if (t.Length == 1 || t.Trim('.').IsEmpty)
        {
            return true;
        }

        // A word that kept its period is an abbreviation.
        if (NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t))
        {
            return false;
        }

        // A lone initial ("J.") precedes a surname.
        if (t.Length == 2 && char.IsUpper(t[0]))
        {
            return false;
        }

        ambiguous = true;
        return true;
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, Token next, bool ambiguous, ReadOnlySpan<char> terminal)
    {
        var t = next.In(text);
        var c = t[0];
        if (ambiguous)
        {
            // "U.S. officials" continues, "... the U.S. The talks" does not.
            return SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t) || c is '"' or '\u201C' or '\u2018';
        }

        if (terminal is "..." or "\u2026" or "...." && char.IsLower(c))
        {
            return false;
        }

        return !char.IsLower(c);
    }

    private static bool IsCloser(ReadOnlySpan<char> t) =>
        t is "\"" or "'" or "\u201D" or "\u2019" or ")" or "]" or "}" or "\u00BB" or "''";

    private static bool BlankLineBetween(ReadOnlySpan<char> text, int from, int to)
    {
        var newlines = 0;
        for (var k = from; k < to; k++)
        {
            if (text[k] == '\n' && ++newlines == 2)
            {
                return true;
            }
        }

        return false;
    }
}
