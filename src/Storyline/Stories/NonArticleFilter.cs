using Storyline.Model;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Recognises pages that are not articles — crawl-archive notices, social-widget pages, error and paywall stubs,
/// cookie walls, sign-up boxes and fragments — so they are kept out of stories, each with its reason. It reads
/// only short pages: a real article that mentions cookies or the Internet Archive is long enough to be left
/// alone. Stateless and thread-safe.
/// </summary>
public sealed class NonArticleFilter
{
    private static readonly (string Reason, string[] Phrases)[] Kinds =
    [
        ("archive notice", ["internet archive", "wayback machine", "crawl data", "these crawls", "the seed for", "this crawl", "crawls performed", "archive-it", "web collections", "outlinks from", "inter-domain", "incoming links", "linked-to domain", "ranked urls", "not publicly accessible"]),
        ("social widget page", ["tweet with a location", "location to your tweets", "your tweet location", "add location information", "like us on facebook", "join us on facebook", "follow us on twitter", "embed this tweet"]),
        ("error page", ["page not found", "could not be found", "404 error", "error 404", "javascript is disabled", "enable javascript", "feature is not available right now", "video has been rented", "could not be loaded", "custom domain mapping", "something went wrong", "access denied", "no longer available", "has been removed", "try again later"]),
        ("paywall stub", ["subscribe to continue", "to continue reading", "subscribers only", "already a subscriber", "log in to continue", "create a free account", "subscription required"]),
        ("cookie wall", ["we use cookies", "accept cookies", "use of cookies", "cookie policy", "cookie settings"]),
        ("sign-up box", ["sign up for", "mailing list", "newsletter", "sign the petition", "join our", "contact details in the form", "confirm your signature", "supporting the campaign"]),
    ];

    public NonArticleFilter(int minWords = 30, int shortPageWords = 150)
    {
        MinWords = minWords;
        ShortPageWords = shortPageWords;
    }

    public static NonArticleFilter Default { get; } = new();

    /// <summary>Pages with fewer words of text are fragments.</summary>
    public int MinWords { get; }

    /// <summary>Only pages with fewer words are judged by their wording.</summary>
    public int ShortPageWords { get; }

    /// <summary>Why the page is not an article ("archive notice", "fragment (12 words)"), or null for an article.</summary>
    public string? Reason(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var kept = TextNormalizer.CountWords(article.Text);
        var page = article.Blocks.IsEmpty ? kept : article.Blocks.Sum(b => TextNormalizer.CountWords(b.Text));
        if (page < ShortPageWords)
        {
            // When the cleaner kept (nearly) nothing, what it removed still says what the page was.
            var fromBlocks = kept < MinWords;
            var texts = fromBlocks ? article.Blocks.Select(b => b.Text) : article.Paragraphs.Select(p => article.ParagraphText(p));
            var total = fromBlocks ? page : kept;
            var byKind = new int[Kinds.Length];
            foreach (var raw in texts)
            {
                var text = TextNormalizer.Normalize(raw, lowerCase: true);
                for (var k = 0; k < Kinds.Length; k++)
                {
                    if (Kinds[k].Phrases.Any(phrase => text.Contains(phrase, StringComparison.Ordinal)))
                    {
                        byKind[k] += TextNormalizer.CountWords(text);
                        break;
                    }
                }
            }

            var best = 0;
            for (var k = 1; k < Kinds.Length; k++)
            {
                if (byKind[k] > byKind[best])
                {
                    best = k;
                }
            }

            // A page mostly made of such wording is not an article, named for the kind most of it is: a crawl
            // notice often comes with an error page's lines ("could not be found"), and each kind alone is a
            // minority of it. An article quoting one line of it is not. A fragment with any of it is named for
            // it, which says more than "fragment".
            var notice = byKind.Sum();
            if (total > 0 && (notice * 10 >= total * 4 || (byKind[best] > 0 && page < MinWords)))
            {
                return Kinds[best].Reason;
            }
        }

        // A short page is a fragment; a long page the cleaner cut down to a few words is still an article (the
        // cleaner may have been too eager, and losing an article is worse than keeping a stub).
        if (page < MinWords)
        {
            return page == 0 ? "empty page" : $"fragment ({page} words)";
        }

        return kept == 0 ? "no article text (every block of the page is chrome)" : null;
    }
}
