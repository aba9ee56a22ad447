using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>
/// A page's metadata with the source of each value: JSON-LD first (what the publisher states for machines),
/// then meta tags (OpenGraph, Dublin Core, parse.ly, sailthru), then microdata and visible markup (h1, bylines,
/// &lt;time&gt;, datelines), then the URL. Stateless and thread-safe.
/// </summary>
internal static partial class HtmlMetadata
{
    /// <summary>How the page's JSON-LD is read, here and for its articleBody: leniently, as pages write it.</summary>
    internal static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "sailthru.date", "parsely-pub-date",
        "dc.date.issued", "dcterms.issued",
        "citation_publication_date", "citation_date", "article.published", "originalpublicationdate", "og:pubdate",
        "cxenseparse:recs:publishtime", "release_date", "creation_date", "date_published", "article_date_original", "displaydate",
        "article.created", "dc.date.publication", "dc:created", "doc_date", "pdate", "ptime", "rbpubdate", "rnews:datepublished",
        "twt-published-at", "video:release_date", "prism.publicationdate",
    ];

    /// <summary>
    /// Generic date names: content systems fill them with when the page was generated or last saved as often as
    /// with when it was published, so a stamp shown on the page comes before them.
    /// </summary>
    private static readonly string[] WeakDateKeys = ["dc.date", "dc:date", "dcterms.date", "dcterms.created", "dc.date.created", "date"];

    private static readonly string[] ModifiedKeys = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified", "dcterms.modified"];

    private static readonly string[] AuthorKeys = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator:name", "cxenseparse:author"];

    private static readonly string[] ArticleTypes =
    [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "report", "scholarlyarticle", "techarticle", "liveblogposting",
        "socialmediaposting", "posting", "review", "recipe", "howto", "medicalwebpage", "creativework", "videoobject",
    ];

    public static ArticleMetadata Read(IHtmlDocument doc, string? pageUrl, ContentChoice choice, IReadOnlyList<TextBlock> blocks, DateTimeOffset? fetchedAt = null, string? markup = null, Action<IReadOnlyList<TitleCandidate>>? observeTitleCandidates = null)
    {
        var found = PageElements.Collect(doc);
        var meta = MetaTags(found.Metas);
        var ld = JsonLd(found.Scripts);
        var notes = ImmutableArray.CreateBuilder<string>();

        var canonical = found.Links.FirstOrDefault(l => CanonicalLink.Match(l))?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url");
        if (canonical is not null && !Uri.TryCreate(canonical, UriKind.Absolute, out _))
        {
            canonical = pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, canonical, out var abs) ? abs.ToString() : null;
        }

        var url = canonical ?? pageUrl;
        var outlet = Meta(meta, "og:site_name") is { } site ? new MetaValue(site, "meta:og:site_name")
            : ld.Publisher is { } pub ? new MetaValue(pub, "json-ld:publisher")
            : Meta(meta, "application-name") is { } app ? new MetaValue(app, "meta:application-name")
            : null;

        var title = Title(doc, found.H1s, found.Subheadings, meta, ld, choice, outlet?.Value, SiteLabel(url), observeTitleCandidates);
        // XHTML pages may state their language only as xml:lang.
        var language = (doc.DocumentElement.GetAttribute("lang") is { Length: > 0 } htmlLang ? htmlLang : doc.DocumentElement.GetAttribute("xml:lang")) is { Length: > 0 } lang ? new MetaValue(lang.Trim(), "html:lang")
            : Meta(meta, "content-language") is { } cl ? new MetaValue(cl, "meta:content-language")
            : ld.Language is { } il ? new MetaValue(il, "json-ld:inLanguage")
            : Meta(meta, "og:locale") is { } loc ? new MetaValue(loc, "meta:og:locale")
            : null;
        var standfirst = Meta(meta, "og:description") is { } od ? new MetaValue(od, "meta:og:description")
            : Meta(meta, "description") is { } md ? new MetaValue(md, "meta:description")
            : ld.Description is { } jd ? new MetaValue(jd, "json-ld:description")
            : null;

        var byline = Authors(found.MaybeBylines, meta, ld) ?? VisibleByline(choice, blocks);
        var dates = Dates(found, meta, ld, pageUrl ?? url, choice, blocks, MonthFirst(language?.Value), fetchedAt, markup, out var datelineNearHeadline);
        var date = InLocalTime(ChooseDate(dates, datelineNearHeadline), language?.Value, url, dates);
        if (date is not null && date.Source.StartsWith("meta:modified", StringComparison.Ordinal))
        {
            notes.Add("no publication date on the page; the date is when it was last modified");
        }
        else if (date?.Source == "text:month")
        {
            notes.Add("the page dates itself only to the month; the date is the first day of it");
        }

        return new ArticleMetadata
        {
            Url = url,
            Title = title,
            Standfirst = standfirst,
            Byline = byline,
            Outlet = outlet,
            Language = language,
            Date = date,
            DateCandidates = dates,
            Notes = notes.ToImmutable(),
        };
    }

    private static string? Meta(Dictionary<string, string> meta, string key) => meta.GetValueOrDefault(key);

    /// <summary>
    /// The elements the rules below read, found in one walk of the document, in document order: a selector query
    /// per rule walked the whole document each time. Rules whose selectors test attribute values still test them
    /// with AngleSharp's matcher, on these few elements.
    /// </summary>
    private sealed class PageElements
    {
        public List<IElement> Metas { get; } = [];

        public List<IElement> Scripts { get; } = [];

        public List<IElement> Links { get; } = [];

        public List<IElement> H1s { get; } = [];

        /// <summary>The first h2–h6 of the page (at most <see cref="MaxSubheadings"/>).</summary>
        public List<IElement> Subheadings { get; } = [];

        public const int MaxSubheadings = 40;

        public List<IElement> Times { get; } = [];

        /// <summary>Elements other than meta tags whose attributes hold a date stamp (RDFa, microformats).</summary>
        public List<IElement> Stamps { get; } = [];

        /// <summary>Elements with an itemprop.</summary>
        public List<IElement> ItemProps { get; } = [];

        /// <summary>Every element a byline selector could match: links, itemprops, and classes naming an author, a byline or a name.</summary>
        public List<IElement> MaybeBylines { get; } = [];

        public static PageElements Collect(IHtmlDocument doc)
        {
            var found = new PageElements();
            // Each element goes with whether an ancestor's class names an author or a byline, what the selectors
            // for a byline's link ("[class*=byline] a") need.
            var stack = new Stack<(INode Node, bool InBylineArea)>();
            for (var i = doc.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((doc.ChildNodes[i], false));
            }

            while (stack.Count > 0)
            {
                var (node, inBylineArea) = stack.Pop();
                if (node is not IElement el)
                {
                    continue;
                }

                var attributes = new ElementAttributes(el);
                var namesPerson = attributes.Class is { } cls && cls.AsSpan().ContainsAny(PersonClassWords);
                found.Add(el, attributes, namesPerson, inBylineArea);
                var childrenInBylineArea = inBylineArea || (namesPerson && attributes.Class.AsSpan().ContainsAny(AuthorOrBylineWords));
                var children = el.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement)
                    {
                        stack.Push((children[i], childrenInBylineArea));
                    }
                }
            }

            return found;
        }

        /// <summary>Class words of a byline's parts, in any case: one search for all of them.</summary>
        private static readonly SearchValues<string> PersonClassWords = SearchValues.Create(["author", "byline", "name"], StringComparison.OrdinalIgnoreCase);

        private static readonly SearchValues<string> AuthorOrBylineWords = SearchValues.Create(["author", "byline"], StringComparison.OrdinalIgnoreCase);

        /// <param name="namesPerson">Whether the element's class names an author, a byline or a name.</param>
        private void Add(IElement el, in ElementAttributes attributes, bool namesPerson, bool inBylineArea)
        {
            var cls = attributes.Class;
            switch (el.LocalName)
            {
                case "meta":
                    Metas.Add(el);
                    break;
                case "script":
                    Scripts.Add(el);
                    break;
                case "link":
                    Links.Add(el);
                    break;
                case "h1":
                    H1s.Add(el);
                    break;
                case "h2" or "h3" or "h4" or "h5" or "h6" when Subheadings.Count < MaxSubheadings:
                    Subheadings.Add(el);
                    break;
                case "time":
                    Times.Add(el);
                    break;
            }

            // RDFa stamps (<span property="schema:dateCreated" content="…">) and microformat ones
            // (<abbr class="published" title="2013-04-04T18:52:11">) carry the date in an attribute.
            if ((attributes.Property is { } property && property.Contains("date", StringComparison.OrdinalIgnoreCase) && attributes.HasContent && el.LocalName != "meta")
                || (attributes.HasTitle && cls is { } stampClass && stampClass.Split(' ').Any(c => c is "published" or "updated" or "dt-published")))
            {
                Stamps.Add(el);
            }

            var itemprop = attributes.HasItemprop;
            if (itemprop)
            {
                ItemProps.Add(el);
            }

            // A link outside a byline area can match only the selectors on its rel or its address: the many other
            // links of a page are not matched against them all.
            if (itemprop || (el.LocalName == "a" && (inBylineArea || attributes.HasRel || (attributes.Href is { } href && href.Contains("/author", StringComparison.OrdinalIgnoreCase))))
                || namesPerson)
            {
                MaybeBylines.Add(el);
            }
        }
    }

    /// <summary>
    /// The attributes <see cref="PageElements"/> reads, found in one pass over the element's attribute list (each
    /// GetAttribute scans that list again, for every element of the page): an attribute's value or whether it is there.
    /// </summary>
    private readonly struct ElementAttributes
    {
        public ElementAttributes(IElement el)
        {
            var list = el.Attributes;
            for (var i = 0; i < list.Length; i++)
            {
                var attr = list[i]!;
                // The first of a name counts, as GetAttribute finds it.
                switch (attr.Name)
                {
                    case "class":
                        Class ??= attr.Value;
                        break;
                    case "property":
                        Property ??= attr.Value;
                        break;
                    case "href":
                        Href ??= attr.Value;
                        break;
                    case "content":
                        HasContent = true;
                        break;
                    case "title":
                        HasTitle = true;
                        break;
                    case "itemprop":
                        HasItemprop = true;
                        break;
                    case "rel":
                        HasRel = true;
                        break;
                }
            }
        }

        public string? Class { get; }

        public string? Property { get; }

        public string? Href { get; }

        public bool HasContent { get; }

        public bool HasTitle { get; }

        public bool HasItemprop { get; }

        public bool HasRel { get; }
    }

    private static Dictionary<string, string> MetaTags(List<IElement> metas)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in metas)
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            var name = key.Trim().ToLowerInvariant();
            map.TryAdd(name, Clean(content, keepSoftHyphens: name.EndsWith("title", StringComparison.Ordinal)));
        }

        return map;
    }

    /// <summary>What the page's JSON-LD says about its article (the first article-like node; a WebPage node as fallback).</summary>
    private sealed record LdInfo(string? Headline, string? Published, string? Created, string? Modified, IReadOnlyList<string> Authors, IReadOnlyList<string> OrgAuthors, string? Publisher, string? Description, string? Language);

    private static LdInfo JsonLd(List<IElement> scripts)
    {
        var nodes = new List<(JsonElement Node, int Rank)>();
        var docs = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts.Where(LdScript.Match))
            {
                try
                {
                    var jd = JsonDocument.Parse(script.TextContent, JsonOptions);
                    docs.Add(jd);
                    Collect(jd.RootElement, nodes, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the page's other signals still count.
                }
            }

            if (nodes.Count == 0)
            {
                return new LdInfo(null, null, null, null, [], [], null, null, null);
            }

            var best = nodes.OrderBy(n => n.Rank).First().Node;
            var published = Str(best, "datePublished") ?? nodes.Select(n => Str(n.Node, "datePublished")).FirstOrDefault(s => s is not null);
            var (authors, orgs) = AuthorNames(best);
            if (authors.Count == 0 && orgs.Count == 0)
            {
                (authors, orgs) = nodes.Where(n => n.Rank < 2).Select(n => AuthorNames(n.Node)).FirstOrDefault(a => a.Persons.Count + a.Organizations.Count > 0);
                authors ??= [];
                orgs ??= [];
            }

            string? publisher = null;
            if (best.TryGetProperty("publisher", out var p))
            {
                publisher = p.ValueKind == JsonValueKind.String ? p.GetString() : p.ValueKind == JsonValueKind.Object ? Str(p, "name") : null;
            }

            var lang = best.TryGetProperty("inLanguage", out var il) && il.ValueKind == JsonValueKind.String ? il.GetString() : null;
            return new LdInfo(
                Str(best, "headline") ?? Str(best, "name"),
                published,
                Str(best, "dateCreated") ?? Str(best, "uploadDate"),
                Str(best, "dateModified"),
                authors,
                orgs,
                publisher is null ? null : Clean(publisher),
                Str(best, "description"),
                lang);
        }
        finally
        {
            foreach (var d in docs)
            {
                d.Dispose();
            }
        }
    }

    private static void Collect(JsonElement el, List<(JsonElement, int)> nodes, int depth)
    {
        if (depth > 6)
        {
            return;
        }

        if (el.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in el.EnumerateArray())
            {
                Collect(item, nodes, depth + 1);
            }

            return;
        }

        if (el.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var rank = TypeRank(el);
        if (rank < 3)
        {
            nodes.Add((el, rank));
        }

        if (el.TryGetProperty("@graph", out var graph))
        {
            Collect(graph, nodes, depth + 1);
        }

        if (el.TryGetProperty("mainEntity", out var main))
        {
            Collect(main, nodes, depth + 1);
        }
    }

    /// <summary>0 for article types, 1 for web pages with dates, 3 for everything else.</summary>
    private static int TypeRank(JsonElement el)
    {
        if (!el.TryGetProperty("@type", out var type))
        {
            return 3;
        }

        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.ToLowerInvariant()).ToList()
            : type.ValueKind == JsonValueKind.String ? [type.GetString()!.ToLowerInvariant()] : [];
        if (types.Any(t => ArticleTypes.Contains(t)))
        {
            return 0;
        }

        return types.Any(t => t.EndsWith("webpage", StringComparison.Ordinal)) ? 1 : 3;
    }

    private static string? Str(JsonElement el, string name) =>
        el.ValueKind == JsonValueKind.Object && el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? Clean(v.GetString()!)
            : null;

    private static (List<string> Persons, List<string> Organizations) AuthorNames(JsonElement node)
    {
        var names = new List<string>();
        var orgs = new List<string>();
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("author", out var a))
        {
            return (names, orgs);
        }

        void Add(JsonElement e)
        {
            var name = e.ValueKind == JsonValueKind.String ? e.GetString() : e.ValueKind == JsonValueKind.Object ? Str(e, "name") : null;
            var isOrg = e.ValueKind == JsonValueKind.Object && Str(e, "@type") is { } type && !type.Equals("Person", StringComparison.OrdinalIgnoreCase);
            var list = isOrg ? orgs : names;
            if (name is not null && CleanAuthor(name) is { } clean && !list.Contains(clean))
            {
                list.Add(clean);
            }
        }

        if (a.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in a.EnumerateArray())
            {
                Add(item);
            }
        }
        else
        {
            Add(a);
        }

        return (names, orgs);
    }

    /// <summary>
    /// The page's title: the rules below give one choice, and the <see cref="TitleRanker"/> weighs it against the
    /// page's other candidates (headings, the title tag's parts, the meta titles).
    /// </summary>
    private static MetaValue? Title(IHtmlDocument doc, List<IElement> h1s, List<IElement> subheadings, Dictionary<string, string> meta, LdInfo ld, ContentChoice choice, string? outlet, string? host, Action<IReadOnlyList<TitleCandidate>>? observeCandidates)
    {
        var h1Elements = h1s.Take(8).Select(h => (Element: h, Text: HeadlineText(h))).Where(h => h.Text.Length > 0).ToList();
        var og = Meta(meta, "og:title") ?? Meta(meta, "twitter:title");
        var titleTag = doc.Title is { } t ? Clean(t, keepSoftHyphens: true) : null;
        var rulePick = TitleByRules(h1Elements, subheadings, og, titleTag, ld, choice, outlet, host);
        if (rulePick is null)
        {
            return null;
        }

        // An h1 that the page's own statements of its title repeat is what every source says: nothing to weigh (three
        // pages in four, which the ranker would not change).
        if (StatedH1(rulePick.Value, h1Elements, og, Meta(meta, "twitter:title"), ld.Headline, titleTag))
        {
            return rulePick;
        }

        var candidates = TitleCandidates(rulePick, h1Elements, subheadings, Meta(meta, "og:title"), Meta(meta, "twitter:title"), ld.Headline, titleTag, choice.Container, choice.Blocks, outlet, host);
        observeCandidates?.Invoke(candidates);
        return TitleRanker.Default.Choose(candidates) is { } best ? new MetaValue(best.Text, best.Source) : rulePick;
    }

    private static MetaValue? TitleByRules(List<(IElement Element, string Text)> h1Elements, List<IElement> subheadings, string? og, string? titleTag, LdInfo ld, ContentChoice choice, string? outlet, string? host)
    {
        var references = new[] { og, ld.Headline, titleTag }.Where(r => !string.IsNullOrEmpty(r)).Select(r => Key(r!)).ToList();

        // A site's name in an h1: the outlet, or what one title tag adds to another ("Engora Data Blog: Small
        // adventures…" beside og:title "Small adventures…"; "… – Yoga Pathways").
        var titleTagSite = TitleTagSiteName(titleTag);
        // What a title tag adds after its first part is the site's name when an h1 outside the content repeats it;
        // inside the content such an h1 is the headline of a tag that opens with the site's name.
        var titleTagTail = TitleTagTail(titleTag);
        // The title tag's first part when it has two or more ("Headline | Site"), read by the heading rules below.
        var titleTagFirstPart = titleTag is null ? null : SiteNameSeparator().Split(titleTag) is { Length: >= 2 } tagParts ? tagParts[0].Trim() : null;
        var tailH1 = titleTagTail is null ? null : h1Elements.FirstOrDefault(h => Key(h.Text) == titleTagTail && !(choice.Container?.Contains(h.Element) ?? false)).Element;
        bool SiteName(string k) =>
            (outlet is not null && Key(outlet) == k)
            || k == titleTagSite || (tailH1 is not null && k == titleTagTail)
            || references.Any(a => references.Any(b => b.Length >= 8 && a.Length == b.Length + k.Length
                && ((a.StartsWith(k, StringComparison.Ordinal) && a.EndsWith(b, StringComparison.Ordinal)) || (a.StartsWith(b, StringComparison.Ordinal) && a.EndsWith(k, StringComparison.Ordinal)))));

        // An h1 that the page's own title tags repeat is the headline as readers see it.
        foreach (var (el, h1) in h1Elements)
        {
            if (InCapitals(h1) && Reference() is { } written && Key(written.Value) == Key(h1))
            {
                // Capitals are the site's style: the title tags give the same words as they are written.
                return written;
            }

            if (Repeated(h1))
            {
                // An h1 that is the title tag word for word, site's name and all ("Headline | Section | UC Davis
                // Children's Hospital" on health.ucdavis.edu), is the tag set as a heading: it is read as the tag is.
                if (h1 == titleTag && EndsWithSiteName(h1, outlet, host))
                {
                    return new MetaValue(StripSite(h1, outlet, host), "html:h1");
                }

                return new MetaValue(WithSoftHyphensOf(WithoutSharedTail(WithoutOutletTail(CapitalisedAsStated(h1, og, ld.Headline, titleTag), outlet), og, titleTag), og, titleTag), "html:h1");
            }

            // A label that opens the h1 in an element of its own ("<strong>Blog:</strong> Best …", "<em>Holocaust-
            // Gedenktag</em> Erinnerung …") is a kicker when the title tags state the headline without it.
            if (AfterFirstElement(el) is { } rest && Repeated(rest))
            {
                return new MetaValue(WithoutOutletTail(rest, outlet), "html:h1");
            }

            // So is a source's name or a comment count after the headline's own element ("<a>Stanford … Jobs</a>
            // <a>(latimes.com)</a> <span>87</span>"): the element that opens the h1 and that the title tags repeat
            // is the headline.
            var whole = Key(h1).Length;
            foreach (var part in el.Descendants<IElement>().Take(20))
            {
                if (Clean(SpacedText(part)) is var text && Key(text).Length >= 0.5 * whole && Key(text).Length < whole && h1.StartsWith(text, StringComparison.Ordinal) && Repeated(text))
                {
                    return new MetaValue(WithoutOutletTail(text, outlet), "html:h1");
                }
            }
        }

        // Otherwise the h1 that heads the main content (inside it, or the last one before it), unless it shares
        // no word with any of the page's title tags: then it is a site's name or a menu's label ("Open Menu Close
        // Menu", "Recycle by City"), not the headline. An h1 ending in a colon introduces a box ("A message from
        // our founder:"); a headline does not end so, nor does it run to three sentences (a page's description
        // set as its h1) when the title tags state a title.
        var titleWords = new[] { og, ld.Headline, titleTag }.SelectMany(ContentWords).ToHashSet(StringComparer.Ordinal);
        if (choice.Container is { } container)
        {
            string? heading = null;
            foreach (var (el, text) in h1Elements)
            {
                if (container.Contains(el) || el.CompareDocumentPosition(container).HasFlag(DocumentPositions.Following))
                {
                    if (text.Length >= 10 && text.Length <= 300 && (titleWords.Count == 0 || ContentWords(text).Any(titleWords.Contains)) && !SiteName(Key(text)) && !IsHostName(text, host)
                        && !text.EndsWith(':')
                        && !(InCapitals(text) && references.Count > 0)
                        && !(IsParagraph(text) && references.Count > 0))
                    {
                        heading = text;
                    }

                    if (container.Contains(el))
                    {
                        break;
                    }
                }
            }

            if (heading is not null)
            {
                // An h1 that the title tags do not repeat gives way to a subheading that they do (a blog's name or
                // a pull quote set as the h1), unless one is the other and more ("Best Travel Insurance for Seniors"
                // and "… in 2025"), or the title tags hold most of the h1's words elsewhere ("Parallels Desktop 15
                // for Mac" beside "Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac").
                var hk = Key(heading);
                var h1Words = ContentWords(heading).Distinct().ToList();
                if (StatedSubheading() is { } sub && Key(sub.Value) is var sk && !sk.Contains(hk, StringComparison.Ordinal) && !hk.Contains(sk, StringComparison.Ordinal)
                    && h1Words.Count(titleWords.Contains) < 0.6 * h1Words.Count)
                {
                    return sub;
                }

                return new MetaValue(WithoutSharedTail(WithoutOutletTail(heading, outlet), og, titleTag), "html:h1");
            }
        }

        return AsShown(Reference());

        // The stated title as a heading of the page shows it, when one does: the page's own spelling of the same
        // words ("Vessel Returning to Puerto Rico…" for an og:title in title case), or the first part of a title tag
        // that no site's name was found in ("Alles Neue mach der Mai…" of "Alles Neue mach der Mai… | Bibliothek 2.0
        // und mehr").
        MetaValue? AsShown(MetaValue? stated)
        {
            if (stated is null)
            {
                return stated;
            }

            var statedKey = Key(stated.Value);
            var firstPart = titleTagFirstPart;
            var firstPartKey = firstPart is null ? null : Key(firstPart);
            MetaValue? partHeading = null;
            foreach (var h in subheadings)
            {
                var k = HeadingKey(h);
                if (k.Length < 4)
                {
                    continue;
                }

                if (k == statedKey && Shown(h, stated.Value) is { } same)
                {
                    return same;
                }

                if (partHeading is null && k == firstPartKey && !SiteName(k) && !IsHostName(h.TextContent, host))
                {
                    partHeading = Shown(h, firstPart!);
                }
            }

            return partHeading ?? stated;
        }

        // The first subheading whose words are a stated title or the title tag's first part.
        MetaValue? StatedSubheading()
        {
            var stated = new[] { og, titleTag, titleTagFirstPart }
                .Where(r => !string.IsNullOrEmpty(r)).Select(r => (Text: r!, Key: Key(r!))).Where(r => r.Key.Length >= 10).ToList();
            foreach (var h in subheadings)
            {
                var k = HeadingKey(h);
                if (k.Length >= 10 && stated.FirstOrDefault(r => r.Key == k) is { Text: { } text }
                    && !SiteName(k) && !IsHostName(h.TextContent, host) && Shown(h, text) is { } shown)
                {
                    return shown;
                }
            }

            return null;
        }

        // A subheading's key; empty for one too long to be a title (a heading left open around the page).
        static string HeadingKey(IElement h) => h.TextContent is { Length: <= 600 } text ? Key(text) : "";

        // A heading's text for a stated text of the same letters, unless it is in capitals or has marks the stated
        // text has not ("[> Jens Weber" for "Jens Weber": a menu's arrow).
        static MetaValue? Shown(IElement heading, string statedText)
        {
            var text = WithSoftHyphensOf(Clean(SpacedText(heading)), statedText);
            return !InCapitals(text) && Marks(text) <= Marks(statedText) ? new MetaValue(text, "html:" + heading.LocalName) : null;
        }

        // An h1 whose words a title tag repeats. A site's logo in an h1 is also "in" every title tag ("... | Stanford
        // Online"): it must be most of one.
        bool Repeated(string h1)
        {
            var k = Key(h1);
            return k.Length >= 8 && references.Any(r => r.Contains(k, StringComparison.Ordinal) && (r.StartsWith(k, StringComparison.Ordinal) || k.Length >= 0.6 * r.Length))
                && !SiteName(k) && !IsHostName(h1, host);
        }

        // The page's own statement of its title: JSON-LD's headline, og:title, the title tag, in that order, less
        // the site's name; but a value that a later one continues word for word was cut short (schema.org
        // headlines cut at 110 characters, an og:title cut at a quote inside its attribute), and the later one wins.
        MetaValue? Reference()
        {
            // The blog's name that the h1 repeats is the title tag's site part, whatever the outlet is called.
            var siteInH1 = titleTagSite is not null && h1Elements.Any(h => Key(h.Text) == titleTagSite);
            // So is all that the tag adds after its first part, when the h1 repeats that.
            var tailInH1 = tailH1 is not null;
            var stated = new[] { (ld.Headline, "json-ld:headline"), (og, "meta:og:title"), (titleTag, "html:title") }
                .Where(r => !string.IsNullOrEmpty(r.Item1))
                .Select(r => new MetaValue(
                    TitleTagHeadline(r.Item1!, titleTag) ? r.Item1!
                    : tailInH1 && r.Item1 == titleTag ? r.Item1![..SiteNameSeparator().Match(r.Item1!).Index].Trim()
                    : StripSite(siteInH1 ? WithoutSitePart(r.Item1!, titleTagSite!) : r.Item1!, outlet, host), r.Item2))
                .ToList();
            if (stated.Count == 0)
            {
                return null;
            }

            // A stated title that is only the site's name ("ICON Magazine" on iconmagazine.de) gives way to one that is not.
            if (stated.Any(v => !IsHostName(v.Value, host)))
            {
                stated = [.. stated.Where(v => !IsHostName(v.Value, host))];
            }

            var best = stated[0];
            foreach (var later in stated.Skip(1))
            {
                if (CutShortOf(best.Value, later.Value))
                {
                    best = later;
                }
            }

            return best;
        }
    }

    /// <summary>Characters other than letters, digits, spaces, dashes and quotes, which one title spells differently from another.</summary>
    private static int Marks(string text) => text.Count(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && c != '\u00AD'
        && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.DashPunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation
            or System.Globalization.UnicodeCategory.FinalQuotePunctuation) && c is not ('"' or '\''));

    /// <summary>
    /// The key of the part of a title tag that names the site, as older blog themes write it: the last of "Post |
    /// Blog name" when it is shorter than the post's part (a "Section | Headline" tag ends with the longer headline),
    /// or the first of "Blog name » Blog Archive » Post"; null when the tag has one part. Such themes set the blog's
    /// name as the page's h1 and the post's title lower down, so an h1 that is this part is not the headline.
    /// </summary>
    private static string? TitleTagSiteName(string? titleTag)
    {
        if (titleTag is null)
        {
            return null;
        }

        var parts = SiteNameSeparator().Split(titleTag).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return null;
        }

        if (parts.Skip(1).Any(p => CmsTitleLabel().IsMatch(p)) && !CmsTitleLabel().IsMatch(parts[0]))
        {
            return Key(parts[0]);
        }

        var last = Key(parts[^1]);
        var rest = Key(string.Concat(parts.Take(parts.Count - 1)));
        return last.Length >= 4 && rest.Length >= 10 && last.Length < rest.Length ? last : null;
    }

    /// <summary>
    /// The key of what a title tag of three or more parts adds after its first ("Salsa-Figuren - Rueda in Berlin" of
    /// "Enchufla Figuren - Salsa-Figuren - Rueda in Berlin"): the site's and section's names, which a wiki or a
    /// shop sets as its h1 on every page; null for a tag of fewer parts.
    /// </summary>
    private static string? TitleTagTail(string? titleTag)
    {
        if (titleTag is null || SiteNameSeparator().Matches(titleTag) is not { Count: >= 2 } separators)
        {
            return null;
        }

        var first = separators[0];
        return Key(titleTag[(first.Index + first.Length)..]) is { Length: >= 8 } tail ? tail : null;
    }

    /// <summary>The title less a first or last part whose key is <paramref name="siteKey"/>, cut at its separator; else the title.</summary>
    private static string WithoutSitePart(string title, string siteKey)
    {
        var separators = SiteNameSeparator().Matches(title);
        if (separators.Count == 0)
        {
            return title;
        }

        var last = separators[^1];
        if (Key(title[(last.Index + last.Length)..]) == siteKey)
        {
            return title[..last.Index].Trim();
        }

        var first = separators[0];
        return Key(title[..first.Index]) == siteKey ? title[(first.Index + first.Length)..].Trim() : title;
    }

    /// <summary>
    /// A title that is the site's name as its host spells it: the host's label, alone or with its domain ("Time 4
    /// talks" on time4talks.com, "davidbau.com", "Sports.fr"). A label and other words ("Austin Hardware Catalog"
    /// on austinhardware.com) may well be a page's own title, and is not taken for the site's name.
    /// </summary>
    private static bool IsHostName(string text, string? host)
    {
        if (host is null)
        {
            return false;
        }

        var k = Key(text);
        return k == host || (k.Length <= host.Length + 3 && k.StartsWith(host, StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal));
    }

    /// <summary>
    /// An h1 less a last part that a stated title with another headline ends with too ("How meditation rewires
    /// brains | Opinion" beside the tag "The full impact of meditation | Opinion"): a section's label or a site's
    /// name, not the headline's. An h1 that only repeats a stated title keeps its parts.
    /// </summary>
    private static string WithoutSharedTail(string h1, params string?[] stated)
    {
        if (TitleSeparator().Matches(h1).LastOrDefault() is not { } last || last.Index < 10)
        {
            return h1;
        }

        var head = h1[..last.Index];
        var tail = h1[last.Index..];
        var headKey = Key(head);
        foreach (var s in stated)
        {
            if (s is not null && s.Length > tail.Length && s.EndsWith(tail, StringComparison.Ordinal)
                && Key(s[..^tail.Length]) is { Length: >= 10 } otherHead && !otherHead.Contains(headKey, StringComparison.Ordinal) && !headKey.Contains(otherHead, StringComparison.Ordinal))
            {
                return head;
            }
        }

        return h1;
    }

    /// <summary>
    /// True when the last part of a title of two or more parts names the site, the outlet or the host's label ("… |
    /// UC Davis Children's Hospital" on health.ucdavis.edu), and the first does not.
    /// </summary>
    private static bool EndsWithSiteName(string title, string? outlet, string? host)
    {
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            return false;
        }

        var outletKey = outlet is null ? null : Key(outlet);
        bool Names(string part) => Key(part) is { Length: >= 3 } k
            && ((outletKey is { Length: >= 3 } && (k.Contains(outletKey, StringComparison.Ordinal) || outletKey.Contains(k, StringComparison.Ordinal)))
                || (host is not null && k.Contains(host, StringComparison.Ordinal)));
        return Names(parts[^1]) && !Names(parts[0]);
    }

    /// <summary>
    /// An h1 that opens in lower case ("history of coffee") as a stated title, or a part of one, spells it with a
    /// capital ("History of coffee | … | Britannica"): a headline opens with a capital, and the lower case is the
    /// site's style (its stylesheet capitalises the heading); else the h1.
    /// </summary>
    private static string CapitalisedAsStated(string h1, params string?[] stated)
    {
        if (h1.Length == 0 || !char.IsLower(h1[0]))
        {
            return h1;
        }

        foreach (var s in stated)
        {
            if (s is null)
            {
                continue;
            }

            foreach (var part in TitleSeparator().Split(s))
            {
                var text = part.Trim();
                if (text.Length == h1.Length && char.IsUpper(text[0]) && char.ToLowerInvariant(text[0]) == h1[0] && text.EndsWith(h1[1..], StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }

        return h1;
    }

    /// <summary>A headline less a last part that is the outlet's name ("Critics’ Choice: Best Exhibitions 2025 – Artlyst").</summary>
    private static string WithoutOutletTail(string headline, string? outlet)
    {
        if (outlet is null || Key(outlet) is not { Length: >= 3 } outletKey)
        {
            return headline;
        }

        var last = TitleSeparator().Matches(headline).LastOrDefault();
        return last is not null && last.Index >= 10 && Key(headline[(last.Index + last.Length)..]) == outletKey ? headline[..last.Index] : headline;
    }

    /// <summary>
    /// An h1 as a title tag spells it with soft hyphens, when the tag opens with the h1's words and the soft hyphens
    /// are all that differ (the h1's own were dropped as a layout tool's); else the h1.
    /// </summary>
    private static string WithSoftHyphensOf(string h1, params string?[] stated)
    {
        foreach (var s in stated)
        {
            if (s is null || !s.Contains('\u00AD', StringComparison.Ordinal))
            {
                continue;
            }

            // The end of the h1's letters in s, soft hyphens skipped.
            int i = 0, j = 0;
            while (i < s.Length && j < h1.Length && (s[i] == h1[j] || s[i] == '\u00AD'))
            {
                j += s[i] == h1[j] ? 1 : 0;
                i++;
            }

            if (j == h1.Length && (i == s.Length || s[i] == ' '))
            {
                return s[..i];
            }
        }

        return h1;
    }

    /// <summary>
    /// True when the title tag is <paramref name="stated"/> and more after a separator ("Würde des Lebens – ein
    /// Projekt" beside the tag "Würde des Lebens – ein Projekt | Große Fragen"): the stated title is the tag's
    /// headline with the site's name already left off, and its own dashes are the headline's, unless it ends as the
    /// tag ends.
    /// </summary>
    private static bool TitleTagHeadline(string stated, string? titleTag)
    {
        if (titleTag is null || stated.Length < 10 || titleTag.Length <= stated.Length || !titleTag.StartsWith(stated, StringComparison.Ordinal))
        {
            return false;
        }

        // A stated title that ends as the tag does ("… | RenoFi" beside "… | RenoFi | RenoFi") has the site's name yet.
        var next = SiteNameSeparator().Match(titleTag, stated.Length);
        if (!next.Success || next.Index != stated.Length)
        {
            return false;
        }

        var tagEnd = SiteNameSeparator().Matches(titleTag)[^1];
        return !stated.EndsWith(titleTag[(tagEnd.Index + tagEnd.Length)..], StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="longer"/> goes on, at a word boundary, where <paramref name="shorter"/> stops.</summary>
    private static bool CutShortOf(string shorter, string longer)
    {
        var s = shorter.TrimEnd(' ', '"', '“', '„', '\'', '‘', '…', '.');
        if (s.Length < 10 || longer.Length <= s.Length + 3 || !longer.StartsWith(s, StringComparison.Ordinal) || char.IsLetterOrDigit(longer[s.Length]))
        {
            return false;
        }

        // "Headline | Site" or "Headline: Site" continues the headline with a site's name, not with its lost words.
        var rest = longer.AsSpan(s.Length).TrimStart();
        return rest.Length > 0 && rest[0] is not ('|' or '-' or '–' or '—' or ':' or '·' or '»' or '•' or '/');
    }

    /// <summary>A text of 200 characters or more in which two sentences end before a third starts.</summary>
    private static bool IsParagraph(string text)
    {
        if (text.Length < 200)
        {
            return false;
        }

        var breaks = 0;
        for (var i = 1; i + 1 < text.Length && breaks < 2; i++)
        {
            if (text[i] == ' ' && text[i - 1] is '.' or '?' or '!' && char.IsUpper(text[i + 1]))
            {
                breaks++;
            }
        }

        return breaks >= 2;
    }

    /// <summary>A headline set in capitals: letters, none of them lower case.</summary>
    private static bool InCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsUpper(c) ? 1 : 0;
        }

        return letters >= 8;
    }

    /// <summary>
    /// An h1's text without a kicker that opens it in an element of its own ("&lt;span class=roofline&gt;Ernährung
    /// sichern&lt;/span&gt; Schulze: …", "&lt;small&gt;Tunesien&lt;/small&gt;&lt;br&gt; Große Aufgaben …"): a topic label over the headline,
    /// not part of it.
    /// </summary>
    private static string HeadlineText(IElement h1)
    {
        var text = Clean(SpacedText(h1));
        // A lone element wrapping the whole headline ("<span class=post-title><small>Kicker</small><br>Headline</span>")
        // is looked into for the kicker.
        var parent = h1;
        while (SoleChild(parent) is { } wrapper)
        {
            parent = wrapper;
        }

        var first = parent.ChildNodes.FirstOrDefault(n => n is IElement || (n is IText t && !string.IsNullOrWhiteSpace(t.Data)));
        if (first is not IElement kicker || (kicker.LocalName is not ("small" or "div" or "p") && !(kicker.LocalName == "span" && kicker.HasAttribute("class"))))
        {
            return text;
        }

        var label = Clean(SpacedText(kicker));
        if (label.Length == 0 || label.Length > 0.6 * text.Length || !text.StartsWith(label, StringComparison.Ordinal))
        {
            return text;
        }

        // A headline opens with a capital or a digit: a lower-case rest continues the first element's words
        // ("<span class=mc>Ehezoff</span> der Pochers eskaliert").
        var rest = text[label.Length..].TrimStart(' ', ':', '-', '–', '—', '|', '/');
        return Key(rest).Length >= 10 && !char.IsLower(rest[0]) ? rest : text;
    }

    /// <summary>
    /// The text of an h1 after the element that opens it (inside lone wrappers and links), trimmed of separators; null
    /// when text, not an element, opens it, or little is left.
    /// </summary>
    private static string? AfterFirstElement(IElement h1)
    {
        var parent = h1;
        while (parent.ChildElementCount > 0 && SoleChild(parent, allowLink: true) is { } wrapper)
        {
            parent = wrapper;
        }

        if (parent.ChildNodes.FirstOrDefault(n => n is IElement || (n is IText t && !string.IsNullOrWhiteSpace(t.Data))) is not IElement { LocalName: not "br" } first)
        {
            return null;
        }

        var text = Clean(SpacedText(parent));
        var label = Clean(SpacedText(first));
        if (label.Length == 0 || !text.StartsWith(label, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[label.Length..].TrimStart(' ', ':', '-', '–', '—', '|', '/');
        return Key(rest).Length >= 10 ? rest : null;
    }

    /// <summary>The only child element of <paramref name="el"/> when no text stands beside it, else null.</summary>
    private static IElement? SoleChild(IElement el, bool allowLink = false)
    {
        IElement? only = null;
        foreach (var n in el.ChildNodes)
        {
            if (n is IText t && !string.IsNullOrWhiteSpace(t.Data))
            {
                return null;
            }

            if (n is IElement e)
            {
                if (only is not null)
                {
                    return null;
                }

                only = e;
            }
        }

        return only is not null && only.LocalName != "time" && (allowLink || only.LocalName != "a") && only.ChildElementCount > 0 ? only : null;
    }

    /// <summary>
    /// A headline's text as it is shown: a line break or a block inside it parts words ("WEEKEND&lt;br&gt;CODING",
    /// "Alternatives&lt;span class=block&gt;Top…"), and a &lt;time&gt; or dated small print in it is a stamp, not words of the headline.
    /// </summary>
    private static string SpacedText(IElement el)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(el);
        while (stack.Count > 0 && sb.Length < 2000)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                sb.Append(t.Data);
                continue;
            }

            if (node is not IElement e || (e != el && e.LocalName is "time" or "script" or "style"))
            {
                continue;
            }

            // Small print with a date in it ("<br><small>02.02.2022 • Verband, Presse</small>") is the headline's stamp line.
            if (e != el && e.LocalName == "small" && HtmlDates.ParseText(e.TextContent) is not null)
            {
                continue;
            }

            if (e.LocalName == "br" || (e != el && e.LocalName is "div" or "p" or "span" && IsBlockStyled(e)))
            {
                sb.Append(' ');
            }

            for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(e.ChildNodes[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>A div or p, or a span whose class says it is laid out as a block of its own.</summary>
    private static bool IsBlockStyled(IElement e) =>
        e.LocalName != "span" || (e.GetAttribute("class") is { } c && c.Split(' ').Any(x => x is "block" or "d-block" or "subtitle" or "subheading"));

    /// <summary>The lower-cased words of four or more letters or digits in the text.</summary>
    private static IEnumerable<string> ContentWords(string? text)
    {
        if (text is null)
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                if (i - start >= 4)
                {
                    yield return text[start..i].ToLowerInvariant();
                }

                start = -1;
            }
        }
    }

    /// <summary>The site's own label in a URL's host ("newegg" for promotions.newegg.com, "bbc" for www.bbc.co.uk), lower-cased.</summary>
    internal static string? SiteLabel(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var labels = uri.Host.ToLowerInvariant().Split('.');
        if (labels.Length < 2)
        {
            return null;
        }

        // co.uk, com.au, org.br: the label before a short second level under a country code.
        var i = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? labels.Length - 3 : labels.Length - 2;
        var label = Key(labels[i]);
        return label.Length >= 4 ? label : null;
    }

    private static string StripSite(string title, string? outlet, string? host = null)
    {
        // "davidbau.com Vibe Coding": the site's domain name opening the title with no separator.
        var space = title.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && title.AsSpan(0, space).Contains('.') && IsHostName(title[..space], host) && Key(title[space..]).Length >= 4)
        {
            title = title[(space + 1)..].Trim().TrimStart('|', '-', '–', '—', '»', '·', '•', '/', ':', ' ');
        }

        var parts = TitleSeparator().Split(title).Where(p => p.Trim().Length > 0).Select(p => p.Trim()).ToList();
        if (parts.Count < 2)
        {
            return title;
        }

        // A content system's own label between the site's name and the post's ("Site » Blog Archive » Post") is
        // neither; the rest is read again without it.
        if (parts.RemoveAll(p => CmsTitleLabel().IsMatch(p)) > 0 && parts.Count > 0)
        {
            return StripSite(string.Join(" | ", parts), outlet, host);
        }

        var outletKey = outlet is null ? null : Key(outlet);
        var kept = parts.Where(p => outletKey is null || !(Key(p).Contains(outletKey, StringComparison.Ordinal) || outletKey.Contains(Key(p), StringComparison.Ordinal))).ToList();
        if (kept.Count == parts.Count && host is not null)
        {
            // No part names the outlet: a first or last part that names the site's host does ("… | Newegg.com").
            bool NamesHost(string p) => Key(p) is var k && (k.Contains(host, StringComparison.Ordinal) || (k.Length >= 4 && host.Contains(k, StringComparison.Ordinal)));
            // The rest is read again as a title without it ("Headline - Forum name - Site" → "Headline").
            if (NamesHost(parts[^1]) && !NamesHost(parts[0]))
            {
                return StripSite(string.Join(" - ", parts.Take(parts.Count - 1)), null);
            }

            if (NamesHost(parts[0]) && !NamesHost(parts[^1]))
            {
                return StripSite(string.Join(" - ", parts.Skip(1)), null);
            }
        }

        if (kept.Count == parts.Count)
        {
            // No part names the site: the longest part is the headline when the others are short labels.
            var longest = parts.OrderByDescending(p => p.Length).First();
            return longest.Length >= title.Length * 0.5 && parts.IndexOf(longest) == 0 ? longest : title;
        }

        return kept.Count == 0 ? title : string.Join(" - ", kept);
    }

    private static readonly string[] BylineSelectors =
    [
        "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]", "a[href*='/author/']", "a[href*='/authors/']",
        "[class*=byline] [class*=name]", "[class*=author-name]", "[class*=author__name]", "[class*=authorname]", "[class*=byline] a",
        "[class*=byline]", "[class*=author] a", "[class*=author]",
    ];

    private static readonly string AnyByline = string.Join(", ", BylineSelectors);

    // Selectors parsed once: Element.Matches and Closest parse (or look up under a lock) their text on every call.
    private static readonly ISelector AnyBylineSelector = Parsed(AnyByline);
    private static readonly ISelector[] ParsedBylineSelectors = [.. BylineSelectors.Select(Parsed)];
    private static readonly ISelector OffBylineArea = Parsed("footer, nav, [class*=comment], [id*=comment]");
    private static readonly ISelector CanonicalLink = Parsed("link[rel=canonical]");
    private static readonly ISelector LdScript = Parsed("script[type='application/ld+json']");
    private static readonly ISelector DatePublishedProp = Parsed("[itemprop=datePublished]");

    internal static ISelector Parsed(string selector) =>
        new CssSelectorParser().ParseSelector(selector) ?? throw new InvalidOperationException($"invalid selector: {selector}");

    /// <summary>True when the element or one of its ancestors matches (what Closest finds).</summary>
    private static bool InOrIn(IElement element, ISelector selector)
    {
        for (var el = element; el is not null; el = el.ParentElement)
        {
            if (selector.Match(el))
            {
                return true;
            }
        }

        return false;
    }

    private static MetaValue? Authors(List<IElement> maybeBylines, Dictionary<string, string> meta, LdInfo ld)
    {
        // Persons the publisher names for machines come first; an organisation as "author" is what the page
        // says only when no person is shown.
        if (ld.Authors.Count > 0)
        {
            return new MetaValue(string.Join(", ", ld.Authors), "json-ld:author");
        }

        // The byline-like elements in document order; the selectors then rank them.
        var candidates = maybeBylines.Where(AnyBylineSelector.Match).ToList();
        for (var s = 0; s < BylineSelectors.Length; s++)
        {
            var selector = BylineSelectors[s];
            foreach (var el in candidates.Where(ParsedBylineSelectors[s].Match).Take(4))
            {
                if (InOrIn(el, OffBylineArea))
                {
                    continue;
                }

                var text = el.GetAttribute("content") ?? SeparatedText(el);
                if (CleanAuthor(text) is { } name)
                {
                    return new MetaValue(name, "html:" + selector);
                }
            }
        }

        foreach (var key in AuthorKeys)
        {
            if (Meta(meta, key) is { } v && !v.Contains("://", StringComparison.Ordinal) && CleanAuthor(v) is { } name)
            {
                return new MetaValue(name, "meta:" + key);
            }
        }

        return ld.OrgAuthors.Count > 0 ? new MetaValue(string.Join(", ", ld.OrgAuthors), "json-ld:author") : null;
    }

    /// <summary>
    /// A "By Jane Doe" line near the top of the article, for pages that mark their byline up with nothing a
    /// selector can find. Only lines that start with the word "by" (or "written by") count, so a date or a
    /// caption is never taken for a name.
    /// </summary>
    private static MetaValue? VisibleByline(ContentChoice choice, IReadOnlyList<TextBlock> blocks)
    {
        var firstBody = choice.Blocks.Select((b, i) => (b, i)).FirstOrDefault(x => x.b.Role == BlockRole.Body).i;
        for (var i = Math.Max(0, firstBody - 8); i < Math.Min(blocks.Count, firstBody + 4); i++)
        {
            var text = blocks[i].Text;
            if (text.Length <= 80 && VisibleBylineStart().IsMatch(text) && CleanAuthor(text) is { } name)
            {
                return new MetaValue(name, "text:byline");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:written\s+)?by\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VisibleBylineStart();

    /// <summary>
    /// The element's text with " | " where two elements' texts touch without a space ("Jane Doe" + "Staff
    /// Writer"), so a name is not glued to the role or date that follows it.
    /// </summary>
    private static string SeparatedText(IElement el)
    {
        var sb = new System.Text.StringBuilder();
        INode? lastParent = null;
        var count = 0;
        foreach (var node in el.GetDescendants())
        {
            if (node is not IText t || t.Data.Length == 0 || ++count > 50)
            {
                continue;
            }

            if (sb.Length > 0 && lastParent != t.Parent && !char.IsWhiteSpace(sb[^1]) && !char.IsWhiteSpace(t.Data[0]))
            {
                sb.Append(" | ");
            }

            sb.Append(t.Data);
            lastParent = t.Parent;
        }

        return sb.ToString();
    }

    /// <summary>Longest label before a colon in a byline ("Text und Interview:") that <see cref="CleanAuthor"/> drops.</summary>
    private const int MaxLabelChars = 40;

    /// <summary>A person's name from a byline ("By Jane Doe", "Von Heike Buchter | 16.10.2019"), or null when it is not one.</summary>
    internal static string? CleanAuthor(string text)
    {
        var s = Clean(text);
        s = BylinePrefix().Replace(s, "");
        var cut = BylineTail().Match(s);
        if (cut.Success)
        {
            s = s[..cut.Index];
        }

        // A label before a colon names the role, not the person ("Interview: Julia Lauter", "责任编辑：孔德明"); names hold no colon.
        var colon = s.AsSpan().TrimEnd().LastIndexOfAny(':', '：');
        if (colon > 0 && colon <= MaxLabelChars && colon < s.TrimEnd().Length - 1)
        {
            s = s[(colon + 1)..];
        }

        s = s.Trim(' ', ',', ';', '|', '-', '–', '—', ':', '·', '"', '“', '”', '\'', '‘', '’');
        if (s.Length is < 2 or > 100 || s.Contains('@', StringComparison.Ordinal) || s.Contains("//", StringComparison.Ordinal)
            || s.Any(char.IsDigit) || NotAName().IsMatch(s) || !s.Any(char.IsLetter))
        {
            return null;
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 12 || (words.Length == 1 && (s.Length < 3 || NotANameWord().IsMatch(s))))
        {
            return null;
        }

        // A job title glued to the name with no comma ("Rachel MacDonald Writer", "Liz Kenny Former McKinsey
        // Consultant") is not part of it; a byline that is only a role ("SFist Contributor") stays whole.
        if (!s.Contains(',', StringComparison.Ordinal))
        {
            for (var i = 2; i < words.Length; i++)
            {
                if (RoleWords.Contains(words[i]))
                {
                    return string.Join(' ', words.Take(i));
                }
            }
        }

        return s;
    }

    /// <summary>Capitalised words that open a job title after a byline's name.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "Former", "Senior", "Staff", "Writer", "Contributor", "Contributing", "Editor", "Reporter", "Correspondent",
        "Journalist", "Coordinator", "Content", "Freelance", "Columnist", "Managing", "Associate", "Executive",
    };

    /// <summary>The page's date: the one <see cref="ChooseByTrust"/> picks, unless the URL's full date comes more than a month before it.</summary>
    private static PageDate? ChooseDate(ImmutableArray<PageDate> dates, bool datelineNearHeadline)
    {
        // A full date in the URL is set when the page is first saved and stays when the page is saved again; a stamp
        // more than a month after it is a later save's (a site moved to a new system restamps every page).
        var chosen = ChooseByTrust(dates, datelineNearHeadline);
        var fromUrl = dates.FirstOrDefault(d => d.Source == "url");
        return chosen is not null && fromUrl is not null && chosen.Value.Date > fromUrl.Value.Date.AddDays(UrlDateLeadDays) ? fromUrl : chosen;
    }

    /// <summary>How many days a stamp may come after the URL's date and still be the first publication's (an article drafted under one date and published weeks later).</summary>
    private const int UrlDateLeadDays = 31;

    /// <summary>
    /// The first candidate in order of trust, except that (0) among visible datelines alone, one labelled as the
    /// publication's wins over a bare date; (1) when the machine "published" stamps disagree by a day or more (a
    /// JSON-LD block left from the first draft, a template's stamp), the one the visible dateline repeats, a generic
    /// "date" meta included, is the page's; a bare dateline at the headline wins when the "modified" stamp or a
    /// &lt;time&gt; repeats it; a labelled update wins over a publication stated for machines alone, without an Open
    /// Graph stamp; (2) a machine "published" stamp on the day the page labels as updated gives way to the
    /// day it labels as published; and (3) a machine "published" stamp identical to the "modified" stamp is often
    /// just the time the page was rendered: a visible dateline before it wins then.
    /// </summary>
    private static PageDate? ChooseByTrust(ImmutableArray<PageDate> dates, bool datelineNearHeadline)
    {
        var first = dates.FirstOrDefault();
        if (first is { Source: "text:dateline" } && !PublishedWord().IsMatch(first.Text))
        {
            // With no machine stamp, a dateline that says it is the publication's ("Crime Published On May 10, 2022")
            // wins over a bare date above it (a rail's, today's date in a bar).
            return dates.FirstOrDefault(d => d.Source == "text:dateline" && PublishedWord().IsMatch(d.Text)) ?? first;
        }

        if (first is null || first.Source.StartsWith("text:", StringComparison.Ordinal) || first.Source == "url")
        {
            return first;
        }

        // Only words on the page count as the dateline here: a <time> often carries one of the stamps itself.
        var shown = dates.FirstOrDefault(d => d.Source is "text:dateline" or "text:published");
        if (shown is not null && DaysApart(shown, first) >= 1)
        {
            // A generic "date" meta that agrees with the dateline counts too: two stamps against one. A day apart may
            // be only the time zone: "…T00:57Z" and "…T19:57-05:00" are one moment written twice, not a second stamp.
            var farApart = DaysApart(shown, first) > 1;
            var repeated = dates.FirstOrDefault(d => (IsStatedPublished(d.Source) || IsGenericDate(d.Source)) && d.Value.Date == shown.Value.Date
                && (farApart || !d.HasTime || !first.HasTime || d.Value != first.Value));
            if (repeated is not null)
            {
                return repeated;
            }
        }

        // A bare dateline (one date, no label) at the headline, a day or more from the "published" stamp: a dateline
        // that says "updated" is the update's, one with two dates says nothing of which is which, and one far above the
        // headline may be today's date in the site's top bar, which a page rendered for each visit also stamps as
        // modified.
        if (datelineNearHeadline && shown is { Source: "text:dateline" } && DaysApart(shown, first) >= 1 && IsBareDateline(shown.Text)
            && !dates.Any(d => d.Source == "text:updated" && d.Value.Date == shown.Value.Date))
        {
            // (a) The "modified" stamp repeats it: the page shows itself as of its last revision (a refreshed guide, a
            // story moved on), and that is the date its readers are given.
            if (dates.Any(d => d.Source.StartsWith("meta:modified", StringComparison.Ordinal) && d.Value.Date == shown.Value.Date))
            {
                return shown;
            }

            // (b) A <time> repeats it and no update stamp does: two stamps the page shows against one it states for
            // machines only, which is more than a day off (a stamp carried over from the page's first version).
            if (DaysApart(shown, first) > 1 && dates.FirstOrDefault(d => d.Source == "html:time" && d.Value.Date == shown.Value.Date) is { } time)
            {
                return time;
            }
        }

        // A page that labels a later update and no publication ("Last updated: Sep 4, 2025") and states its
        // publication for machines alone, in a schema.org block or a meta of its own, with no Open Graph article
        // stamp (the one link previews and feed readers show as the publication): the update is the date the page
        // gives its readers.
        var labelledPublished = dates.FirstOrDefault(d => d.Source == "text:published");
        var labelledUpdated = dates.FirstOrDefault(d => d.Source == "text:updated");
        if (labelledUpdated is not null && labelledPublished is null && IsStatedPublished(first.Source) && labelledUpdated.Value.Date > first.Value.Date
            && !dates.Any(d => IsOpenGraphPublished(d.Source)))
        {
            return labelledUpdated;
        }

        // A page that shows "Published Apr 26, 2023" and "Updated Aug 21, 2025" and stamps the update's day as its
        // machine "published" date has stamped when it was last saved: the date it labels as published is the one.
        if (labelledPublished is not null && labelledUpdated is not null && labelledUpdated.Value.Date == first.Value.Date
            && labelledPublished.Value.Date < first.Value.Date)
        {
            return labelledPublished;
        }

        var modified = dates.FirstOrDefault(d => d.Source.StartsWith("meta:modified", StringComparison.Ordinal));
        var dateline = dates.FirstOrDefault(d => d.Source is "text:dateline" or "html:time");
        if (modified is not null && dateline is not null && modified.Value.Date == first.Value.Date && dateline.Value.Date < first.Value.Date)
        {
            return dateline;
        }

        return first;
    }

    private static double DaysApart(PageDate a, PageDate b) => Math.Abs((a.Value.Date - b.Value.Date).TotalDays);

    /// <summary>A stamp the publisher states for machines as the publication date (JSON-LD, a meta tag, microdata), not a generic or modified one.</summary>
    private static bool IsStatedPublished(string source) =>
        source is "json-ld:datePublished" or "microdata:datePublished"
        || (source.StartsWith("meta:", StringComparison.Ordinal) && !source.StartsWith("meta:modified", StringComparison.Ordinal)
            && !WeakDateKeys.Contains(source[5..], StringComparer.Ordinal));

    /// <summary>An Open Graph article's publication stamp (article:published_time and its variants).</summary>
    private static bool IsOpenGraphPublished(string source) =>
        source is "meta:article:published_time" or "meta:og:article:published_time" or "meta:og:published_time" or "meta:article:published";

    /// <summary>A stamp under a generic date name (meta "date", "dc.date"), which may be the publication's or the last save's.</summary>
    private static bool IsGenericDate(string source) =>
        source.StartsWith("meta:", StringComparison.Ordinal) && WeakDateKeys.Contains(source[5..], StringComparer.Ordinal);

    /// <summary>Languages whose pages are, as a rule, published in Central European Time.</summary>
    private static readonly string[] CentralEuropeanLanguages = ["de", "fr", "it", "nl", "pl", "cs", "sk", "sl", "hr", "hu", "da", "sv", "nb", "nn", "no", "sr", "bs"];

    /// <summary>Languages whose pages are, as a rule, published in Eastern European Time (with the EU's summer time).</summary>
    private static readonly string[] EasternEuropeanLanguages = ["fi", "et", "lv", "lt", "el", "ro", "bg", "uk"];

    /// <summary>Languages spoken in one time zone without summer time, with its offset in hours: Japanese, Korean, Chinese (China, Taiwan, Hong Kong and Singapore all keep UTC+8).</summary>
    private static readonly Dictionary<string, int> FixedZoneLanguages = new(StringComparer.Ordinal) { ["ja"] = 9, ["ko"] = 9, ["zh"] = 8 };

    /// <summary>
    /// A stamp written in UTC ("…T23:00:00Z", "+00:00") on a page in a language of Central or Eastern Europe, or of
    /// Japan, Korea or China, is turned into the page's own day: CMSs store "5 November, midnight" in Berlin as
    /// "4 November, 23:00 UTC", and in Tokyo as "4 November, 15:00 UTC". Other stamps keep the time zone they were
    /// written in.
    /// </summary>
    internal static PageDate? InLocalTime(PageDate? date, string? language, string? url = null, ImmutableArray<PageDate> candidates = default)
    {
        if (date is null || !date.HasTime || date.Value.Offset != TimeSpan.Zero
            || !(date.Text.TrimEnd().EndsWith('Z') || date.Text.Contains("+00:00", StringComparison.Ordinal) || date.Text.Contains("+0000", StringComparison.Ordinal)
                || date.Text.TrimEnd().EndsWith("GMT", StringComparison.Ordinal)))
        {
            return date;
        }

        // A day the page shows in words is the day as the reader saw it: a site set to UTC writes
        // "2019-12-26T23:07:45+00:00" beside "26/12/2019", and that is its day.
        if (!candidates.IsDefault && candidates.Any(c => c.Source is "text:dateline" or "text:published" && c.Value.Date == date.Value.Date))
        {
            return date;
        }

        // A site under a Latin American country's domain publishes on that country's day: "2022-05-04T00:53Z" on
        // lanacion.com.ar is the evening of 3 May in Buenos Aires.
        if (CountryOffset(url) is { } hours)
        {
            var shifted = date.Value.UtcDateTime.AddHours(hours);
            return date with { Value = new DateTimeOffset(DateTime.SpecifyKind(shifted, DateTimeKind.Unspecified), TimeSpan.FromHours(hours)) };
        }

        if (language is null)
        {
            return date;
        }

        var code = language.Trim().ToLowerInvariant();
        var dash = code.IndexOfAny(['-', '_']);
        code = dash > 0 ? code[..dash] : code;
        var utc = date.Value.UtcDateTime;
        TimeSpan offset;
        if (CentralEuropeanLanguages.Contains(code, StringComparer.Ordinal))
        {
            offset = TimeSpan.FromHours(IsEuropeanSummerTime(utc) ? 2 : 1);
        }
        else if (EasternEuropeanLanguages.Contains(code, StringComparer.Ordinal))
        {
            offset = TimeSpan.FromHours(IsEuropeanSummerTime(utc) ? 3 : 2);
        }
        else if (FixedZoneLanguages.TryGetValue(code, out var hoursAhead))
        {
            offset = TimeSpan.FromHours(hoursAhead);
        }
        else
        {
            return date;
        }

        return date with { Value = new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset) };
    }

    /// <summary>Standard UTC offsets, in hours, of Latin American countries by their domain (none of these keeps summer time but Chile and Paraguay, whose one-hour shift is left aside).</summary>
    private static readonly Dictionary<string, int> LatinAmericanOffsets = new(StringComparer.Ordinal)
    {
        ["ar"] = -3,
        ["br"] = -3,
        ["uy"] = -3,
        ["bo"] = -4,
        ["ve"] = -4,
        ["py"] = -4,
        ["cl"] = -4,
        ["co"] = -5,
        ["pe"] = -5,
        ["ec"] = -5,
        ["mx"] = -6,
        ["gt"] = -6,
        ["sv"] = -6,
        ["hn"] = -6,
        ["ni"] = -6,
        ["cr"] = -6,
    };

    private static int? CountryOffset(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var dot = uri.Host.LastIndexOf('.');
        return dot > 0 && LatinAmericanOffsets.TryGetValue(uri.Host[(dot + 1)..].ToLowerInvariant(), out var hours) ? hours : null;
    }

    /// <summary>EU summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    private static bool IsEuropeanSummerTime(DateTime utc)
    {
        static DateTime LastSunday(int year, int month)
        {
            var d = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
            return d.AddDays(-(int)d.DayOfWeek);
        }

        return utc >= LastSunday(utc.Year, 3) && utc < LastSunday(utc.Year, 10);
    }

    /// <summary>
    /// How the page's locale writes a slashed date whose numbers could both be the month: US English month first;
    /// English elsewhere and the languages that write dates with slashes day first (en-GB, fr, es, it, pt…). Plain
    /// "en", no language, or a language that writes its dates with dots (a slash there comes from a theme made
    /// for another locale) does not say.
    /// </summary>
    internal static bool? MonthFirst(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var code = language.Trim().ToLowerInvariant().Replace('_', '-');
        if (code.StartsWith("en-", StringComparison.Ordinal))
        {
            return code == "en-us";
        }

        var dash = code.IndexOf('-', StringComparison.Ordinal);
        return SlashDayFirstLanguages.Contains(dash > 0 ? code[..dash] : code) ? false : null;
    }

    /// <summary>Languages whose own way of writing a date in digits is day/month/year.</summary>
    private static readonly HashSet<string> SlashDayFirstLanguages = new(StringComparer.Ordinal) { "fr", "es", "it", "pt", "ca", "el", "id", "ms", "vi" };

    /// <summary>
    /// The page's date candidates in order of trust; <paramref name="datelineNearHeadline"/> says whether the first
    /// dateline among them stands at the headline (under it or just above), not further up the page.
    /// </summary>
    private static ImmutableArray<PageDate> Dates(PageElements found, Dictionary<string, string> meta, LdInfo ld, string? url, ContentChoice choice, IReadOnlyList<TextBlock> blocks, bool? monthFirst, DateTimeOffset? fetchedAt, string? markup, out bool datelineNearHeadline)
    {
        var list = ImmutableArray.CreateBuilder<PageDate>();
        // A page cannot have been published after it was fetched: a later date is an event's, a countdown's or a
        // template's (a day of grace covers time zones).
        var latest = fetchedAt?.UtcDateTime.Date.AddDays(1);
        void Add(string? text, string source, bool machine = true)
        {
            var parsed = machine ? HtmlDates.ParseMachine(text, monthFirst) : HtmlDates.ParseText(text ?? "", monthFirst);
            if (parsed is { } p && !(p.Value.Date > latest))
            {
                list.Add(new PageDate(p.Value, p.HasTime, text!, source));
            }
        }

        Add(ld.Published, "json-ld:datePublished");
        foreach (var key in PublishedKeys)
        {
            Add(Meta(meta, key), "meta:" + key);
        }

        // Sites' own names for the same stamp ("published", "published-date", "w-published-date"), after the known ones.
        foreach (var (key, value) in meta)
        {
            if (PublishedKeyName().IsMatch(key) && !PublishedKeys.Contains(key, StringComparer.Ordinal) && !WeakDateKeys.Contains(key, StringComparer.Ordinal))
            {
                Add(value, "meta:" + key);
            }
        }

        foreach (var el in found.ItemProps.Where(DatePublishedProp.Match).Take(2))
        {
            Add(el.GetAttribute("content") ?? el.GetAttribute("datetime") ?? el.TextContent, "microdata:datePublished");
        }

        if (HtmlDates.FromUrl(url) is { } fromUrl && !(fromUrl.Date > latest))
        {
            list.Add(new PageDate(fromUrl, false, url!, "url"));
        }

        Add(ld.Created, "json-ld:dateCreated");

        // A <time> in the article or its header, before the body text: the visible publication stamp.
        var scope = choice.Container?.ParentElement?.ParentElement;
        var container = choice.Container;
        // A <time> in a block quote belongs to the quoted post (an embedded Instagram or X post), not to the article.
        foreach (var time in found.Times.Where(t => scope is null || (t != scope && scope.Contains(t)))
                     .Where(t => !InBlockquote(t))
                     .Where(t => container is null || container.Contains(t) || !container.CompareDocumentPosition(t).HasFlag(DocumentPositions.Following)).Take(3))
        {
            var dt = time.GetAttribute("datetime");
            if (dt is not null)
            {
                Add(dt, "html:time");
            }
            else
            {
                Add(Clean(time.TextContent), "html:time", machine: false);
            }
        }

        // A dateline: a short block between the headline and the first lines of the body (never a date inside
        // the body's sentences).
        var firstBody = choice.Blocks.Select((b, i) => (b, i)).FirstOrDefault(x => x.b.Role == BlockRole.Body).i;
        var headline = -1;
        for (var i = 0; i < firstBody && i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.Heading1)
            {
                headline = i;
            }
        }

        // The blocks under the headline come first, then the two just above it (a kicker's line), and only then
        // the ones further up, where dates belong to a teaser rail or to today's date in the site's top bar.
        var from = Math.Max(0, Math.Min(firstBody - 12, headline < 0 ? int.MaxValue : headline - 2));
        // A dateline stands within a few blocks of the headline: when the text found starts far below it, the blocks
        // between are lists and boxes (an events list with its own dates), not the article's header.
        var to = Math.Min(blocks.Count, headline < 0 ? firstBody + 3 : Math.Min(firstBody + 3, headline + 25));
        var under = headline < 0 ? from : headline;
        var headlineElement = headline < 0 ? null : blocks[headline].Container;
        var above = Math.Max(from, under - 2);
        void AddDatelines(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                // A quoted post's date line ("— Harbour Ferries, April 21, 2019") is the post's; a forum's
                // "Registriert: 18.09.2008" is when the poster joined.
                if (blocks[i].Text.Length <= 120 && !InBlockquote(blocks[i].Container) && !ProfileStamp().IsMatch(blocks[i].Text)
                    && !InOtherArticle(blocks[i].Container, container, headlineElement))
                {
                    Add(blocks[i].Text, "text:dateline", machine: false);
                }
            }
        }

        AddDatelines(under, to);
        AddDatelines(above, under);
        datelineNearHeadline = list.Any(d => d.Source == "text:dateline");
        AddDatelines(from, above);

        // A relative stamp under the headline ("3 hours ago", "vor 2 Tagen") names a day only from when the page
        // was fetched; it comes after every dated line.
        if (fetchedAt is { } fetched)
        {
            for (var i = under; i < to; i++)
            {
                if (HtmlDates.ParseRelative(blocks[i].Text, fetched) is { } relative)
                {
                    list.Add(new PageDate(relative, false, blocks[i].Text, "text:relative"));
                    break;
                }
            }
        }

        // A labelled stamp anywhere from the top of the page to just after the body ("Published on Oct 21, 2025",
        // "Veröffentlicht am 16.08.2019", "Updated March 13, 2024", or the label and the date in two blocks): pages
        // often put it in a header or a meta bar far from the first paragraph, or under the text. Publication
        // labels before update labels; comments and lists further down are not read.
        var lastBody = -1;
        for (var i = 0; i < choice.Blocks.Count; i++)
        {
            if (choice.Blocks[i].Role == BlockRole.Body)
            {
                lastBody = i;
            }
        }

        var end = Math.Min(blocks.Count, lastBody < 0 ? blocks.Count : lastBody + 6);
        var (published, updated) = LabelledStamps(blocks, 0, end, monthFirst, skipChrome: false);
        if (published is { } pub)
        {
            Add(pub.Text, "text:published", machine: false);
        }

        foreach (var key in WeakDateKeys)
        {
            Add(Meta(meta, key), "meta:" + key);
        }

        if (updated is { } upd)
        {
            Add(upd.Text, "text:updated", machine: false);
        }

        Add(ld.Modified, "meta:modified:json-ld");
        foreach (var key in ModifiedKeys)
        {
            Add(Meta(meta, key), "meta:modified:" + key);
        }

        // Sites' own names for the update stamp ("modified-date", "og:modified_time", itemprop "dateUpdate"), after the known ones.
        foreach (var (key, value) in meta)
        {
            if (ModifiedKeyName().IsMatch(key) && !ModifiedKeys.Contains(key, StringComparer.Ordinal))
            {
                Add(value, "meta:modified:" + key);
            }
        }

        if (list.Count == 0)
        {
            // Nothing states the date where the rules above look: a dateline opening one of the article's own
            // paragraphs ("29.11.2022 – Mehrfach …", "31. Oktober 2023. Dragqueens …") is its stamp; else the page's
            // first stamp, in a <time> anywhere, or in a short block of its own from the top of the page to the end
            // of the article ("13.01.2022", "Author: Bo2man am 29.12.2010, 13:36 Uhr"), is the best guess; a date
            // inside a sentence is not, nor a comment's stamp.
            for (var i = 0; i < end && i < choice.Blocks.Count && list.Count == 0; i++)
            {
                if (choice.Blocks[i].Role is BlockRole.Body or BlockRole.Standfirst && HtmlDates.OpensWithDate(blocks[i].Text) is { } opening)
                {
                    Add(opening, "text:stamp", machine: false);
                }
            }

            foreach (var time in found.Times.Where(t => !InOrIn(t, CommentArea) && !InBlockquote(t) && !InOtherArticle(t, container, headlineElement)).Take(3))
            {
                Add(time.GetAttribute("datetime") ?? Clean(time.TextContent), "html:time:page", machine: time.HasAttribute("datetime"));
                if (list.Count > 0)
                {
                    return list.ToImmutable();
                }
            }

            foreach (var stamp in found.Stamps.Take(3))
            {
                Add(stamp.GetAttribute("content") ?? stamp.GetAttribute("title"), "html:stamp");
                if (list.Count > 0)
                {
                    return list.ToImmutable();
                }
            }

            for (var i = 0; i < end && list.Count == 0; i++)
            {
                // A meta line opening with the date: "⋅ November 22, 2011 ⋅ Email this post ⋅ Print". The walk up
                // for a comment area costs more than the text checks, so it comes last.
                var text = blocks[i].Text;
                var stamp = text.Length <= 60 && !IsSentence(text) && !ProfileStamp().IsMatch(text) ? text : HtmlDates.OpensWithDate(text);
                if (stamp is not null && !InOrIn(blocks[i].Container, CommentArea) && !InOtherArticle(blocks[i].Container, container, headlineElement))
                {
                    Add(stamp, "text:stamp", machine: false);
                }
            }

            // Last, a labelled stamp further down, outside the site's chrome ("Published" over "Feb 2, 2023" in a
            // box after the article).
            if (list.Count == 0)
            {
                var (latePublished, lateUpdated) = LabelledStamps(blocks, end, blocks.Count, monthFirst, skipChrome: true, container);
                Add((latePublished ?? lateUpdated)?.Text, latePublished is null ? "text:updated" : "text:published", machine: false);
            }

            // A labelled stamp that names only the month ("Last Updated: June 2022") gives its first day, as
            // htmldate reads it: a month is nearer than no date at all.
            for (var i = 0; i < blocks.Count && list.Count == 0; i++)
            {
                if (blocks[i].Text.Length <= 60 && !InOrIn(blocks[i].Container, CommentArea) && DateLabel().Match(blocks[i].Text) is { Success: true } label
                    && HtmlDates.ParseMonthYear(label.Groups["rest"].Value) is { } month)
                {
                    list.Add(new PageDate(month, false, blocks[i].Text, "text:month"));
                }
            }

            // Last of all, a wiki's footer ("This page was last edited on 4 November 2020, at 19:23", "(last edited
            // 2019-11-10 13:28:18 by …)", "Diese Seite wurde zuletzt am 4. November 2020 bearbeitet"): when the page
            // was last changed is all it says of its date.
            for (var i = blocks.Count - 1; i >= 0 && list.Count == 0; i--)
            {
                if (blocks[i].Text.Length <= 200 && LastEdited().IsMatch(blocks[i].Text))
                {
                    Add(blocks[i].Text, "text:updated", machine: false);
                }
            }

            // Then the first full timestamp in the page's scripts ("createdAt":"2022-01-31T15:58:43+01:00" in an
            // app's state, "publishedDate":"2016-11-04T20:37:27Z" in a widget's data), as htmldate rescues a page:
            // stamps to the second are a record's, not a calendar's, and only a creation or publication key's (a
            // session's expiry or a record's update is not the page's date). The parsed document has no scripts left (see
            // HtmlPrefilter), so the markup is read; a stamp outside a script (a comment's <time>) is passed over.
            if (list.Count == 0 && markup is not null)
            {
                // A few stamps are tried: each test looks back through the markup.
                var tried = 0;
                for (var m = MarkupTimestamp().Match(markup); m.Success && list.Count == 0 && tried++ < 20; m = m.NextMatch())
                {
                    if (InScript(markup, m.Index))
                    {
                        Add(m.Value, "script:timestamp");
                    }
                }
            }
        }

        return list.ToImmutable();
    }

    /// <summary>
    /// The first publication and the first update stamp labelled as such in the blocks from <paramref name="from"/>
    /// to <paramref name="to"/> ("Published on Oct 21, 2025", "Veröffentlicht am 16.08.2019", "Updated March 13, 2024",
    /// or the label and the date in two blocks), each line of a block read on its own: a line break often parts a
    /// stamp from the duration or licence printed under it.
    /// </summary>
    private static ((string Text, bool Updated)? Published, (string Text, bool Updated)? Updated) LabelledStamps(
        IReadOnlyList<TextBlock> blocks, int from, int to, bool? monthFirst, bool skipChrome, IElement? container = null)
    {
        (string Text, bool Updated)? published = null, updated = null;
        // Below the article, what follows the first comment is the comments' own (a reply's "Posted on …"), and a
        // stamp in the site's chrome is not the article's. Those walks up the tree cost more than the label regex, so
        // they are made only for a block that gives a stamp, for it and the blocks before it not yet walked.
        var beforeComments = from;
        for (var i = from; i < to && (published is null || updated is null); i++)
        {
            var text = blocks[i].Text;
            var multiline = text.Contains('\n', StringComparison.Ordinal);
            if (text.Length > 100 && !multiline)
            {
                continue;
            }

            foreach (var line in multiline ? text.Split('\n', 4, StringSplitOptions.TrimEntries) : [text])
            {
                if (line.Length > 100 || (DateLabel().Match(line) is { Success: true } start ? start : UpdateLabelInLine().Match(line)) is not { Success: true } m)
                {
                    continue;
                }

                var rest = m.Groups["rest"].Value;
                if (rest.Length == 0 && i + 1 < blocks.Count && blocks[i + 1].Text.Length <= 40)
                {
                    rest = blocks[i + 1].Text;
                }

                if (rest.Length == 0 || HtmlDates.ParseText(rest, monthFirst) is null)
                {
                    continue;
                }

                if (skipChrome)
                {
                    for (; beforeComments <= i; beforeComments++)
                    {
                        if (InOrIn(blocks[beforeComments].Container, CommentArea))
                        {
                            return (published, updated);
                        }
                    }

                    if (InPageChrome(blocks[i].Container, container))
                    {
                        break;
                    }
                }

                if (m.Groups["upd"].Success)
                {
                    updated ??= (rest, true);
                }
                else
                {
                    published ??= (rest, false);
                }
            }
        }

        return (published, updated);
    }

    private static readonly ISelector ChromeArea = Parsed("nav, footer, aside, [class*=comment], [id*=comment], [role=navigation], [role=contentinfo]");
    private static readonly ISelector CommentArea = Parsed("[class*=comment], [id*=comment]");

    /// <summary>
    /// True when the element is in the site's chrome rather than the article: navigation, a footer, a side rail, a
    /// comment, or a page header that neither holds the article's text nor sits inside an article.
    /// </summary>
    private static bool InPageChrome(IElement element, IElement? container)
    {
        if (container is not null && (container.Contains(element) || element.Contains(container)))
        {
            return false;
        }

        for (var el = element; el is not null; el = el.ParentElement)
        {
            if (ChromeArea.Match(el))
            {
                return true;
            }

            if (el.LocalName == "header")
            {
                var inArticle = false;
                for (var up = el.ParentElement; up is not null && !inArticle; up = up.ParentElement)
                {
                    inArticle = up.LocalName is "article" or "main";
                }

                return !inArticle;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the element is in an &lt;article&gt; that holds neither the page's text nor its headline: a teaser
    /// for another story (a carousel's card, a related post), whose date is that story's.
    /// </summary>
    private static bool InOtherArticle(IElement element, IElement? container, IElement? headline)
    {
        for (var el = element; el is not null; el = el.ParentElement)
        {
            if (el.LocalName == "article")
            {
                return !(container is not null && (el.Contains(container) || container.Contains(el)))
                    && !(headline is not null && el.Contains(headline));
            }
        }

        return false;
    }

    /// <summary>True when the element is in a block quote: a quoted or embedded post, with its own date.</summary>
    private static bool InBlockquote(IElement element)
    {
        for (var el = element; el is not null; el = el.ParentElement)
        {
            if (el.LocalName == "blockquote")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A text that reads as a sentence: six or more words ending in a full stop, or Chinese or Japanese text with a comma or a full stop of its own (，。、), which writes no spaces.</summary>
    private static bool IsSentence(string text) =>
        (text.EndsWith('.') && text.Count(c => c == ' ') >= 5) || text.AsSpan().IndexOfAny('。', '，', '、') >= 0;

    /// <summary>
    /// Whitespace collapsed and trimmed. Soft hyphens are kept when <paramref name="keepSoftHyphens"/>: in a title
    /// tag or a meta title, which no one lays out, they are the editor's own ("Deutsch&amp;shy;land"), where in an h1
    /// a hyphenation tool may have put one in every word.
    /// </summary>
    internal static string Clean(string s, bool keepSoftHyphens = false)
    {
        // Values in attributes and JSON are often escaped twice ("&amp;amp;", "&#038;").
        if (s.Contains('&', StringComparison.Ordinal) && s.Contains(';', StringComparison.Ordinal))
        {
            s = System.Net.WebUtility.HtmlDecode(s);
        }

        // Soft hyphens and zero-width spaces are hints for line breaking, not characters of the text.
        if (s.Contains('\u200B', StringComparison.Ordinal))
        {
            s = s.Replace("\u200B", "", StringComparison.Ordinal);
        }

        if (!keepSoftHyphens && s.Contains('\u00AD', StringComparison.Ordinal))
        {
            s = s.Replace("\u00AD", "", StringComparison.Ordinal);
        }

        return Whitespace().Replace(s, " ").Trim();
    }

    private static string Key(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"^(?:by|von|par|por|de|and|und|author|autor|posted|written|updated|published|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|guest|anonymous|unknown)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotANameWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A meta name for a publication stamp: "published", or "publish"/"published"/"pub" with "date" or "time".</summary>
    [GeneratedRegex(@"(?:^|[:._-])(?:published|(?:publish(?:ed)?|pub)[-_.]?(?:date|time))$", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedKeyName();

    /// <summary>
    /// The words that label a date as an update's, in the languages of <see cref="DateLabel"/>; one list for the label at a
    /// block's start and for the word anywhere in a dateline, so the two read the same languages.
    /// </summary>
    private const string UpdateWords = @"(?:last\s+)?(?:updated|modified|revised)|aktualisiert|zuletzt\s+aktualisiert|letzte\s+änderung|geändert|mis\s+à\s+jour|actualizado|atualizado|actualitzat|aggiornato|bijgewerkt|zaktualizowano|aktualizováno|uppdaterad|opdateret|oppdatert|päivitetty|обновлено|оновлено|güncellendi|frissítve|actualizat";

    /// <summary>The words that label a date as the publication's, in the same languages (one list, as <see cref="UpdateWords"/>).</summary>
    private const string PublicationWords = @"published|posted|veröffentlicht|erschienen|publié|publicado|publicada|pubblicato|gepubliceerd|opublikowano|publikováno|zveřejněno|publicerad|publiceret|publisert|julkaistu|опубликовано|опубліковано|yayınlanma|yayınlandı|közzétéve|publicat";

    /// <summary>
    /// A stamp's label at the start of a short block, and what follows it (group "upd" when it names an update): English,
    /// German, French, Spanish, Portuguese, Catalan, Italian, Dutch, Polish, Czech, Scandinavian, Finnish, Russian,
    /// Ukrainian, Turkish, Hungarian, Romanian.
    /// </summary>
    [GeneratedRegex(@"^\W{0,3}(?:(?:first|originally)\s+)?(?:(?<upd>" + UpdateWords + ")|" + PublicationWords + @"|released|dated?|erstellt|datum|stand)(?:\s+(?:on|am|le|el|il|op|at))?\s*:?\s*(?<rest>.{0,60})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    /// <summary>
    /// An update's label after a byline or a section on the same line ("By Richard Garner Updated Sep 5, 2024",
    /// "David Hartshorne•Updated on Jul 4, 2024 •28 min read"), capitalised as a label is, not as a sentence's verb
    /// ("we updated it on …"), with what follows it (group "upd" always set, as in <see cref="DateLabel"/>).
    /// </summary>
    [GeneratedRegex(@"(?<=[\p{L}\s•·|,–—-])(?<upd>(?:Last\s+[Uu]pdated|LAST\s+UPDATED|Updated|UPDATED|Aktualisiert|Zuletzt\s+aktualisiert|Mis\s+à\s+jour|Actualizado|Atualizado|Aggiornato|Bijgewerkt))(?:\s+(?:on|am|le|el|il|op|at))?\s*:?\s*(?<rest>.{0,60})$", RegexOptions.CultureInvariant)]
    private static partial Regex UpdateLabelInLine();

    [GeneratedRegex(@"\s+(?:\||–|—|-|::|·|»|•)\s+")]
    private static partial Regex TitleSeparator();

    /// <summary>The separators of a title tag's parts, and a spaced colon ("Muffin Grundrezept : Muffin Rezepte") as well.</summary>
    [GeneratedRegex(@"\s+(?:\||–|—|-|::?|·|»|•)\s+")]
    private static partial Regex SiteNameSeparator();

    /// <summary>Labels content systems put in every title tag: WordPress's "Blog Archive" (German "Blog Archiv").</summary>
    [GeneratedRegex(@"^blog[ -]archiv(?:e|es)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CmsTitleLabel();

    [GeneratedRegex(@"^(?:(?:(?:zeige\s+|view\s+|see\s+)?(?:alle?\s+|all\s+)?(?:weiteren\s+)?(?:beiträge|artikel|posts|articles|stories)|alles|mehr|more)\s+(?:von|by|from)\s+|(?:(?:written|posted|published|reviewed|updated|reported|text|photos?|eingestellt|erstellt|geschrieben|verfasst|veröffentlicht|gepostet|publié|écrit|publicado|escrito|pubblicato|scritto)\s+)?(?:by|von|par|por|di|door|av|de|ved|autor(?:in)?|author|texte?):?\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:\||•|·|\bon\b\s+\w+\s+\d|\d|\s(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:updated|published|posted|veröffentlicht|aktualisiert|am|stand)\b|\b\w+\s+ago\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    [GeneratedRegex(@"\b(?:ago|hours?|minutes?|days?|read|share|follow|comments?|subscribe|newsletter|admin|click|more|articles?|posts?|view|profile|contact|email|twitter|facebook|about|menu|home|search|login|sign|the author|no author|written|reviewed|fact.checked|medically|edited|edition|revised|youtube|instagram|linkedin|pinterest|tiktok|artikel|beitrag|beiträge|profil|afficher|zuletzt|geändert|geprüft|(?:is|was|has been|ist) (?:an?|the|ein|eine)|\[at\]|\(at\))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    /// <summary>A meta name for an update stamp: "modified" or "updated" with "date" or "time", either way round ("modified-date", "og:modified_time", "dateupdate", "lastmodifieddate").</summary>
    [GeneratedRegex(@"(?:^|[:._-])(?:(?:last[-_.]?)?(?:modified|updated?)[-_.]?(?:date|time)|date[-_.]?(?:modified|updated?))$", RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedKeyName();

    /// <summary>A word that labels a date as the publication's, anywhere in a dateline.</summary>
    [GeneratedRegex(@"\b(?:" + PublicationWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    /// <summary>A dateline with one date and no word saying whether it is the publication's or an update's.</summary>
    private static bool IsBareDateline(string text) =>
        !UpdatedWord().IsMatch(text) && !PublishedWord().IsMatch(text) && YearNumber().Count(text) == 1;

    /// <summary>A word that labels a date as an update's, anywhere in a dateline.</summary>
    [GeneratedRegex(@"\b(?:" + UpdateWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedWord();

    /// <summary>A year of this or the last century standing alone (not part of a longer number).</summary>
    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearNumber();

    /// <summary>A forum poster's profile line: when they joined, not when the post was written ("Registriert: 18.09.2008", "Joined: Mar 2010", "Member since 2012").</summary>
    [GeneratedRegex(@"\b(?:registriert|registered|joined|member\s+since|mitglied\s+seit|dabei\s+seit|anmeldedatum|inscrit|inscription|registrado|registrato|iscritto|iscrizione|lid\s+sinds|geregistreerd|zarejestrowany|регистрация|зарегистрирован)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProfileStamp();

    /// <summary>A wiki's note of its last edit, in the languages of its common footers.</summary>
    [GeneratedRegex(@"\blast\s+(?:edited|modified|changed)\b|\bzuletzt\b.{0,40}\b(?:bearbeitet|geändert)\b|\bdernière\s+modification\b|\bpor\s+última\s+vez\b|\bultima\s+modifica\b|\blaatst\s+(?:bewerkt|gewijzigd)\b|\bostatnio\s+edytowano\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastEdited();

    /// <summary>True when the position in the markup is inside a script element: after a "&lt;script" with no "&lt;/script" since.</summary>
    private static bool InScript(string markup, int at)
    {
        var open = markup.LastIndexOf("<script", at, StringComparison.OrdinalIgnoreCase);
        return open >= 0 && markup.IndexOf("</script", open, at - open, StringComparison.OrdinalIgnoreCase) < 0;
    }

    /// <summary>
    /// An ISO date with a time to the second ("2022-01-31T15:58:43", "2016-11-04 20:37:27") as the value of a key that
    /// names the record's creation or publication ("createdAt", "published_at", "publishedDate", "datePublished",
    /// "uploadDate", "publish_at"), JSON quotes escaped or not. A bare stamp is too often another thing's: a session's
    /// expiry, an "updated_at", a widget's name.
    /// </summary>
    [GeneratedRegex(@"(?<=(?i:created|creation|publish|published|publication|posted|upload|date_?published|date_?created)(?i:_?(?:at|date|time|on))?\\?""?\s*:\s*\\?"")(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTimestamp();
}
