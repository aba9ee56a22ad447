namespace Storyline.Quotes;

/// <summary>
/// Traces speakers to names inside one article, without the entity stage: a name stands for itself; "he" or
/// "she" stands for the subject of its own sentence, else for the speaker or first person named in the sentence
/// before it in the paragraph, else for the speaker of the quote in the paragraph just before. Nothing further:
/// a pronoun with no such evidence stays unresolved. Stateless.
/// </summary>
internal static class SpeakerTracer
{
    private static readonly WordSet Titles = new([
        "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "senator", "sen",
        "rep", "gov", "governor", "mr", "mrs", "ms", "dr", "general", "gen", "chancellor", "king", "queen",
        "prince", "prime", "chairman", "chairwoman", "leader", "mayor", "ambassador", "envoy", "judge", "justice",
        "director", "chief", "commander", "pope", "sheikh", "emir", "professor", "prof", "candidate", "nominee",
        "speaker", "representative", "attorney", "deputy", "vice", "adviser", "advisor", "aide", "official",
        "president's", "presidents", "lt", "col", "capt", "sgt", "adm", "rev", "sir", "lord", "lady", "officer",
        "foreign", "defense", "defence", "interior", "finance", "state", "house", "senate", "press", "campaign",
        "executive", "founder", "ceo", "host", "anchor", "chair", "head", "former", "first", "lady", "counsel"]);

    private static readonly WordSet NotPersons = new([
        "ministry", "party", "university", "department", "house", "senate", "committee", "council", "kremlin",
        "government", "army", "forces", "news", "times", "post", "agency", "union", "nations", "states",
        "republic", "federation", "province", "street", "airport", "office", "court", "congress", "parliament",
        "administration", "campaign", "foundation", "institute", "center", "centre", "association", "company",
        "corporation", "inc", "group", "bank", "fund", "network", "press", "journal", "tribune", "daily", "radio",
        "television", "channel", "service", "commission", "board", "city", "county", "state", "county",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "the", "syria", "russia", "turkey", "america", "china", "iran", "iraq", "israel", "ukraine", "europe",
        "washington", "moscow", "ankara", "idlib", "god", "internet", "twitter", "facebook", "cnn", "fox", "nbc",
        "abc", "cbs", "msnbc", "reuters", "ap", "afp", "tass", "sputnik", "bbc", "democrats", "republicans",
        "democratic", "republican", "gop", "white", "national", "federal", "international", "united", "american",
        "russian", "turkish", "syrian", "british", "french", "german", "chinese", "iranian", "european", "nato",
        "eu", "un", "u.s", "us", "uk", "obamacare", "isis", "isil", "al-qaeda", "taliban", "hamas", "hezbollah"]);

    /// <summary>A speaker mention of a draft quote; <see cref="SetName"/> receives the span of the name it stands for.</summary>
    public sealed record Mention(ParagraphScan Scan, int Paragraph, int From, int To, Action<CharSpan> SetName);

    public static void Trace(List<Mention> mentions, List<ParagraphScan> scans)
    {
        // Mentions resolved so far, per paragraph and sentence, in text order.
        var named = new List<(int Paragraph, int Sentence, int Token, CharSpan Name)>();
        foreach (var m in mentions.OrderBy(m => m.Paragraph).ThenBy(m => m.From))
        {
            if (m.From < 0)
            {
                continue;
            }

            var s = m.Scan;
            var sentence = s.SentenceOf[m.From];
            CharSpan? name;
            if (m.To - m.From > 1 && s.Word(m.To - 1) is "who")
            {
                // "Weaver, who": the name without its relative pronoun.
                var head = s.IsPunct(m.To - 2, ',') ? m.To - 3 : m.To - 2;
                name = CharSpan.FromBounds(s.Tokens[m.From].Start, s.Tokens[head].End);
            }
            else if (m.To - m.From == 1 && QuoteLexicon.SubjectPronouns.Contains(s.Word(m.From)))
            {
                name = QuoteLexicon.PersonPronouns.Contains(s.Word(m.From)) ? Antecedent(m, named, scans) : null;
            }
            else
            {
                name = CharSpan.FromBounds(s.Tokens[m.From].Start, s.Tokens[m.To - 1].End);
            }

            if (name is { } n)
            {
                m.SetName(n);
                named.Add((m.Paragraph, sentence, m.From, n));
            }
        }
    }

