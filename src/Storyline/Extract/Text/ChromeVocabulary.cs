using System.Buffers;
using System.Text;

namespace Storyline.Extract.Text;

/// <summary>
/// The words of site chrome: the labels of menus, share and follow buttons, "read more" links, credits,
/// copyright, cookie, newsletter and donation boxes. Written for this project from what news and blog pages
/// show (and what text-mode browsers print for them, such as "(BUTTON)"); no third-party list was copied.
/// Each match names the reason a user sees. Thread-safe (read-only).
/// </summary>
internal static class ChromeVocabulary
{
    public const string Navigation = "navigation";
    public const string ReadMore = "READ MORE link";
    public const string PhotoCredit = "photo credit";
    public const string Share = "share buttons";
    public const string Newsletter = "newsletter box";
    public const string Donation = "donation appeal";
    public const string Copyright = "copyright line";
    public const string Cookies = "cookie notice";
    public const string Advertisement = "advertisement";
    public const string Related = "related-articles list";
    public const string Comments = "comments section";
    public const string References = "reference list";
    public const string Markup = "stray markup word";
    public const string Shop = "shopping link";

    /// <summary>Whole lines (lower-cased, end punctuation trimmed) that are chrome wherever they stand.</summary>
    private static readonly Dictionary<string, string> Exact = Build(
        (Navigation,
        [
            "home", "menu", "main menu", "search", "skip to content", "skip to main content", "skip to navigation",
            "skip to footer", "log in", "login", "sign in", "log out", "register", "close", "open", "back to top",
            "next", "previous", "next post", "previous post", "next article", "previous article", "more", "load more",
            "show more", "see more", "see all", "view all", "view more", "listen live", "get short url", "go", "submit",
            "toggle navigation", "mobile navigation", "breadcrumb", "breadcrumbs", "site logo", "logo", "quick links",
            "contact", "contact us", "about", "about us", "privacy", "privacy policy", "terms", "terms of use",
            "terms of service", "terms and conditions", "terms & conditions", "sitemap", "site map", "accessibility",
            "careers", "jobs", "faq", "faqs", "help", "support", "advertise", "press", "english", "sections",
            "categories", "topics", "tags", "table of contents", "contents", "in this article", "jump to",
            "popular", "trending", "most read", "most popular", "latest", "latest news", "top stories", "explore",
            "get started", "learn more", "get a demo", "book a demo", "free trial", "start free trial", "try for free",
            "listen to this article", "print", "email", "copy link", "copy the link", "link copied", "x",
            "cookies choices", "cookie settings", "manage cookies", "do not sell my personal information",
            "your privacy choices", "community standards", "discussion", "community standardsdiscussion",
            "bookmark", "bookmarks", "save", "saved", "follow", "follow us", "connect with us", "stay connected",
            "post navigation", "back to blog", "back to news", "contents hide", "table of content", "show caption", "hide caption",
            "copied", "copied!", "toggle", "get in touch", "start now", "book now", "download now", "no items found",
            "written by", "sponsor message",
        ]),
        (Share,
        [
            "share", "share this", "share this article", "share this post", "share this story", "share on facebook",
            "share on twitter", "share on linkedin", "tweet", "facebook", "twitter", "linkedin", "pinterest",
            "instagram", "youtube", "whatsapp", "reddit", "tiktok", "telegram", "threads", "bluesky", "flipboard",
            "share via email", "open share options", "share options", "social share",
        ]),
        (ReadMore, ["read more", "read more »", "continue reading", "read the full story", "read full article", "full story", "read full review", "read the review", "read the full review", "read review", "more details"]),
        (Related,
        [
            "related", "related articles", "related stories", "related posts", "related content", "related news",
            "you may also like", "you might also like", "more stories", "more from", "more news", "recommended",
            "recommended for you", "recent posts", "recent articles", "latest posts", "popular posts", "watch next",
            "up next", "read next", "further reading", "also read", "see also", "more like this", "also in the news",
            "in other news", "more in this category", "more articles", "similar articles", "other articles", "keep reading",
            "related reading", "about the author", "about the authors", "more from this author", "more posts from this author",
            "more by this author", "other posts by", "more videos", "recent articles", "recent news", "latest articles", "like this",
            "share this:", "like loading...", "more from our blog", "from our blog", "explore more", "read more articles", "you might be interested in", "you may be interested in", "read these next", "more to explore",
            "you might like", "recommended reading", "what to read next", "read this next",
            "more on this story", "more on this topic", "related links", "related topics", "editor's picks", "editors' picks", "around the web",
        ]),
        (Comments,
        [
            "comments", "comment", "leave a reply", "leave a comment", "post comment", "reply", "cancel reply",
            "add comment", "facebook comments", "responses", "discussion", "discussion about this post", "comments are closed", "join the conversation", "join the discussion", "comment *", "name *", "email *", "website",
        ]),
        // Headings of a source list: what follows them is citations, not more of the article.
        (References, ["references", "sources", "article sources", "citations", "bibliography", "works cited", "footnotes", "sources and references", "references and further reading", "sources cited"]),
        (Shop, ["where to buy", "get a quote"]),
        (Advertisement, ["advertisement", "advertisement - continue reading below", "sponsored", "ad", "ads", "promoted", "paid content"]),
        (Newsletter, ["newsletter", "newsletters", "subscribe", "subscribe now", "sign up", "sign up now", "join now"]),
        (Donation, ["donate", "donate now", "support us", "once", "monthly", "annual", "continue", "remind me later", "not ready to support today?"]),
        (Markup, ["block", "div", "span", "null", "undefined", "none", "true", "false", "nan", "iframe", "embed", "widget", "loading", "image", "icon", "placeholder", "δ", "×"]));

