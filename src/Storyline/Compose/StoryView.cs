using System.Collections.Immutable;

namespace Storyline.Compose;

// The story view's records are its JSON contract (docs/story.schema.json): add fields, never rename or remove them.

/// <summary>
/// One story as users read it: what happened (a cited summary), when (a timeline), who (entities and their quotes),
/// which figures each source gives and where they disagree, and who reported what. Every line cites the articles
/// and the words it came from.
/// </summary>
public sealed record StoryView
{
    public required string Id { get; init; }

    public required Headline Headline { get; init; }

    /// <summary>The story's articles, oldest first (undated last), each with its outlet and whether it copies another.</summary>
    public required ImmutableArray<ViewArticle> Articles { get; init; }

    /// <summary>The first and last article dates, when any article is dated.</summary>
    public string? FirstDate { get; init; }

    public string? LastDate { get; init; }

    /// <summary>Extractive summary sentences in reading order, each citing every article that carries it.</summary>
    public ImmutableArray<ViewSentence> Summary { get; init; } = [];

    /// <summary>Dated statements and quotes, ordered; entries whose year is unknown come after the dated ones.</summary>
    public ImmutableArray<TimelineEntry> Timeline { get; init; } = [];

    public required ViewEntities Entities { get; init; }

    /// <summary>Quotes grouped by speaker (most quoted first), each quote once with all its sources.</summary>
    public ImmutableArray<SpeakerQuotes> Quotes { get; init; } = [];

    /// <summary>Figures (killed, injured, displaced, money, percentages ...), each value once with all its sources.</summary>
    public ImmutableArray<ViewFigure> Figures { get; init; } = [];

    /// <summary>The same quantity given with different values by different sources, side by side.</summary>
    public ImmutableArray<ViewDisagreement> Disagreements { get; init; } = [];

    public required Coverage Coverage { get; init; }

    /// <summary>Articles that republish another's paragraphs (wire copy, duplicates), the likely origin first.</summary>
    public ImmutableArray<ViewCopy> Copies { get; init; } = [];

