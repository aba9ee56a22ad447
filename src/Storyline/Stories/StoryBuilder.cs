using System.Collections.Immutable;
using Storyline.Dedup;
using Storyline.Model;

namespace Storyline.Stories;

/// <summary>What became of one article: its story (or why it was kept out) and its links to earlier articles.</summary>
/// <param name="StoryId">The story it joined or founded; null when the page is not an article. A later article can merge this story into an older one: <see cref="StoryBuilder.StoryOf"/> says where the article is now.</param>
/// <param name="StartedStory">True when it founded the story.</param>
/// <param name="Score">How well it matched the story it joined (1 when it joined through shared copy, 0 when it founded one).</param>
/// <param name="ExcludedReason">Why it was kept out of stories ("archive notice", "fragment (12 words)"), else null.</param>
/// <param name="Links">Its duplicate and wire-copy links to articles added before it.</param>
public sealed record StoryAssignment(
    string ArticleId,
    string? StoryId,
    bool StartedStory,
    double Score,
    string? ExcludedReason,
    ImmutableArray<ArticleLink> Links);

/// <summary>An article with what the dedup and stories stages read of it, computed ahead (see <see cref="StoryBuilder.Prepare"/>).</summary>
public sealed class PreparedArticle
{
    internal PreparedArticle(Article article, string? excludedReason, IReadOnlyCollection<string> names, Dictionary<string, double> counts, DuplicateIndex.Entry? fingerprint)
    {
        Article = article;
        ExcludedReason = excludedReason;
        Names = names;
        Counts = counts;
        Fingerprint = fingerprint;
    }

    public Article Article { get; }

    /// <summary>Why it is not an article, or null.</summary>
    public string? ExcludedReason { get; }

    internal IReadOnlyCollection<string> Names { get; }

    internal Dictionary<string, double> Counts { get; }

    internal DuplicateIndex.Entry? Fingerprint { get; }
}

/// <summary>
/// The dedup and stories stages behind one door: add articles one at a time, in a fixed order, and read the
/// links and stories at any point. Each article is linked to earlier copies (exact, near, wire), checked for
/// being a real article, then joins the story of an article it shares copy with, else the best-matching story,
/// else founds one. Deterministic for a given order; story ids come from the founding article's id. Not
/// thread-safe: one writer (the pipeline's sequential stage) calls <see cref="Add(Article)"/>.
/// </summary>
public sealed class StoryBuilder
{
    private readonly DuplicateIndex _dedup;
    private readonly StoryClusterer _clusterer;
    private readonly IArticleNames _names;
    private readonly NonArticleFilter _filter;
    private readonly Dictionary<string, int> _storyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryAssignment> _byId = new(StringComparer.Ordinal);
    private readonly List<StoryAssignment> _assignments = [];

    // Without a history, the articles kept out, by id, with why: with the story map, what says an id was added.
    private readonly Dictionary<string, string> _excluded = new(StringComparer.Ordinal);

    private readonly bool _keepHistory;

    /// <param name="names">Where names come from (the entities stage); capitalised words when null.</param>
    /// <param name="keepHistory">
    /// Keep the links found (in <see cref="Links"/>) and every assignment (<see cref="Assignments"/>,
    /// <see cref="Assignment"/>). False when the caller writes each assignment away as <see cref="Add(Article)"/>
    /// returns it, so memory does not grow with them (a million assignments held 180 MB): then adding an id again
    /// returns its current story, not its first assignment.
    /// </param>
    public StoryBuilder(StoryOptions? options = null, DedupOptions? dedup = null, IArticleNames? names = null, NonArticleFilter? filter = null, bool keepHistory = true)
    {
        Options = options ?? new StoryOptions();
        _keepHistory = keepHistory;
        _dedup = new DuplicateIndex(dedup, keepHistory);
        _clusterer = new StoryClusterer(Options);
        _names = names ?? ProperNounNames.Instance;
        _filter = filter ?? NonArticleFilter.Default;
    }

    public StoryOptions Options { get; }

    /// <summary>Every duplicate and wire-copy link found so far.</summary>
    public IReadOnlyList<ArticleLink> Links => _dedup.Links;

    /// <summary>Every assignment, in the order the articles were added (none without a history).</summary>
    public IReadOnlyList<StoryAssignment> Assignments => _assignments;

    /// <summary>
    /// Learns the article's word rarity before it is added (optional): a batch observed first clusters as if
    /// the whole batch's vocabulary were known from the start, which makes the result depend less on order.
    /// </summary>
    public void Observe(Article article) => Observe(Prepare(article, forAdding: false));

    /// <summary>
    /// Reads what the stages need of an article (whether it is one, its names, its terms and, unless it is only to
    /// be observed, its fingerprints) without touching the builder: many threads may prepare at once, while one
    /// observes and adds the prepared articles in order. The result is the same as observing or adding the article.
    /// </summary>
    public PreparedArticle Prepare(Article article, bool forAdding = true)
    {
        ArgumentNullException.ThrowIfNull(article);
        var reason = _filter.Reason(article);
        return reason is not null
            ? new PreparedArticle(article, reason, [], [], forAdding ? _dedup.Fingerprint(article) : null)
            : new PreparedArticle(article, null, _names.Names(article), ContentTerms.Counts(article, Options), forAdding ? _dedup.Fingerprint(article) : null);
    }

