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
            foreach (var token in ContentTerms.Tokens(article.Text.AsSpan(p.Start, p.Length)))
            {
                if (token.Capitalised && !token.SentenceStart && !token.ShoutedLine)
                {
                    var key = ContentTerms.Normalise(token.Text);
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