    /// <summary>Line beginnings (lower-cased) that mark chrome.</summary>
    private static readonly (string Prefix, string Reason)[] Prefixes =
    [
        ("read more:", ReadMore), ("\u0447\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043A\u0436\u0435", ReadMore), ("read more \u00BB", ReadMore), ("read also:", ReadMore), ("also read:", ReadMore), ("see also:", ReadMore),
        ("related:", ReadMore), ("recently by ", Related), ("further reading", Related), ("more from ", Related), ("more posts from", Related),
        ("more articles by", Related), ("other articles by", Related), ("more stories from", Related), ("like this:", Share), ("more:", ReadMore), ("read:", ReadMore), ("watch:", ReadMore), ("listen:", ReadMore),
        ("tags:", "tag line"), ("tagged:", "tag line"), ("topics:", "tag line"), ("filed under", "tag line"), ("posted in", "tag line"), ("categories:", "tag line"),
        ("share this", Share), ("share on ", Share), ("follow us", Share), ("follow @", Share),
        ("sign up for", Newsletter), ("subscribe to", Newsletter), ("get our newsletter", Newsletter), ("subscribers agree", Newsletter),
        ("join our newsletter", Newsletter), ("enter your email", Newsletter), ("email address", Newsletter),
        ("copyright", Copyright), ("\u00A9 photo", PhotoCredit), ("\u00A9 image", PhotoCredit), ("\u00A9", Copyright), ("(c) ", Copyright), ("all rights reserved", Copyright),
        ("credit:", PhotoCredit), ("photo:", PhotoCredit), ("photo credit", PhotoCredit), ("photograph:", PhotoCredit), ("image:", PhotoCredit),
        ("image credit", PhotoCredit), ("picture:", PhotoCredit), ("\u0444\u043E\u0442\u043E:", PhotoCredit), ("source: getty", PhotoCredit), ("photo by ", PhotoCredit), ("picture of ", PhotoCredit),
        ("(button)", Navigation), ("iframe:", "embedded frame"), ("search for:", Navigation), ("you are here:", Navigation),
        ("support the ", Donation), ("a message from ", Donation), ("dear reader", Donation), ("please support", Donation), ("donate to", Donation),
        ("we use cookies", Cookies), ("this website uses cookies", Cookies), ("this site uses cookies", Cookies), ("by clicking", Cookies),
        ("by continuing to use", Cookies), ("by using this", Cookies), ("accept all cookies", Cookies), ("cookie policy", Cookies),
        ("advertisement", Advertisement), ("sponsored content", Advertisement),
        ("buy now", Shop), ("shop now", Shop), ("check price", Shop), ("see price", Shop), ("view deal", Shop), ("see deal", Shop), ("shop at", Shop),
        ("comments (", Comments), ("leave a comment", Comments), ("post a comment", Comments),
        ("this article was originally published", "republication note"), ("click here", ReadMore), ("we may earn", "affiliate notice"),
    ];