    /// <summary>As <see cref="Observe(Article)"/>, for an article prepared before.</summary>
    public void Observe(PreparedArticle prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (Known(prepared.Article.Id) is null && prepared.ExcludedReason is null)
        {
            _clusterer.Observe(prepared.Article.Id, prepared.Counts, prepared.Names);
        }
    }

    /// <summary>Adds the article. Adding an article id again changes nothing and returns its first assignment.</summary>
    public StoryAssignment Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Known(article.Id) ?? Add(Prepare(article));
    }

    /// <summary>What adding an id added before returns: its first assignment, or without a history its current story.</summary>
    private StoryAssignment? Known(string id) =>
        _keepHistory ? _byId.GetValueOrDefault(id)
        : _storyOf.ContainsKey(id) ? new StoryAssignment(id, StoryOf(id), false, 0, null, [])
        : _excluded.TryGetValue(id, out var reason) ? new StoryAssignment(id, null, false, 0, reason, [])
        : null;

    /// <summary>As <see cref="Add(Article)"/>, for an article prepared (for adding) before.</summary>
    public StoryAssignment Add(PreparedArticle prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var article = prepared.Article;
        if (Known(article.Id) is { } known)
        {
            return known;
        }

        var links = _dedup.Add(prepared.Fingerprint ?? _dedup.Fingerprint(article));
        StoryAssignment assignment;
        var reason = prepared.ExcludedReason;
        if (reason is not null)
        {
            assignment = new StoryAssignment(article.Id, null, false, 0, reason, [.. links]);
        }
        else
        {
            var forced = StoryOfCopies(article.Id, links);
            var (story, score, started) = _clusterer.Add(article, prepared.Counts, prepared.Names, ArticleDates.Usable(article), forced);
            _storyOf[article.Id] = story;
            assignment = new StoryAssignment(article.Id, _clusterer.Stories[story].Id, started, Math.Round(score, 4), null, [.. links]);
        }

        if (_keepHistory)
        {
            _byId[article.Id] = assignment;
            _assignments.Add(assignment);
        }
        else if (reason is not null)
        {
            _excluded[article.Id] = reason;
        }

        return assignment;
    }

    /// <summary>
    /// Ends a batch: merges the stories that, seen whole, are one (see <see cref="StoryOptions.SettleThreshold"/>),
    /// then moves each article to the story it now matches best (see <see cref="StoryOptions.ReassignMargin"/>).
    /// Both undo choices the online order made, so the result depends less on the order. Later articles still
    /// join and merge online; <see cref="StoryOf"/> and <see cref="Stories"/> show the result. Assignments keep
    /// what was decided when each article was added.
    /// </summary>
    public void Settle()
    {
        foreach (var (id, story) in _clusterer.Settle())
        {
            _storyOf[id] = story;
        }
    }

    /// <summary>The assignment of an article added earlier (as decided when it was added), or null (always without a history).</summary>
    public StoryAssignment? Assignment(string articleId) => _byId.GetValueOrDefault(articleId);

    /// <summary>The id of the story the article is in now (its story may since have merged into another), or null when it was kept out or never added.</summary>
    public string? StoryOf(string articleId) =>
        _storyOf.TryGetValue(articleId, out var s) ? _clusterer.Stories[_clusterer.Resolve(s)].Id : null;

    /// <summary>
    /// The stories so far (a story merged into another no longer counts), in the order they were founded, each labelled with its most representative title
    /// (the title of the member closest to the story's centroid; the opening words of the most central
    /// member when none has a title).
    /// </summary>
    public IReadOnlyList<Story> Stories() =>
        [.. _clusterer.Stories.Where(s => s.Members.Count > 0).Select(s => new Story(s.Id, Label(s), [.. s.Members.Select(m => m.Id)]))];

    /// <summary>The story a copy of this article belongs to: the one most of its linked articles are in (the older on ties), or -1.</summary>
    private int StoryOfCopies(string id, IReadOnlyList<ArticleLink> links)
    {
        var votes = new Dictionary<int, int>();
        foreach (var link in links)
        {
            var other = link.A == id ? link.B : link.A;
            if (_storyOf.TryGetValue(other, out var s))
            {
                s = _clusterer.Resolve(s);
                votes[s] = votes.GetValueOrDefault(s) + 1;
            }
        }

        return votes.Count == 0 ? -1 : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
    }

    private static string Label(StoryState story)
    {
        StoryMember? best = null;
        StoryMember? bestTitled = null;
        double bestScore = double.NegativeInfinity, bestTitledScore = double.NegativeInfinity;
        foreach (var m in story.Members)
        {
            var c = story.Cosine(m.Vector);
            if (c > bestScore)
            {
                (best, bestScore) = (m, c);
            }

            if (c > bestTitledScore && StoryMember.IsLabel(m.Title))
            {
                (bestTitled, bestTitledScore) = (m, c);
            }
        }

        return bestTitled?.Title ?? best?.Lead ?? story.Id;
    }
}
