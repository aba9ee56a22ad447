namespace Storyline.Extract.Text;

/// <summary>
/// Function words (English, and Russian for Cyrillic pages): how prose differs from menus and link lists. Written for this project from the
/// closed classes of English grammar (articles, pronouns, auxiliaries, prepositions, conjunctions, common
/// determiners and adverbs); no third-party list was copied. Thread-safe (read-only).
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(
        [
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "no", "all", "both",
            "either", "neither", "such", "much", "many", "more", "most", "other", "another", "few", "less",
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
            "her", "hers", "it", "its", "they", "them", "their", "theirs", "who", "whom", "whose", "which", "what",
            "myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves", "one",
            "be", "is", "am", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does",
            "did", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
            "s", "t", "d", "ll", "re", "ve", "m", "not", "don", "isn", "aren", "wasn", "weren", "won", "didn", "doesn",
            "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "against", "between", "into",
            "through", "during", "before", "after", "above", "below", "up", "down", "out", "off", "over", "under",
            "since", "until", "upon", "within", "without", "across", "along", "among", "around", "behind", "beyond",
            "toward", "towards", "via", "per", "than", "as", "like",
            "and", "or", "but", "nor", "so", "yet", "if", "then", "because", "while", "although", "though",
            "unless", "whether", "when", "where", "why", "how", "whereas", "once",
            "also", "just", "only", "very", "too", "even", "still", "already", "again", "ever", "never", "here",
            "there", "now", "not", "well", "however", "therefore", "thus", "instead", "rather", "quite", "almost",
            "said", "says", "say",
        ],
        StringComparer.Ordinal);

    /// <summary>The longest function word ("themselves").</summary>
    public const int MaxLength = 10;

    // Each word packed five bits a letter into a number, kept in an open-addressed table four times the size of
    // the list: the lookup, done for every word of every page, is a multiply, a shift and a probe or two.
    private const int SlotBits = 10;
    private static readonly ulong[] Slots = BuildSlots();

    // Russian function words (prepositions, conjunctions, particles, pronouns, forms of "to be"), written for
    // this project from the closed classes of Russian grammar, so Cyrillic prose weighs as prose too.
    private static readonly HashSet<string> Cyrillic = new(
        [
            "и", "в", "во", "не", "на", "что", "с", "со", "по", "к", "ко", "из", "за", "о", "об", "от", "для", "как",
            "это", "этот", "эта", "эти", "его", "её", "ее", "их", "но", "а", "то", "же", "при", "он", "она", "оно",
            "они", "мы", "вы", "я", "был", "была", "было", "были", "будет", "также", "уже", "после", "до", "у", "же",
            "ли", "бы", "только", "или", "ни", "да", "нет", "так", "который", "которая", "которые", "которых",
            "чтобы", "если", "когда", "где", "под", "над", "между", "через", "без", "со", "том", "тем", "этом",
            "этого", "всё", "все", "всех", "ещё", "еще", "более", "около", "заявил", "сообщил", "сказал",
        ],
        StringComparer.Ordinal);

    /// <summary>True for the key <see cref="Pack"/> gives a function word of ASCII letters.</summary>
    public static bool ContainsPacked(ulong key)
    {
        for (var slot = SlotOf(key); ; slot = (slot + 1) & ((1 << SlotBits) - 1))
        {
            var at = Slots[slot];
            if (at == key)
            {
                return true;
            }

            if (at == 0)
            {
                return false;
            }
        }
    }

    /// <summary>True for a function word, in any letter case.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length <= MaxLength && Pack(word) is var key && key != 0)
        {
            return ContainsPacked(key);
        }

        return word.Length <= 9 && word.Length > 0 && word[0] >= '\u0400' && word[0] <= '\u04FF' && Cyrillic.Contains(word.ToString().ToLowerInvariant());
    }

    private static int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    private static ulong[] BuildSlots()
    {
        var slots = new ulong[1 << SlotBits];
        if (Words.Count * 4 > slots.Length)
        {
            throw new InvalidOperationException("the stop-word table is too small for the list");
        }

        foreach (var word in Words)
        {
            var key = Pack(word);
            var slot = SlotOf(key);
            while (slots[slot] != 0 && slots[slot] != key)
            {
                slot = (slot + 1) & ((1 << SlotBits) - 1);
            }

            slots[slot] = key;
        }

        return slots;
    }

    /// <summary>The word's ASCII letters packed five bits each; 0 when it has anything but a-z/A-Z.</summary>
    private static ulong Pack(ReadOnlySpan<char> word)
    {
        ulong key = 0;
        foreach (var c in word)
        {
            var letter = (uint)((c | 0x20) - 'a');
            if (letter >= 26 || c > 'z')
            {
                return 0;
            }

            key = (key << 5) | (letter + 1);
        }

        return key;
    }
}
