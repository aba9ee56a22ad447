using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Browser;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>
/// Reads an HTML page as an article: AngleSharp parses it; <see cref="HtmlBlocks"/> splits it into text blocks in
/// reading order; <see cref="ContentScorer"/> picks the main content and marks every other block as boilerplate
/// with its reason; <see cref="HtmlMetadata"/> reads title, authors, date (with its source), outlet, canonical URL
/// and language. Bad pages (no body, frameset, binary bytes, oversized, absurdly nested) give an empty article
/// whose notes say why. Immutable and thread-safe.
/// </summary>
public sealed partial class HtmlPageExtractor : IPageExtractor
{
    /// <summary>Pages longer than this (in characters) are not articles a reader sees; they are refused with a note.</summary>
    internal const int MaxPageChars = 16 * 1024 * 1024;

    /// <summary>Below this much article-like text the weak boilerplate cues are doubted and the page is scored again without them.</summary>
    private const int RelaxBelowChars = 200;

    /// <summary>Deeper markup is flattened by the parser, so no walk can go deeper than this.</summary>
    private const int MaxDepth = 512;

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        DisableElementPositionTracking = true,
        MaximumDepth = MaxDepth,
    };

    /// <summary>
    /// AngleSharp's defaults act on attributes as a browser would (resolving every link's URL, preparing style
    /// sheets, switching encodings on a meta charset): work for a page that is only read, and the parser's main
    /// cost after building the tree. Reading needs none of it.
    /// </summary>
    private static readonly IConfiguration ParserConfiguration = WithoutBrowserServices(Configuration.Default);

    /// <summary>Told each page's title candidates (training the title ranker reads them); null in use.</summary>
    private readonly Action<IReadOnlyList<TitleCandidate>>? _observeTitleCandidates;

    public HtmlPageExtractor()
    {
    }

    /// <summary>An extractor that tells <paramref name="observeTitleCandidates"/> each page's title candidates.</summary>
    internal HtmlPageExtractor(Action<IReadOnlyList<TitleCandidate>> observeTitleCandidates)
    {
        _observeTitleCandidates = observeTitleCandidates;
    }

    /// <summary>
    /// HTML pages are judged by their structure, not by lines repeated across a site, so the first pass learns
    /// nothing: parsing every page twice would halve the speed for no gain the scores show.
    /// </summary>
    public void Observe(DecodedPage page, LineStatistics statistics)
    {
    }

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var content = page.Content;
        if (content.Length > MaxPageChars)
        {
            return Empty(page, $"page is {content.Length / (1024 * 1024)} MB of text, over the {MaxPageChars / (1024 * 1024)} MB limit for one article");
        }

        if (LooksBinary(content))
        {
            return Empty(page, "page is binary data, not HTML text");
        }

        var markup = HtmlPrefilter.StripRented(content, out var length);
        try
        {
            using var doc = markup is null ? NewParser().ParseDocument(content) : NewParser().ParseDocument(markup, length);
            return Read(page, doc, _observeTitleCandidates, cancellationToken);
        }
        finally
        {
            // Nothing read from the document outlives it: the article holds strings of its own.
            if (markup is not null)
            {
                ArrayPool<char>.Shared.Return(markup);
            }
        }
    }

    private static Article Read(DecodedPage page, IHtmlDocument doc, Action<IReadOnlyList<TitleCandidate>>? observeTitleCandidates, CancellationToken cancellationToken)
    {
        var content = page.Content;
        cancellationToken.ThrowIfCancellationRequested();
        // The DOM calls a frameset the body; its text lives in the framed documents, not here.
        if (doc.Body is null || doc.Body.LocalName == "frameset")
        {
            return Empty(page, doc.Body is null ? "page has no body" : "page is a frameset: its text lives in other documents");
        }

        var root = doc.Body;
        var textBlocks = HtmlBlocks.Split(root, cancellationToken);
        var choice = ContentScorer.Choose(textBlocks, root, pageUrl: page.Raw.Url);
        if (choice.ContentChars < RelaxBelowChars)
        {
            var relaxed = ContentScorer.Choose(textBlocks, root, relaxed: true, pageUrl: page.Raw.Url);
            if (relaxed.ContentChars > choice.ContentChars)
            {
                choice = relaxed;
            }
        }

        choice = choice with { Blocks = WithoutRepeats(choice.Blocks) };
        var metadata = WithContainerHints(HtmlMetadata.Read(doc, page.Raw.Url, choice, textBlocks, page.Raw.FetchedAt, content, observeTitleCandidates), page.Raw.Hints);
        var notes = metadata.Notes;
        if (choice.BodyBlocks == 0)
        {
            notes = notes.Add(textBlocks.Count == 0 ? "page has no visible text" : "no main content found: every block looks like page chrome");
        }

        if (LdArticleBody(doc, content, choice.Blocks) is { } fromLd)
        {
            choice = choice with { Blocks = fromLd.Blocks, BodyBlocks = choice.BodyBlocks + fromLd.Added };
            notes = notes.Add(fromLd.Note);
        }

        if (metadata.Title is { } title)
        {
            // The headline leads the block list when the scorer did not see it as a block of its own.
            var blocks = choice.Blocks;
            if (!blocks.Any(b => b.Role == BlockRole.Title))
            {
                blocks = [new Block(title.Value, BlockRole.Title), .. blocks];
            }

            choice = choice with { Blocks = blocks };
        }

        return ArticleBuilder.Build(page, content, choice.Blocks, metadata with { Notes = notes });
    }

    /// <summary>The JSON-LD articleBody must be this many times the text the page shows, and this long, to be read.</summary>
    private const int LdBodyRatio = 2;

    private const int LdBodyMinChars = 500;

    /// <summary>
    /// Paywalled and script-rendered pages show a teaser, or little else, while the article's full text sits in their
    /// JSON-LD as articleBody (or, for a guide or a recipe, as its HowTo steps). When that is more than twice as long as the text found on the page, its paragraphs
    /// that the page does not already show are added after the page's own. Only pages whose markup names an
    /// articleBody have their JSON-LD read here; a body in markup (HTML inside the JSON) is not rendered.
    /// </summary>
    private static (IReadOnlyList<Block> Blocks, int Added, string Note)? LdArticleBody(IHtmlDocument doc, string content, IReadOnlyList<Block> blocks)
    {
        var steps = content.Contains("HowToStep", StringComparison.Ordinal);
        if (!steps && !content.Contains("\"articleBody\"", StringComparison.Ordinal))
        {
            return null;
        }

        var shown = 0;
        foreach (var b in blocks)
        {
            shown += b.Role is BlockRole.Body or BlockRole.Heading or BlockRole.Standfirst ? b.Text.Length : 0;
        }

        string? body = null;
        var source = "articleBody";
        foreach (var script in doc.Scripts)
        {
            // A script shorter than the body it would have to hold is not parsed.
            if (script.Type is not { } type || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)
                || script.Text is not { } text || text.Length <= LdBodyRatio * shown
                || !(text.Contains("articleBody", StringComparison.Ordinal) || (steps && text.Contains("HowToStep", StringComparison.Ordinal))))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text, HtmlMetadata.JsonOptions);
                var articleBody = LongestArticleBody(json.RootElement);
                var stepsText = steps ? StepsText(json.RootElement) : null;
                if (Longer(articleBody, stepsText) is { } found && found.Length > (body?.Length ?? 0))
                {
                    body = found;
                    source = ReferenceEquals(found, stepsText) ? "HowTo steps" : "articleBody";
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common: the page's own text stands.
            }
        }

        if (body is null || body.Length < LdBodyMinChars || body.Length <= LdBodyRatio * shown || LooksLikeMarkup(body))
        {
            return null;
        }

        var shownText = string.Join(' ', blocks.Where(b => !b.IsRemoved).Select(b => b.Text));
        var result = blocks.ToList();
        var added = 0;
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var paragraph = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (paragraph.Length > 0 && !shownText.Contains(paragraph, StringComparison.Ordinal))
            {
                result.Add(new Block(paragraph, BlockRole.Body));
                added++;
            }
        }

        return added == 0 ? null : (result, added, $"body text from the page's JSON-LD {source} ({body.Length} chars; the page shows {shown})");
    }

    /// <summary>The longest articleBody string anywhere in the JSON-LD.</summary>
    private static string? LongestArticleBody(JsonElement root) => LongestText(root, 0, static (property, _) =>
        property.NameEquals("articleBody") && property.Value.ValueKind == JsonValueKind.String ? (true, property.Value.GetString()) : (false, null));

    /// <summary>
    /// The steps of a HowTo or Recipe in the JSON-LD (HowToStep texts, in HowToSections too), one a line: a guide or a
    /// recipe that script renders shows its method there and nowhere in the markup.
    /// </summary>
    private static string? StepsText(JsonElement root) => LongestText(root, 0, static (property, depth) =>
    {
        if (!property.NameEquals("step") && !property.NameEquals("recipeInstructions"))
        {
            return (false, null);
        }

        var lines = new List<string>();
        CollectSteps(property.Value, lines, depth + 1);
        return (true, lines.Count == 0 ? null : string.Join('\n', lines));
    });

    /// <summary>
    /// The longest text that <paramref name="read"/> finds at a property of the JSON, at most 8 levels down; a property
    /// it does not know (Found false) is searched in turn.
    /// </summary>
    private static string? LongestText(JsonElement el, int depth, Func<JsonProperty, int, (bool Found, string? Text)> read)
    {
        if (depth > 8)
        {
            return null;
        }

        string? best = null;
        if (el.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in el.EnumerateArray())
            {
                best = Longer(best, LongestText(item, depth + 1, read));
            }
        }
        else if (el.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in el.EnumerateObject())
            {
                var (found, text) = read(property, depth);
                best = Longer(best, found ? text : LongestText(property.Value, depth + 1, read));
            }
        }

        return best;
    }

    private static void CollectSteps(JsonElement el, List<string> lines, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        switch (el.ValueKind)
        {
            case JsonValueKind.String when el.GetString() is { Length: > 0 } line:
                lines.AddRange(LooksLikeMarkup(line) ? FragmentLines(line) : [line]);
                break;
            case JsonValueKind.Array:
                foreach (var item in el.EnumerateArray())
                {
                    CollectSteps(item, lines, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                if (el.TryGetProperty("itemListElement", out var items))
                {
                    CollectSteps(items, lines, depth + 1);
                }
                else if (el.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    CollectSteps(text, lines, depth + 1);
                }

                break;
        }
    }

    /// <summary>
    /// The lines of a step written as a fragment of markup ("&lt;p&gt;Cut the cloth.&amp;nbsp;&lt;/p&gt;"), as a reader sees them:
    /// paragraphs and line breaks end lines, other tags are dropped and character references read.
    /// </summary>
    private static IEnumerable<string> FragmentLines(string fragment)
    {
        var text = FragmentTag().Replace(BlockEnd().Replace(fragment, "\n"), "");
        foreach (var line in System.Net.WebUtility.HtmlDecode(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (words.Length > 0)
            {
                yield return words;
            }
        }
    }

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]{0,500}>")]
    private static partial Regex FragmentTag();

    private static string? Longer(string? a, string? b) => (b?.Length ?? 0) > (a?.Length ?? 0) ? b : a;

    /// <summary>
    /// True when the text holds HTML tags ("&lt;p&gt;", "&lt;/div&gt;") or character references ("&amp;nbsp;",
    /// "&amp;#8217;"): the page's markup, with its widgets' lines, escaped into the JSON rather than the article's text.
    /// </summary>
    internal static bool LooksLikeMarkup(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/')
            {
                return true;
            }
        }

        for (var i = text.IndexOf('&', StringComparison.Ordinal); i >= 0; i = text.IndexOf('&', i + 1))
        {
            if (IsCharacterReference(text.AsSpan(i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text opens with the rest of a character reference: "nbsp;", "rsquo;", "#8217;".</summary>
    private static bool IsCharacterReference(ReadOnlySpan<char> rest)
    {
        var numeric = rest.Length > 0 && rest[0] == '#';
        var start = numeric ? 1 : 0;
        var end = start;
        while (end < rest.Length && end - start <= 8 && (numeric ? char.IsAsciiDigit(rest[end]) : char.IsAsciiLetter(rest[end])))
        {
            end++;
        }

        return end - start >= 2 && end - start <= 8 && end < rest.Length && rest[end] == ';';
    }

    /// <summary>Shortest kept text that counts as repeated when it recurs word for word.</summary>
    private const int RepeatMinChars = 40;

    /// <summary>
    /// A kept block whose text an earlier kept block already gave, word for word, is removed: sliders, tabs and
    /// responsive layouts print the same testimonials, offers and summaries twice, and an article does not.
    /// </summary>
    internal static IReadOnlyList<Block> WithoutRepeats(IReadOnlyList<Block> blocks)
    {
        HashSet<string>? seen = null;
        List<Block>? result = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (!b.IsRemoved && b.Text.Length >= RepeatMinChars && !(seen ??= new(StringComparer.Ordinal)).Add(b.Text))
            {
                result ??= [.. blocks.Take(i)];
                result.Add(b with { Role = BlockRole.Boilerplate, Reason = "repeated text" });
                continue;
            }

            result?.Add(b);
        }

        return result ?? blocks;
    }

    // Configuration.Default builds new service instances on every read: the ones removed must come from this one.
    private static IConfiguration WithoutBrowserServices(IConfiguration configuration) =>
        configuration.Without(configuration.Services.Where(s => s is IAttributeObserver or ILinkRelationFactory or IMetaHandler).ToArray());

    /// <summary>The page's document, parsed from its markup less what no reader sees (see <see cref="HtmlPrefilter"/>).</summary>
    internal static IHtmlDocument Parse(string content) => NewParser().ParseDocument(HtmlPrefilter.Strip(content));

    private static HtmlParser NewParser() => new(ParserOptions, BrowsingContext.New(ParserConfiguration));

    private static Article Empty(DecodedPage page, string reason) =>
        ArticleBuilder.Build(page, page.Content, [], new ArticleMetadata { Url = page.Raw.Url, Notes = [reason] });

    /// <summary>True when the start of the text holds control characters no HTML page has (images, archives, PDFs served as text/html).</summary>
    internal static bool LooksBinary(string content)
    {
        var n = Math.Min(content.Length, 4096);
        var bad = 0;
        for (var i = 0; i < n; i++)
        {
            var c = content[i];
            if ((c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f') || c == '\uFFFD')
            {
                bad++;
            }
        }

        return n > 0 && bad > n / 20;
    }

    /// <summary>
    /// What the container said (a feed item, a JSON record): its source names the outlet, as it does for text
    /// pages; its title, author and date fill in what the page itself does not give.
    /// </summary>
    private static ArticleMetadata WithContainerHints(ArticleMetadata metadata, PageHints hints)
    {
        var from = hints.Container ?? "container";
        var outlet = hints.Source is { Length: > 0 } source ? new MetaValue(source.Trim(), from) : metadata.Outlet;
        var title = metadata.Title ?? (hints.Title is { Length: > 0 } t ? new MetaValue(t.Trim(), from) : null);
        var byline = metadata.Byline ?? (hints.Author is { Length: > 0 } a ? new MetaValue(a.Trim(), from) : null);
        var date = metadata.Date;
        var candidates = metadata.DateCandidates;
        if (date is null && hints.Date is { Length: > 0 } d
            && DateTimeOffset.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
        {
            date = new PageDate(value, d.Contains(':', StringComparison.Ordinal), d, from);
            candidates = candidates.Add(date);
        }

        return metadata with { Outlet = outlet, Title = title, Byline = byline, Date = date, DateCandidates = candidates };
    }
}