    private static CharSpan? Antecedent(Mention m, List<(int Paragraph, int Sentence, int Token, CharSpan Name)> named, List<ParagraphScan> scans)
    {
        var s = m.Scan;
        var sentence = s.SentenceOf[m.From];

        // The subject of the pronoun's own sentence.
        var (from, _) = s.Sentences[sentence];
        if (FirstPerson(s, from, m.From, scans) is { } own)
        {
            return own;
        }

        // Only the sentence just before counts: further back, another person may have come between.
        if (sentence > 0)
        {
            var prev = sentence - 1;
            var speaker = named.LastOrDefault(n => n.Paragraph == m.Paragraph && n.Sentence == prev && IsPersonName(s.Text, n.Name, scans));
            if (speaker.Name.Length > 0)
            {
                return speaker.Name;
            }

            var (pf, pt) = s.Sentences[prev];
            if (FirstPerson(s, pf, pt, scans) is { } person)
            {
                return person;
            }
        }

        if (sentence == 0 || !named.Any(n => n.Paragraph == m.Paragraph && n.Token < m.From))
        {
            var before = named.LastOrDefault(n => n.Paragraph == m.Paragraph - 1);
            if (before.Name.Length > 0 && IsPersonName(s.Text, before.Name, scans) && !HasOtherPerson(s, from, m.From, scans))
            {
                return before.Name;
            }
        }

        return null;
    }

    private static bool HasOtherPerson(ParagraphScan s, int from, int to, List<ParagraphScan> scans) => FirstPerson(s, from, to, scans) is not null;

    /// <summary>The first person-like name outside quotation marks in tokens [from, to).</summary>
    private static CharSpan? FirstPerson(ParagraphScan s, int from, int to, List<ParagraphScan> scans)
    {
        var i = from;
        while (i < to)
        {
            if (s.InRun[i] >= 0 || !s.IsCapitalized(i))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < to && s.InRun[j] < 0 && s.IsCapitalized(j))
            {
                j++;
            }

            var start = i;
            if (start == s.Sentences[s.SentenceOf[start]].From && QuoteLexicon.SentenceOpeners.Contains(s.Word(start)))
            {
                start++;
            }

            if (start < j)
            {
                var span = CharSpan.FromBounds(s.Tokens[start].Start, s.Tokens[j - 1].End);
                var titled = start > from && s.IsWord(start - 1) && Titles.Contains(s.Word(start - 1).TrimEnd('.'));
                if (titled || IsPersonName(s.Text, span, scans))
                {
                    return span;
                }
            }

            i = j;
        }

        return null;
    }

    /// <summary>
    /// True for a name that looks like a person's: two or more capitalised words none of which names a place,
    /// outlet or institution, or a single word that ends such a name elsewhere in the article (a surname).
    /// </summary>
    public static bool IsPersonName(string text, CharSpan span, List<ParagraphScan> scans)
    {
        var words = Words(text, span);
        if (words.Count == 0 || !char.IsUpper(words[^1][0]))
        {
            return false;
        }

        var core = Core(words);
        if (core.Count == 0 || core.Any(w => NotPersons.Contains(Possessive(w))))
        {
            return false;
        }

        if (core.Count >= 2)
        {
            return true;
        }

        var surname = core[0];
        foreach (var s in scans)
        {
            for (var i = 1; i < s.Tokens.Count; i++)
            {
                if (s.IsCapitalized(i) && s.IsCapitalized(i - 1) && s.Word(i).SequenceEqual(surname)
                    && !QuoteLexicon.SentenceOpeners.Contains(s.Word(i - 1)) && !NotPersons.Contains(s.Word(i - 1)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The name without the titles and roles before it: "Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"; a role alone stays itself.</summary>
    public static string NameText(string text, CharSpan span)
    {
        var words = Words(text, span);
        if (words.Count == 0)
        {
            return span.Of(text);
        }

        if (!char.IsUpper(words[^1][0]))
        {
            return string.Join(' ', words);
        }

        var core = Core(words);
        return core.Count == 0 ? string.Join(' ', words) : string.Join(' ', core);
    }

    private static List<string> Core(List<string> words)
    {
        var last = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (Titles.Contains(Possessive(w).TrimEnd('.')) || char.IsLower(w[0]) || QuoteLexicon.Determiners.Contains(w))
            {
                last = i;
            }
        }

        return words.Skip(last + 1).ToList();
    }

    private static string Possessive(string w) =>
        w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal) ? w[..^2] : w;

    private static List<string> Words(string text, CharSpan span) =>
        span.Of(text).Split([' ', '\n', '\t', '\u00A0', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
}