    /// <summary>Words inside a short line that mark it as chrome.</summary>
    private static readonly (string Part, string Reason)[] Parts =
    [
        (" credit: ", PhotoCredit), ("photo credit", PhotoCredit), ("getty images", PhotoCredit), ("shutterstock", PhotoCredit), ("/ reuters", PhotoCredit), ("via reuters", PhotoCredit), ("ap photo", PhotoCredit),
        ("/ afp", PhotoCredit), ("afp via", PhotoCredit), ("/ tass", PhotoCredit), ("/ dpa", PhotoCredit), ("\u00A9", PhotoCredit), ("istock", PhotoCredit),
        ("all rights reserved", Copyright), ("(button)", Navigation), ("newsletter", Newsletter), ("cookie", Cookies), ("privacy policy", Navigation),
        ("terms of use", Navigation), ("terms of service", Navigation), ("short url", Navigation), ("share this", Share), ("rss feed", Navigation),
        ("oembed", Navigation), ("comments feed", Navigation), ("____", "form field"), ("affiliate commission", "affiliate notice"),
        ("earn a commission", "affiliate notice"), ("earn commission", "affiliate notice"), ("click to share", Share), ("opens in new window", Share),
        ("this field is for validation", "form field"), ("this field is hidden", "form field"), ("your submission has been received", "form field"),
        ("something went wrong while submitting", "form field"), ("min read", "reading time"), ("minute read", "reading time"),
    ];

    /// <summary>Words that only site chrome puts in a long line (newsletter and donation boxes, notices).</summary>
    private static readonly (string Part, string Reason)[] LongParts =
    [
        ("sign up for our", Newsletter), ("subscribe to our", Newsletter), ("our newsletter", Newsletter), ("weekly newsletter", Newsletter),
        ("daily newsletter", Newsletter), ("in your inbox", Newsletter), ("in your mailbox", Newsletter), ("we use cookies", Cookies),
        ("this website uses cookies", Cookies), ("your support", Donation), ("support us", Donation), ("every contribution", Donation),
        ("make a contribution", Donation), ("donate", Donation), ("independent journalism", Donation), ("all rights reserved", Copyright),
        ("give online", Donation), ("donate online", Donation),
        ("we may earn", "affiliate notice"), ("earn a commission", "affiliate notice"), ("affiliate links", "affiliate notice"),
    ];

