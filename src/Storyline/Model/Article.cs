using System.Collections.Immutable;

namespace Storyline.Model;

/// <summary>What a block of a page is, once the extractor has read it.</summary>
public enum BlockRole
{
    Title,
    Standfirst,
    Byline,
    Dateline,
    PageDate,
    Heading,
    Body,

    /// <summary>Removed from the article's text; <see cref="Block.Reason"/> says why.</summary>
    Boilerplate,
}

/// <summary>
/// One block of the page (a line of a text page, a paragraph or heading of an HTML page), in page order.
/// Every block of the page is kept, so nothing is silently lost: removed ones carry their reason.
/// </summary>
/// <param name="Text">The block's text, whitespace-trimmed.</param>
/// <param name="Role">What the extractor decided it is.</param>
/// <param name="Reason">For removed blocks, why ("newsletter box", "repeated on 41 pages of sputniknews.com"); else null.</param>
public sealed record Block(string Text, BlockRole Role, string? Reason = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRemoved => Role == BlockRole.Boilerplate;
}

/// <summary>A metadata value and where it came from ("json-ld", "meta:og:title", "text:first-line", "container").</summary>
public sealed record MetaValue(string Value, string Source);

/// <summary>A date found for the page, with the words it came from and their source.</summary>
/// <param name="Value">The date (and time when known), in UTC.</param>
/// <param name="HasTime">False when only the day is known.</param>
/// <param name="Text">The words it was read from, as they stand in the page.</param>
/// <param name="Source">Where: "text:crawl-stamp", "text:dateline", "meta:article:published_time", "url", "container".</param>
public sealed record PageDate(DateTimeOffset Value, bool HasTime, string Text, string Source)
{
    /// <summary>The day as ISO 8601 (YYYY-MM-DD), the form the evaluations compare.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Day => Value.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A paragraph of the clean text: a span of <see cref="Article.Text"/>.</summary>
public readonly record struct Paragraph(int Start, int Length, BlockRole Role)
{
    public int End => Start + Length;
}

/// <summary>
/// A page read as an article: clean text as paragraphs, metadata with sources, and every block of the page
/// with its role. Annotations elsewhere are spans into <see cref="Text"/>. Immutable; safe to share.
/// </summary>
public sealed record Article
{
    /// <summary>Separator between paragraphs in <see cref="Text"/>.</summary>
    public const string ParagraphSeparator = "\n\n";

    /// <summary>Content id: 16 hex digits of a hash of the page's normalised text; the same page always gets the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Where the page came from (path, with <c>#line</c> or <c>#record</c>).</summary>
    public required string Origin { get; init; }

    public string? Url { get; init; }

    public PageFormat Format { get; init; }

    /// <summary>The clean text: standfirst, headings and body paragraphs joined by <see cref="ParagraphSeparator"/>.</summary>
    public required string Text { get; init; }

    /// <summary>The paragraphs of <see cref="Text"/>, in order, as spans.</summary>
    public ImmutableArray<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>Every block of the page in page order, kept and removed alike.</summary>
    public ImmutableArray<Block> Blocks { get; init; } = [];

    public MetaValue? Title { get; init; }

    public MetaValue? Standfirst { get; init; }

    /// <summary>Author names, comma-separated, as the page gives them (names only).</summary>
    public MetaValue? Byline { get; init; }

    public MetaValue? Outlet { get; init; }

    /// <summary>The dateline ("Reuters, Moscow :", "MOSCOW (Reuters) -"), when the page has one.</summary>
    public MetaValue? Dateline { get; init; }

    public MetaValue? Language { get; init; }

    /// <summary>The page's publication date, when the page says it.</summary>
    public PageDate? Date { get; init; }

    /// <summary>Every date candidate found for the page, the chosen one included, so a contradiction stays visible.</summary>
    public ImmutableArray<PageDate> DateCandidates { get; init; } = [];

    /// <summary>Notes on the page a user should see ("page date is a crawl stamp 3 years after the events it reports").</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>
    /// The names the entity tagger found in <see cref="Text"/> at ingest (spans, in order), so a story is composed
    /// without tagging its articles again; null when the article was never tagged (older stores).
    /// </summary>
    public ImmutableArray<NameSpan>? Names { get; init; }

    /// <summary>The removed blocks, with their reasons.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Block> Removed => Blocks.Where(b => b.IsRemoved);

    /// <summary>The text of one paragraph.</summary>
    public string ParagraphText(Paragraph p) => Text.Substring(p.Start, p.Length);
}

/// <summary>A name in an article's text, as the entity tagger found it.</summary>
/// <param name="Type">PER, ORG, LOC or MISC.</param>
public readonly record struct NameSpan(int Start, int Length, string Type);
