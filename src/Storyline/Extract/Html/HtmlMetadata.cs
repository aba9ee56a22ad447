using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "sailthru.date", "parsely-pub-date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "date",
        "citation_publication_date", "citation_date", "article.published", "originalpublicationdate", "og:pubdate",
        "cxenseparse:recs:publishtime", "release_date", "creation_date", "date_published", "article_date_original", "displaydate",
    ];

    private static readonly string[] ModifiedKeys = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified", "dcterms.modified"];

    private static readonly string[] AuthorKeys = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator:name", "cxenseparse:author"];

    private static readonly string[] ArticleTypes =
    [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "report", "scholarlyarticle", "techarticle", "liveblogposting",
        "socialmediaposting", "posting", "review", "recipe", "howto", "medicalwebpage", "creativework", "videoobject",
    ];

    public static ArticleMetadata Read(IHtmlDocument doc, string? pageUrl, ContentChoice choice, IReadOnlyList<TextBlock> blocks)
    {
        var meta = MetaTags(doc);
        var ld = JsonLd(doc);
        var notes = ImmutableArray.CreateBuilder<string>();

        var canonical = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url");
        if (canonical is not null && !Uri.TryCreate(canonical, UriKind.Absolute, out _))
        {
            canonical = pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, canonical, out var abs) ? abs.ToString() : null;
        }

        var url = canonical ?? pageUrl;
        var outlet = Meta(meta, "og:site_name") is { } site ? new MetaValue(site, "meta:og:site_name")
            : ld.Publisher is { } pub ? new MetaValue(pub, "json-ld:publisher")
            : Meta(meta, "application-name") is { } app ? new MetaValue(app, "meta:application-name")
            : null;

        var title = Title(doc, meta, ld, choice, outlet?.Value);
        var language = doc.DocumentElement.GetAttribute("lang") is { Length: > 0 } lang ? new MetaValue(lang.Trim(), "html:lang")
            : Meta(meta, "content-language") is { } cl ? new MetaValue(cl, "meta:content-language")
            : ld.Language is { } il ? new MetaValue(il, "json-ld:inLanguage")
            : Meta(meta, "og:locale") is { } loc ? new MetaValue(loc, "meta:og:locale")
            : null;
        var standfirst = Meta(meta, "og:description") is { } od ? new MetaValue(od, "meta:og:description")
            : Meta(meta, "description") is { } md ? new MetaValue(md, "meta:description")
            : ld.Description is { } jd ? new MetaValue(jd, "json-ld:description")
            : null;

        var byline = Authors(doc, meta, ld, choice);
        var dates = Dates(doc, meta, ld, pageUrl ?? url, choice, blocks);
        var date = dates.FirstOrDefault();
        if (date is not null && date.Source.StartsWith("meta:modified", StringComparison.Ordinal))
        {
            notes.Add("no publication date on the page; the date is when it was last modified");
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

    private static Dictionary<string, string> MetaTags(IHtmlDocument doc)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            map.TryAdd(key.Trim().ToLowerInvariant(), Clean(content));
        }

        return map;
    }

    /// <summary>What the page's JSON-LD says about its article (the first article-like node; a WebPage node as fallback).</summary>
    private sealed record LdInfo(string? Headline, string? Published, string? Created, string? Modified, IReadOnlyList<string> Authors, string? Publisher, string? Description, string? Language);

    private static LdInfo JsonLd(IHtmlDocument doc)
    {
        var nodes = new List<(JsonElement Node, int Rank)>();
        var docs = new List<JsonDocument>();
        try
        {
            foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
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
                return new LdInfo(null, null, null, null, [], null, null, null);
            }

            var best = nodes.OrderBy(n => n.Rank).First().Node;
            var published = Str(best, "datePublished") ?? nodes.Select(n => Str(n.Node, "datePublished")).FirstOrDefault(s => s is not null);
            var authors = AuthorNames(best);
            if (authors.Count == 0)
            {
                authors = nodes.Where(n => n.Rank < 2).Select(n => AuthorNames(n.Node)).FirstOrDefault(a => a.Count > 0) ?? [];
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

    private static List<string> AuthorNames(JsonElement node)
    {
        var names = new List<string>();
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("author", out var a))
        {
            return names;
        }

        void Add(JsonElement e)
        {
            var name = e.ValueKind == JsonValueKind.String ? e.GetString() : e.ValueKind == JsonValueKind.Object ? Str(e, "name") : null;
            if (name is not null && CleanAuthor(name) is { } clean && !names.Contains(clean))
            {
                names.Add(clean);
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

        return names;
    }

    private static MetaValue? Title(IHtmlDocument doc, Dictionary<string, string> meta, LdInfo ld, ContentChoice choice, string? outlet)
    {
        var h1s = doc.QuerySelectorAll("h1").Select(h => Clean(h.TextContent)).Where(t => t.Length > 0).Take(5).ToList();
        var og = Meta(meta, "og:title") ?? Meta(meta, "twitter:title");
        var titleTag = doc.Title is { } t ? Clean(t) : null;
        var references = new[] { og, ld.Headline, titleTag }.Where(r => !string.IsNullOrEmpty(r)).Select(r => Key(r!)).ToList();

        // An h1 that the page's own title tags repeat is the headline as readers see it.
        foreach (var h1 in h1s)
        {
            var k = Key(h1);
            if (k.Length >= 8 && references.Any(r => r.Contains(k, StringComparison.Ordinal)))
            {
                return new MetaValue(h1, "html:h1");
            }
        }

        if (ld.Headline is { } headline)
        {
            return new MetaValue(StripSite(headline, outlet), "json-ld:headline");
        }

        if (og is not null)
        {
            return new MetaValue(StripSite(og, outlet), "meta:og:title");
        }

        if (h1s.Count > 0 && choice.Container is not null)
        {
            return new MetaValue(h1s[0], "html:h1");
        }

        return titleTag is { Length: > 0 } ? new MetaValue(StripSite(titleTag, outlet), "html:title") : null;
    }

    private static string StripSite(string title, string? outlet)
    {
        var parts = TitleSeparator().Split(title).Where(p => p.Trim().Length > 0).Select(p => p.Trim()).ToList();
        if (parts.Count < 2)
        {
            return title;
        }

        var outletKey = outlet is null ? null : Key(outlet);
        var kept = parts.Where(p => outletKey is null || !(Key(p).Contains(outletKey, StringComparison.Ordinal) || outletKey.Contains(Key(p), StringComparison.Ordinal))).ToList();
        if (kept.Count == parts.Count)
        {
            // No part names the site: the longest part is the headline when the others are short labels.
            var longest = parts.OrderByDescending(p => p.Length).First();
            return longest.Length >= title.Length * 0.5 && parts.IndexOf(longest) == 0 ? longest : title;
        }

        return kept.Count == 0 ? title : string.Join(" - ", kept);
    }

    private static MetaValue? Authors(IHtmlDocument doc, Dictionary<string, string> meta, LdInfo ld, ContentChoice choice)
    {
        if (ld.Authors.Count > 0)
        {
            return new MetaValue(string.Join(", ", ld.Authors), "json-ld:author");
        }

        foreach (var key in AuthorKeys)
        {
            if (Meta(meta, key) is { } v && !v.Contains("://", StringComparison.Ordinal) && CleanAuthor(v) is { } name)
            {
                return new MetaValue(name, "meta:" + key);
            }
        }

        var scope = (IParentNode?)choice.Container?.ParentElement ?? doc;
        foreach (var selector in new[] { "[itemprop=author] [itemprop=name]", "[itemprop=author]", "[rel=author]", "[class*=author-name]", "[class*=authorname]", "[class*=byline__name]", "[class*=byline] a", "[class*=byline]", "[class*=author] a", "[class*=author]" })
        {
            foreach (var el in scope.QuerySelectorAll(selector).Take(3))
            {
                var text = el.GetAttribute("content") ?? el.TextContent;
                if (CleanAuthor(text) is { } name)
                {
                    return new MetaValue(name, "html:" + selector);
                }
            }
        }

        return null;
    }

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

        s = s.Trim(' ', ',', ';', '|', '-', '–', '—', ':', '·');
        if (s.Length is < 2 or > 100 || s.Contains('@', StringComparison.Ordinal) || s.Contains("://", StringComparison.Ordinal)
            || s.Any(char.IsDigit) || NotAName().IsMatch(s) || !s.Any(char.IsLetter))
        {
            return null;
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 12 ? null : s;
    }

    private static ImmutableArray<PageDate> Dates(IHtmlDocument doc, Dictionary<string, string> meta, LdInfo ld, string? url, ContentChoice choice, IReadOnlyList<TextBlock> blocks)
    {
        var list = ImmutableArray.CreateBuilder<PageDate>();
        void Add(string? text, string source, bool machine = true)
        {
            var parsed = machine ? HtmlDates.ParseMachine(text) : HtmlDates.ParseText(text ?? "");
            if (parsed is { } p)
            {
                list.Add(new PageDate(p.Value, p.HasTime, text!, source));
            }
        }

        Add(ld.Published, "json-ld:datePublished");
        foreach (var key in PublishedKeys)
        {
            Add(Meta(meta, key), "meta:" + key);
        }

        foreach (var el in doc.QuerySelectorAll("[itemprop=datePublished]").Take(2))
        {
            Add(el.GetAttribute("content") ?? el.GetAttribute("datetime") ?? el.TextContent, "microdata:datePublished");
        }

        if (HtmlDates.FromUrl(url) is { } fromUrl)
        {
            list.Add(new PageDate(fromUrl, false, url!, "url"));
        }

        Add(ld.Created, "json-ld:dateCreated");

        // A <time> in the article or its header, before the body text: the visible publication stamp.
        var scope = (IParentNode?)choice.Container?.ParentElement?.ParentElement ?? doc;
        foreach (var time in scope.QuerySelectorAll("time").Take(3))
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

        // A dateline: a short block near the top that states a date (never a date inside the body's sentences).
        var firstBody = choice.Blocks.Select((b, i) => (b, i)).FirstOrDefault(x => x.b.Role == BlockRole.Body).i;
        for (var i = Math.Max(0, firstBody - 12); i < Math.Min(blocks.Count, firstBody + 3); i++)
        {
            var b = blocks[i];
            if (b.Text.Length <= 120)
            {
                Add(b.Text, "text:dateline", machine: false);
            }
        }

        Add(ld.Modified, "meta:modified:json-ld");
        foreach (var key in ModifiedKeys)
        {
            Add(Meta(meta, key), "meta:modified:" + key);
        }

        return list.ToImmutable();
    }

    /// <summary>Whitespace collapsed and trimmed.</summary>
    internal static string Clean(string s) => Whitespace().Replace(s, " ").Trim();

    private static string Key(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+(?:\||–|—|-|::|·|»|•)\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^(?:(?:written|posted|published|reviewed|updated|reported|text|photos?)\s+)?(?:by|von|par|por|di|door|av|de|ved|autor(?:in)?:?|author:?|texte?:?|text:?)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:\||•|·|\bon\b\s+\w+\s+\d|\d|\b(?:updated|published|posted|veröffentlicht|aktualisiert|am)\b|\b\w+\s+ago\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    [GeneratedRegex(@"\b(?:ago|hours?|minutes?|days?|read|share|follow|comments?|subscribe|newsletter|staff|admin|editorial|redaktion|team|click|more|articles?|posts?|view|profile|contact|email|twitter|facebook|about|menu|home|search|login|sign)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();
}
