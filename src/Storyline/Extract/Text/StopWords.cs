namespace Storyline.Extract.Text;

/// <summary>
/// English function words: how prose differs from menus and link lists. Written for this project from the
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
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
