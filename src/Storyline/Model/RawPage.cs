namespace Storyline.Model;

/// <summary>How a page's bytes are to be read.</summary>
public enum PageFormat
{
    /// <summary>Plain text as a crawler saved it: one block a line, site chrome included.</summary>
    Text,

    /// <summary>An HTML document.</summary>
    Html,
}

/// <summary>
/// Metadata the container gave with a page (a JSON record's fields, a feed item, a WARC header),
/// before anything in the page itself is interpreted.
/// </summary>
public sealed record PageHints
{
    public static readonly PageHints None = new();

    public string? Title { get; init; }

    /// <summary>A date as the container wrote it; parsed by the extractor, which records the source.</summary>
    public string? Date { get; init; }

    /// <summary>The outlet or site name the container named.</summary>
    public string? Source { get; init; }

    public string? Author { get; init; }

    /// <summary>What held the page, named as the source of these values ("feed"); null reads as "container".</summary>
    public string? Container { get; init; }
}

/// <summary>
/// A page as the container held it: bytes plus what the container said. Nothing is interpreted yet.
/// Immutable; safe to share across threads.
/// </summary>
/// <param name="Origin">Where it came from: a file path, with <c>#line</c> for JSON Lines and <c>#record</c> for archives.</param>
/// <param name="Bytes">The page's bytes (already decompressed).</param>
/// <param name="Format">How to read the decoded text.</param>
public sealed record RawPage(string Origin, ReadOnlyMemory<byte> Bytes, PageFormat Format)
{
    public string? Url { get; init; }

    /// <summary>A charset the container declared (HTTP header, JSON is always UTF-8), or null.</summary>
    public string? DeclaredCharset { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    public PageHints Hints { get; init; } = PageHints.None;
}

/// <summary>A page decoded to text, with how the encoding was chosen.</summary>
/// <param name="Raw">The page it was decoded from.</param>
/// <param name="Content">The decoded text (HTML markup included for HTML pages).</param>
/// <param name="Encoding">The encoding's web name, e.g. <c>utf-8</c>, <c>windows-1251</c>.</param>
/// <param name="EncodingSource">Why that encoding: <c>bom</c>, <c>declared</c>, <c>meta</c>, <c>utf8-valid</c>, <c>letter-statistics</c>.</param>
public sealed record DecodedPage(RawPage Raw, string Content, string Encoding, string EncodingSource)
{
    /// <summary>Decodes nothing: wraps text that is already a string (tests, JSON fields).</summary>
    public static DecodedPage FromText(string origin, string content, PageFormat format = PageFormat.Text, string? url = null, PageHints? hints = null) =>
        new(new RawPage(origin, ReadOnlyMemory<byte>.Empty, format) { Url = url, Hints = hints ?? PageHints.None }, content, "utf-16", "string");
}

/// <summary>An input that could not be read: one clear line for the user.</summary>
/// <param name="Origin">The file (and <c>#line</c> or <c>#record</c>) that failed.</param>
/// <param name="Reason">Why, in a few words a user can act on.</param>
public sealed record IngestError(string Origin, string Reason)
{
    public override string ToString() => $"{Origin}: {Reason}";
}