    /// <summary>What the reader should know about the evidence (undated articles, contradicted page dates ...).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}

/// <summary>The story's headline: the most representative title, or one generated from the summary when no article has a title.</summary>
/// <param name="Source"><c>title</c> or <c>generated</c>.</param>
public sealed record Headline(string Text, string Source, string? ArticleId);

/// <summary>A span of an article's clean text (<see cref="Model.Article.Text"/>): where a line of the view came from.</summary>
public sealed record Citation(string ArticleId, int Start, int Length);

/// <param name="Outlet">The outlet's name, or "unknown (file)" when the page does not say.</param>
/// <param name="DateContradicted">True when the content shows the page's date is not its publication date (a crawl stamp): the date is then left out of the story's date range.</param>
/// <param name="CopyOf">The article this one republishes paragraphs of, when it does.</param>
public sealed record ViewArticle(
    string Id,
    string? Title,
    string Outlet,
    string? Date,
    string? DateSource,
    bool DateContradicted,
    string Origin,
    string? Url,
    int Paragraphs,
    string? CopyOf);

/// <summary>The date a line speaks of.</summary>
/// <param name="Value">A TimeML value (2020-02-11, 2018-09, 2018, XXXX-02-11), or null when unknown.</param>
/// <param name="Source"><c>explicit</c> (the text states it), <c>resolved</c> (relative, resolved against the article's date),
/// <c>unresolved</c> (relative or yearless, no article date to resolve it), <c>article_date</c> (no expression: the
/// article's date), or <c>unknown</c>.</param>
/// <param name="Text">The time expression's words, when the line has one.</param>
/// <param name="Display">The date as people read it ("11 February, year unknown").</param>
public sealed record ViewDate(string? Value, string Source, string? Text, string Display);

public sealed record ViewSentence(string Text, ImmutableArray<Citation> Sources, ViewDate Date);

/// <param name="Kind"><c>statement</c> or <c>quote</c>.</param>
/// <param name="Speaker">For a quote, who said it.</param>
public sealed record TimelineEntry(ViewDate Date, string Kind, string Text, string? Speaker, ImmutableArray<Citation> Sources);

public sealed record ViewEntities(
    ImmutableArray<ViewEntity> People,
    ImmutableArray<ViewEntity> Organisations,
    ImmutableArray<ViewEntity> Places,
    ImmutableArray<ViewEntity> Other);

/// <param name="MentionsByArticle">Article id → mentions in it.</param>
public sealed record ViewEntity(
    string Id,
    string Name,
    string Type,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Roles,
    int Mentions,
    ImmutableSortedDictionary<string, int> MentionsByArticle);

/// <param name="EntityId">The speaker's entity (see <see cref="StoryView.Entities"/>), when resolved to one.</param>
public sealed record SpeakerQuotes(string Speaker, string? EntityId, ImmutableArray<ViewQuote> Quotes);

/// <param name="Text">The quoted words, without the quotation marks around them.</param>
/// <param name="Kind"><c>direct</c>, <c>mixed</c> or <c>indirect</c>.</param>
/// <param name="Sources">Every article that carries the quote, with the quoted words' span and the outlet.</param>
public sealed record ViewQuote(string Text, string Kind, ViewDate Date, ImmutableArray<QuoteCitation> Sources);

public sealed record QuoteCitation(string ArticleId, int Start, int Length, string Outlet);

/// <summary>A figure as a source gives it: value, what is counted, when, who says so, and every article carrying it.</summary>
/// <param name="Category">killed, injured, displaced, arrested, evacuated, money, percent or count.</param>
/// <param name="Value">The value's words as written ("close to 1 million").</param>
/// <param name="Low">The value as a number (the low end of a range).</param>
/// <param name="High">The high end of a range, when the text gives one.</param>
/// <param name="Qualifier">exact, about, at least, more than, up to, less than, close to, range or vague.</param>
/// <param name="Unit">"%" for percentages, a currency code for money, null for counts.</param>
/// <param name="Counted">What is counted ("Turkish soldiers").</param>
/// <param name="Place">Where, when the text says ("Idlib province").</param>
/// <param name="When">The figure's time expression ("in a week", "since early December").</param>
/// <param name="Date">The date the figure speaks of: its own date, else its sentence's, else its article's date flagged <c>article_date</c>.</param>
/// <param name="Source">Who says so (every named source of the value, "; "-separated), when the text attributes it.</param>
/// <param name="Text">The figure's words in its first article.</param>
/// <param name="Sources">Every mention of the value: the figure's words in each article that gives it.</param>
public sealed record ViewFigure(
    string Category,
    string Value,
    double Low,
    double? High,
    string Qualifier,
    string? Unit,
    string Counted,
    string? Place,
    string? When,
    ViewDate Date,
    string? Source,
    string Text,
    ImmutableArray<QuoteCitation> Sources);

/// <param name="Quantity">What the figures count ("displaced people").</param>
/// <param name="Figures">Indexes into <see cref="StoryView.Figures"/>, one per differing value.</param>
public sealed record ViewDisagreement(string Quantity, ImmutableArray<int> Figures);

/// <summary>Who reported what: outlets × summary sentences.</summary>
/// <param name="Facts">The number of summary sentences (the matrix's columns are their indexes).</param>
public sealed record Coverage(int Facts, ImmutableArray<OutletCoverage> Outlets);

/// <param name="Facts">Indexes of the summary sentences this outlet's articles carry.</param>
/// <param name="OnlyHere">Indexes of the summary sentences no other outlet carries.</param>
/// <param name="OwnParagraphs">Body paragraphs of its articles that no other article of the story carries.</param>
/// <param name="WireCopyOnly">True when every article of the outlet republishes another's copy and adds nothing of its own.</param>
public sealed record OutletCoverage(
    string Outlet,
    ImmutableArray<string> ArticleIds,
    ImmutableArray<int> Facts,
    ImmutableArray<int> OnlyHere,
    int OwnParagraphs,
    bool WireCopyOnly);

/// <summary>B republishes paragraphs of A: "004 carries 003's 9 paragraphs and adds 11".</summary>
/// <param name="Kind">exact_duplicate, near_duplicate or shares_wire_copy.</param>
/// <param name="Shared">Each shared paragraph: its span in the origin and in the copy.</param>
public sealed record ViewCopy(
    string Origin,
    string Copy,
    string Kind,
    double Similarity,
    int SharedParagraphs,
    int AddedParagraphs,
    ImmutableArray<SharedParagraph> Shared);

public sealed record SharedParagraph(Citation Origin, Citation Copy);