    private static Dictionary<string, string> Build(params (string Reason, string[] Lines)[] groups)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reason, lines) in groups)
        {
            foreach (var l in lines)
            {
                d.TryAdd(l, reason);
            }
        }

        return d;
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ExactLookup = Exact.GetAlternateLookup<ReadOnlySpan<char>>();

    // Substring sets searched in one pass each (SearchValues picks a vectorised multi-string search).
    // ASCII needles only: a non-ASCII one (the copyright sign) would push the whole set off the vectorised search.
    private static readonly SearchValues<string> LongPartFinder = SearchValues.Create(LongParts.Select(p => p.Part).ToArray(), StringComparison.OrdinalIgnoreCase);
    private static readonly Dictionary<char, (string Prefix, string Reason)[]> PrefixesByFirst =
        Prefixes.GroupBy(p => p.Prefix[0]).ToDictionary(g => g.Key, g => g.ToArray());

    private const int LongestExact = 48;

    // Lower-casing without the culture tables, which cost more than the lookups themselves on every line: ASCII
    // by arithmetic, other characters through this table of every character whose lower case is ASCII or a
    // character of a whole line or prefix above. Any other character lower-cases to one no entry has, so a line
    // holding it matches no whole line, and no prefix when it comes first.
    private static readonly Dictionary<char, char> NonAsciiLower = BuildNonAsciiLower();

    private static Dictionary<char, char> BuildNonAsciiLower()
    {
        var wanted = Exact.Keys.Concat(Prefixes.Select(p => p.Prefix)).SelectMany(k => k).Where(c => c >= 128).ToHashSet();
        var table = new Dictionary<char, char>();
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower < 128 || wanted.Contains(lower))
            {
                table[c] = lower;
            }
        }

        return table;
    }

    private static bool TryLower(char c, out char lower)
    {
        if (c < 128)
        {
            lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            return true;
        }

        return NonAsciiLower.TryGetValue(c, out lower);
    }

    /// <summary>Lower-cases the text into <paramref name="destination"/> (same length); false when no entry can match it.</summary>
    private static bool TryLower(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (Ascii.ToLower(text, destination, out _) == OperationStatus.Done)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!TryLower(text[i], out destination[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The chrome reason for a line by its words alone, or null.</summary>
    /// <param name="line">The trimmed line.</param>
    /// <param name="shape">Its measured shape.</param>
    public static string? Match(string line, in LineShape shape)
    {
        if (line.Length > 200)
        {
            // A caption with its credit printed after it ("... on the trail.   Credit: Jessica Haist").
            return shape.Words <= 60 && line.Contains("   Credit: ", StringComparison.Ordinal) ? PhotoCredit : null;
        }

        var core = line.AsSpan(shape.BodyStart).Trim().TrimEnd(".:!|>\u00BB\u203A\u2192\u2193 ");
        if (core.IsEmpty)
        {
            return null;
        }

        if (IsBarMenu(core))
        {
            return Navigation;
        }

        if (core.Length <= LongestExact)
        {
            Span<char> buffer = stackalloc char[core.Length];
            if (TryLower(core, buffer))
            {
                if (ExactLookup.TryGetValue(buffer, out var reason))
                {
                    return reason;
                }

                if (!shape.ListItem && IsRailHeading(buffer))
                {
                    return Related;
                }
            }
        }

        if (TryLower(core[0], out var first) && PrefixesByFirst.TryGetValue(first, out var prefixes))
        {
            foreach (var (prefix, r) in prefixes)
            {
                if (core.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    // "Copyright Complexity in a Fragmented World" is a heading; a copyright line gives a year or rights.
                    if (r == Copyright && !IsCopyrightNotice(core))
                    {
                        break;
                    }

                    return r;
                }
            }
        }

        if (shape.Words <= 25)
        {
            return ShortLineParts.Find(line);
        }

        return line.Contains("   Credit: ", StringComparison.Ordinal) ? PhotoCredit : null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RailQualifiers = new HashSet<string>(
        ["related", "recent", "popular", "similar", "more", "latest", "featured", "trending", "other"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RailItems = new HashSet<string>(
        ["articles", "posts", "stories", "reads", "resources", "blogs", "blog posts", "insights", "news", "content", "guides", "case studies", "videos", "reviews", "reading"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"Related resources", "Popular articles", "Latest insights": the heading of a rail of other pages.</summary>
    private static bool IsRailHeading(ReadOnlySpan<char> lower)
    {
        var space = lower.IndexOf(' ');
        return space > 0 && RailQualifiers.Contains(lower[..space]) && RailItems.Contains(lower[(space + 1)..]);
    }

    /// <summary>"Home | News | Port &amp; Business | Sport": menu labels separated by bars or bullets.</summary>
    private static bool IsBarMenu(ReadOnlySpan<char> line)
    {
        if (!line.ContainsAny('|', '\u2022', '\u00B7'))
        {
            return false;
        }

        var separators = line.Count(" | ") + line.Count(" \u2022 ") + line.Count(" \u00B7 ");
        if (separators < 2)
        {
            return false;
        }

        var words = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        // Short labels: about three words between separators at most.
        return words + 1 - separators <= (separators + 1) * 3 + separators && !line.Contains(". ", StringComparison.Ordinal);
    }

    private static bool IsCopyrightNotice(ReadOnlySpan<char> line) =>
        line.Contains('\u00A9') || line.IndexOfAnyInRange('0', '9') >= 0 || line.Contains("rights", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The reason a long prose-like line belongs to a box of site chrome (newsletter, donation, cookies), or null.
    /// Only the line's opening is read: a box says what it wants within its first sentences, while a long news
    /// paragraph may end on "thank you for your support" and still be the story.
    /// </summary>
    public static string? MatchBoxWords(string line) => Find(line.AsSpan(0, Math.Min(line.Length, BoxOpening)), LongPartFinder, LongParts);

    /// <summary>How many characters of a line <see cref="MatchBoxWords"/> reads: about fifty words.</summary>
    private const int BoxOpening = 300;

    private static string? Find(ReadOnlySpan<char> text, SearchValues<string> finder, (string Part, string Reason)[] parts)
    {
        var at = text.IndexOfAny(finder);
        if (at < 0)
        {
            return null;
        }

        var rest = text[at..];
        foreach (var (part, reason) in parts)
        {
            if (rest.StartsWith(part, StringComparison.OrdinalIgnoreCase))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// The search for <see cref="Parts"/> inside short lines: the reason of the first word found, in line order,
    /// the first listed of those starting at the same place (as a case-insensitive ordinal search finds them).
    /// Lines average a few dozen characters, where a vectorised multi-string search spends more on setting up than
    /// on searching; here each position costs a look-up of its two letters in a table of the words' first two.
    /// </summary>
    private static class ShortLineParts
    {
        // Bit a * 128 + b: some word starts with the ASCII characters a, b (lower-cased).
        private static readonly ulong[] PairBits = new ulong[128 * 128 / 64];
        private static readonly Dictionary<int, int[]> WordsByPair = [];
        private static readonly SearchValues<char> OtherStarts;

        static ShortLineParts()
        {
            var byPair = new Dictionary<int, List<int>>();
            var otherStarts = new HashSet<char>();
            for (var i = 0; i < Parts.Length; i++)
            {
                var part = Parts[i].Part;
                if (part.Length >= 2 && part[0] < 128 && part[1] < 128)
                {
                    var pair = Lower(part[0]) * 128 + Lower(part[1]);
                    PairBits[pair >> 6] |= 1UL << (pair & 63);
                    (byPair.TryGetValue(pair, out var list) ? list : byPair[pair] = []).Add(i);
                }
                else if (part[0] >= 128)
                {
                    otherStarts.Add(part[0]);
                    otherStarts.Add(char.ToUpperInvariant(part[0]));
                    otherStarts.Add(char.ToLowerInvariant(part[0]));
                }
                else
                {
                    throw new InvalidOperationException($"chrome word \"{part}\" must start with two ASCII characters or with one that is not ASCII");
                }
            }

            foreach (var (pair, list) in byPair)
            {
                WordsByPair[pair] = [.. list];
            }

            // Characters other than ASCII that compare equal to an ASCII letter ignoring case ("ı" and "I", "ſ" and
            // "S") are checked against every word, as are the first characters of words that do not start with
            // two ASCII characters.
            for (var c = '\u0080'; c < char.MaxValue; c++)
            {
                if (char.ToUpperInvariant(c) < 128 || char.ToLowerInvariant(c) < 128)
                {
                    otherStarts.Add(c);
                }
            }

            OtherStarts = SearchValues.Create([.. otherStarts]);
        }

        private static int Lower(char c) => char.IsAsciiLetterUpper(c) ? c | 0x20 : c;

        public static string? Find(ReadOnlySpan<char> text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (c < 128 && next < 128)
                {
                    var pair = Lower(c) * 128 + Lower(next);
                    if ((PairBits[pair >> 6] & (1UL << (pair & 63))) != 0)
                    {
                        foreach (var w in WordsByPair[pair])
                        {
                            if (text[i..].StartsWith(Parts[w].Part, StringComparison.OrdinalIgnoreCase))
                            {
                                return Parts[w].Reason;
                            }
                        }
                    }

                    continue;
                }

                if (OtherStarts.Contains(c) || OtherStarts.Contains(next))
                {
                    foreach (var (part, reason) in Parts)
                    {
                        if (text[i..].StartsWith(part, StringComparison.OrdinalIgnoreCase))
                        {
                            return reason;
                        }
                    }
                }
            }

            return null;
        }
    }
}
