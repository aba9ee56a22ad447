using Storyline.Model;

namespace Storyline.Stories;

/// <summary>
/// The names (people, places, organisations) an article mentions, for the shared-names signal of story
/// clustering. The entities stage plugs in here; until then <see cref="ProperNounNames"/> reads capitalised
/// words. Implementations must be thread-safe and deterministic.
/// </summary>
public interface IArticleNames
{
    /// <summary>The article's names, each once, in any casing (they are compared lower-cased, without diacritics).</summary>
    IReadOnlyCollection<string> Names(Article article);
}

/// <summary>Names as the text shows them: capitalised words that do not open a sentence and are not common words.</summary>
public sealed class ProperNounNames : IArticleNames
{
    public static ProperNounNames Instance { get; } = new();

    public IReadOnlyCollection<string> Names(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in article.Paragraphs)
        {
            var words = new WordScanner(article.Text.AsSpan(p.Start, p.Length));
            while (words.MoveNext())
            {
                if (words.Capitalised && !words.SentenceStart && !words.ShoutedLine)
                {
                    var key = ContentTerms.Normalise(WordScanner.Text(words.Current));
                    if (key.Length > 1 && !ContentTerms.IsStopWord(key))
                    {
                        names.Add(key);
                    }
                }
            }
        }

        return names;
    }
}
