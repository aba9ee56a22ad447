using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Storyline.Model;

namespace Storyline.Ingest;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, one item at a time, as pages: an item's full text
/// (<c>content:encoded</c>, Atom <c>content</c>) or else its description or summary becomes an HTML page that the
/// normal HTML extractor reads; its title, link, date and author travel as <see cref="PageHints"/> named
/// <c>feed</c>. A feed is recognised by its root element, whatever the file is called. Thread-safe (stateless).
/// </summary>
public static partial class FeedReader
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlReaderSettings Settings = new()
    {
        // Feeds with a DOCTYPE (RSS 0.91) are common; their entities are not worth a network fetch, and
        // external entities are never resolved.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>True when the bytes start (after a BOM, the XML declaration, comments and a doctype) with an rss, feed or RDF root.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var i = head.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal) ? 3 : 0;
        while (i < head.Length)
        {
            while (i < head.Length && char.IsWhiteSpace(head[i]))
            {
                i++;
            }

            if (i >= head.Length || head[i] != '<')
            {
                return false;
            }

            var rest = head.AsSpan(i);
            if (rest.StartsWith("<?") || rest.StartsWith("<!"))
            {
                var comment = rest.StartsWith("<!--");
                var end = comment ? rest.IndexOf("-->") : rest.IndexOf('>');
                if (end < 0)
                {
                    return false;
                }

                i += end + (comment ? 3 : 1);
                continue;
            }

            return IsRoot(rest, "<rss") || IsRoot(rest, "<feed") || IsRoot(rest, "<rdf:RDF") || IsRoot(rest, "<atom:feed");
        }

        return false;
    }

    private static bool IsRoot(ReadOnlySpan<char> rest, string tag) =>
        rest.StartsWith(tag, StringComparison.Ordinal) && rest.Length > tag.Length && (char.IsWhiteSpace(rest[tag.Length]) || rest[tag.Length] == '>');

    /// <summary>Reads a feed file (optionally gzip-compressed) item by item.</summary>
    public static IEnumerable<SourceItem> ReadFile(string file, bool compressed, IngestOptions? options = null)
    {
        var stream = InputFile.Open(file, compressed, out var openError);

        if (stream is null)
        {
            yield return SourceItem.Fail(file, openError ?? "cannot open");
            yield break;
        }

        using (stream)
        {
            foreach (var item in Read(stream, file, null, options))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Reads the items of a feed. <paramref name="name"/> names the feed in origins and errors (a path or the
    /// feed's URL); <paramref name="feedUrl"/>, when known, resolves relative item links. A malformed feed gives
    /// the items before the fault, then one error naming where it is.
    /// </summary>
    public static IEnumerable<SourceItem> Read(Stream stream, string name, string? feedUrl, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var maxBytes = (options ?? new IngestOptions()).MaxPageBytes;
        using var xml = XmlReader.Create(stream, Settings);
        var state = new FeedState(name, feedUrl);
        var number = 0;
        var any = false;
        while (true)
        {
            var (item, error) = NextItem(xml, state);
            if (error is not null)
            {
                yield return SourceItem.Fail(name, error);
                yield break;
            }

            if (item is null)
            {
                break;
            }

            number++;
            any = true;
            yield return ToPage(item, $"{name}#item-{number}", state, maxBytes);
        }

        if (!any)
        {
            yield return SourceItem.Fail(name, "feed has no items");
        }
    }

    private sealed class FeedState(string name, string? feedUrl)
    {
        public string Name { get; } = name;

        public Uri? Base { get; set; } = Uri.TryCreate(feedUrl, UriKind.Absolute, out var u) ? u : null;

        public bool RootSeen { get; set; }

        public bool Atom { get; set; }

        /// <summary>An Atom feed's own author, which entries without one inherit.</summary>
        public string? FeedAuthor { get; set; }
    }

    private static (XElement? Item, string? Error) NextItem(XmlReader xml, FeedState state)
    {
        try
        {
            if (!state.RootSeen)
            {
                if (xml.MoveToContent() != XmlNodeType.Element)
                {
                    return (null, "not an RSS or Atom feed (no root element)");
                }

                if (xml.LocalName is not ("rss" or "feed" or "RDF"))
                {
                    return (null, $"not an RSS or Atom feed (the root element is <{xml.Name}>)");
                }

                state.RootSeen = true;
                state.Atom = xml.LocalName == "feed";
                if (xml.GetAttribute("xml:base") is { } b && Uri.TryCreate(state.Base, b, out var baseUri))
                {
                    state.Base = baseUri;
                }

                xml.Read();
            }

            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "item" or "entry")
                {
                    return ((XElement)XNode.ReadFrom(xml), null);
                }

                if (state.Atom && xml.NodeType == XmlNodeType.Element && xml.Depth == 1 && xml.LocalName == "author")
                {
                    state.FeedAuthor = AtomAuthors([(XElement)XNode.ReadFrom(xml)]);
                    continue;
                }

                xml.Read();
            }

            return (null, null);
        }
        catch (XmlException e)
        {
            return (null, $"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {FirstSentence(e.Message)}; items before it were read");
        }
        catch (DecoderFallbackException)
        {
            return (null, "malformed XML: bytes that do not match the declared encoding; items before it were read");
        }
    }

    private static SourceItem ToPage(XElement item, string origin, FeedState state, long maxBytes)
    {
        var atom = item.Name.LocalName == "entry";
        string? title, link, date, author, html;
        if (atom)
        {
            title = PlainText(Child(item, "title"));
            link = AtomLink(item);
            date = Value(Child(item, "published")) ?? Value(Child(item, "updated"));
            author = AtomAuthors(item.Elements().Where(e => e.Name.LocalName == "author")) ?? state.FeedAuthor;
            html = AtomBody(Child(item, "content")) ?? AtomBody(Child(item, "summary"));
        }
        else
        {
            title = PlainText(Child(item, "title"));
            link = Value(Child(item, "link")) ?? Permalink(item);
            date = Value(Child(item, "pubDate")) ?? Value(item.Element(XName.Get("date", DcNs)));
            var creators = item.Elements(XName.Get("creator", DcNs)).Select(e => Value(e)).OfType<string>().ToList();
            author = creators.Count > 0 ? string.Join(", ", creators) : RssAuthor(Value(Child(item, "author")));
            html = TextOrHtml(Value(item.Element(XName.Get("encoded", ContentNs))) ?? Value(Child(item, "description")));
        }

        if (html is null)
        {
            return SourceItem.Skip(origin, "feed item without text");
        }

        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><article>" + html + "</article></body></html>";
        var bytes = Encoding.UTF8.GetBytes(page);
        if (bytes.Length > maxBytes)
        {
            return SourceItem.Fail(origin, $"too large: {bytes.Length / 1048576.0:F1} MB (limit {maxBytes / 1048576.0:F1} MB per page)");
        }

        return SourceItem.Of(new RawPage(origin, bytes, PageFormat.Html)
        {
            Url = Resolve(state.Base, link),
            DeclaredCharset = "utf-8",
            Hints = new PageHints
            {
                Title = title,
                Date = date is null ? null : FeedDates.Normalize(date),
                Author = author,
                Container = "feed",
            },
        });
    }

    private static XElement? Child(XElement e, string localName) => e.Elements().FirstOrDefault(c => c.Name.LocalName == localName);

    private static string? Value(XElement? e) => e is null || string.IsNullOrWhiteSpace(e.Value) ? null : e.Value.Trim();

    private static string? Permalink(XElement item)
    {
        var guid = Child(item, "guid");
        var value = Value(guid);
        return value is not null && (string?)guid!.Attribute("isPermaLink") != "false" && value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : null;
    }

    private static string? AtomLink(XElement entry)
    {
        var links = entry.Elements().Where(c => c.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return (string?)alternate?.Attribute("href");
    }

    private static string? AtomAuthors(IEnumerable<XElement> authors)
    {
        var names = authors.Select(a => Value(Child(a, "name"))).OfType<string>().ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>The item's text as HTML: html and xhtml content as given, plain text as paragraphs; null when empty or only a pointer (<c>src</c>).</summary>
    private static string? AtomBody(XElement? e)
    {
        if (e is null || e.Attribute("src") is not null)
        {
            return null;
        }

        var type = ((string?)e.Attribute("type"))?.ToLowerInvariant() ?? "text";
        if (type == "xhtml")
        {
            var inner = string.Concat(e.Nodes().Select(n => n is XElement { Name.LocalName: "div" } div ? string.Concat(div.Nodes()) : n.ToString()));
            return string.IsNullOrWhiteSpace(inner) ? null : inner;
        }

        var value = Value(e);
        return value is null ? null : type is "html" or "text/html" ? value : Paragraphs(value);
    }

    /// <summary>RSS text is HTML by custom, but some feeds send plain text; without a tag it is read as paragraphs.</summary>
    private static string? TextOrHtml(string? value) => value is null ? null : value.Contains('<', StringComparison.Ordinal) ? value : Paragraphs(value);

    private static string Paragraphs(string text) =>
        string.Concat(BlankLines().Split(text.Trim()).Where(p => p.Trim().Length > 0).Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()) + "</p>"));

    /// <summary>An RSS author is an e-mail address with the name in brackets ("jane@example.org (Jane Doe)"); only a name is kept.</summary>
    private static string? RssAuthor(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var open = value.IndexOf('(', StringComparison.Ordinal);
        var close = value.LastIndexOf(')');
        if (open >= 0 && close > open)
        {
            var name = value[(open + 1)..close].Trim();
            return name.Length > 0 ? name : null;
        }

        return value.Contains('@', StringComparison.Ordinal) ? null : value;
    }

    private static string? PlainText(XElement? e)
    {
        var value = Value(e);
        if (value is null)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(value, " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static string? Resolve(Uri? baseUri, string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        link = link.Trim();
        if (Uri.TryCreate(link, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return abs.ToString();
        }

        return baseUri is not null && Uri.TryCreate(baseUri, link, out var rel) ? rel.ToString() : link;
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message.TrimEnd('.') : message[..i];
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex BlankLines();
}

/// <summary>Feed dates: RFC 822 (RSS) with its named zones, and ISO 8601 (Atom), normalised to ISO 8601.</summary>
internal static class FeedDates
{
    private static readonly (string Name, string Offset)[] Zones =
    [
        ("UT", "+00:00"), ("UTC", "+00:00"), ("GMT", "+00:00"), ("Z", "+00:00"),
        ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"),
        ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ];

    /// <summary>The date as ISO 8601 with its offset when it can be read, else the text as the feed gave it.</summary>
    public static string Normalize(string text) => Parse(text) is { } d ? d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : text;

    public static DateTimeOffset? Parse(string text)
    {
        var s = text.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            return d;
        }

        // "Tue, 10 Jun 2003 04:00:00 EST": the day name is optional and the zone may be a name .NET does not know.
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and < 10)
        {
            s = s[(comma + 1)..].Trim();
        }

        foreach (var (name, offset) in Zones)
        {
            if (s.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^name.Length] + offset;
                break;
            }
        }

        string[] formats = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zz", "d MMM yyyy HH:mm:ss"];
        s = OffsetWithoutColon(s);
        return DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out d)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d)
            ? d
            : null;
    }

    /// <summary>"+0200" → "+02:00", which the zzz pattern reads.</summary>
    private static string OffsetWithoutColon(string s)
    {
        if (s.Length >= 5 && s[^5] is '+' or '-' && s[^4..].All(char.IsAsciiDigit))
        {
            return s[..^2] + ":" + s[^2..];
        }

        return s;
    }
}
