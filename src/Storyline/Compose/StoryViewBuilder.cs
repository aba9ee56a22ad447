using System.Collections.Immutable;
using System.Globalization;
using Storyline.Entities;
using Storyline.Figures;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Store;
using Storyline.Summaries;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Compose;

/// <summary>How long the story view's summary is.</summary>
public sealed record StoryViewOptions
{
    /// <summary>Summary length in words (the summary stops at the sentence that reaches it).</summary>
    public int Words { get; init; } = 120;
}

/// <summary>
/// Composes a <see cref="StoryView"/> from a story's articles and copy links: every stage's findings (entities,
/// quotes, dates, figures, the summary) gathered per story, merged across outlets and cited back to the words.
/// Deterministic for a given story; thread-safe (stateless).
/// </summary>
public static class StoryViewBuilder
{
    /// <summary>The view of a stored story (by id or unique id prefix); null when the store has no such story.</summary>
    public static StoryView? FromStore(SqliteStore store, string storyId, StoryViewOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storyId);
        var matches = store.Stories().Where(s => s.Id.StartsWith(storyId, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        if (matches.Count != 1 || storyId.Length < 4)
        {
            return null;
        }

        var story = matches[0];
        var articles = story.ArticleIds.Select(store.GetArticle).OfType<Article>().ToList();
        var links = store.LinksAmong(story.ArticleIds);
        return Build(story, articles, links, options, cancellationToken);
    }

    public static StoryView Build(Story story, IReadOnlyList<Article> articles, IReadOnlyList<ArticleLink> links, StoryViewOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(links);
        options ??= new StoryViewOptions();

        var ordered = articles.Select((a, i) => (a, i)).OrderBy(x => x.a.Date is null ? 1 : 0).ThenBy(x => x.a.Date?.Value).ThenBy(x => x.i).Select(x => x.a).ToList();
        var order = ordered.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var byId = ordered.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var storyLinks = links.Where(l => byId.ContainsKey(l.A) && byId.ContainsKey(l.B)).ToList();
        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in storyLinks)
        {
            copyOf.TryAdd(l.B, l.A);
        }

        var outletOf = ordered.ToDictionary(a => a.Id, OutletName, StringComparer.Ordinal);
        var datings = ordered.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(a => ArticleDates.Analyze(a)).ToArray();
        var dating = ordered.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => datings[x.i], StringComparer.Ordinal);
        var entities = EntityResolver.Default.Resolve(ordered, cancellationToken);
        var quotes = StoryQuotes.Find(ordered, entities, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var viewArticles = ordered.Select(a => new ViewArticle(
            a.Id, a.Title?.Value, outletOf[a.Id], a.Date?.Day, a.Date?.Source, dating[a.Id].PageDateContradicted, a.Origin, a.Url,
            a.Paragraphs.Count(p => IsContent(p.Role)), copyOf.GetValueOrDefault(a.Id))).ToImmutableArray();

        var summary = StorySummarizer.Summarize(ordered, new SummaryOptions { Words = options.Words })
            .Select(s => new ViewSentence(s.Text, [.. s.Sources.Select(c => new Citation(c.ArticleId, c.Start, c.Length))], SentenceDate(s.Sources[0], byId, dating)))
            .ToImmutableArray();
        var quotesByArticle = quotes.SelectMany(q => q.Sources).GroupBy(s => s.ArticleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Quote>)[.. g.Select(s => s.Quote)], StringComparer.Ordinal);
        var figures = StoryFigures.Find(ordered, entities, quotesByArticle, cancellationToken, dating);
        var (viewFigures, disagreements) = ViewFigures(figures, byId, outletOf, dating);
        var viewQuotes = GroupQuotes(quotes, entities, byId, dating, outletOf);
        var dated = ordered.Where(a => a.Date is not null && !dating[a.Id].PageDateContradicted).Select(a => a.Date!).ToList();
        return new StoryView
        {
            Id = story.Id,
            Headline = ChooseHeadline(story, ordered, summary),
            Articles = viewArticles,
            FirstDate = dated.Count == 0 ? null : dated.Min(d => d.Value).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastDate = dated.Count == 0 ? null : dated.Max(d => d.Value).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary = summary,
            Timeline = BuildTimeline(ordered, order, dating, quotes),
            Entities = GroupEntities(entities),
            Quotes = viewQuotes,
            Figures = viewFigures,
            Disagreements = disagreements,
            Coverage = BuildCoverage(ordered, outletOf, copyOf, summary),
            Copies = [.. storyLinks.Select(l => Copy(l, byId))],
            Notes = [.. ordered.Where(a => dating[a.Id].Note is not null).Select(a => $"{outletOf[a.Id]} ({a.Id[..8]}): {dating[a.Id].Note}")],
        };
    }

    /// <summary>The outlet's name, or "unknown (file)" so undated, unnamed pages stay distinguishable.</summary>
    internal static string OutletName(Article a) =>
        a.Outlet?.Value ?? $"unknown ({Path.GetFileName(a.Origin)})";

    private static bool IsContent(BlockRole role) => role is BlockRole.Body or BlockRole.Standfirst;

    private static Headline ChooseHeadline(Story story, IReadOnlyList<Article> articles, ImmutableArray<ViewSentence> summary)
    {
        var titled = articles.FirstOrDefault(a => a.Title?.Value == story.Label);
        if (titled is not null)
        {
            return new Headline(story.Label, "title", titled.Id);
        }

        // No title: the opening words of the summary's first sentence (or of the most central article).
        var from = summary.Length > 0 ? summary[0].Text : story.Label;
        var cite = summary.Length > 0 ? summary[0].Sources[0].ArticleId : null;
        var words = from.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = words.Length <= 14 ? from.TrimEnd('.') : string.Join(' ', words.Take(12)).TrimEnd(',', ';', ':') + " …";
        return new Headline(text, "generated", cite);
    }

    private static ViewEntities GroupEntities(IReadOnlyList<ResolvedEntity> entities)
    {
        ImmutableArray<ViewEntity> Of(EntityType type, string name) =>
        [
            .. entities.Where(e => e.Type == type)
                .OrderByDescending(e => e.Mentions.Length).ThenBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => new ViewEntity(e.Id, e.Name, name, e.Aliases, e.Roles, e.Mentions.Length, e.MentionCounts)),
        ];

        return new ViewEntities(Of(EntityType.Person, "person"), Of(EntityType.Organization, "organisation"), Of(EntityType.Location, "place"), Of(EntityType.Misc, "other"));
    }

    private static ImmutableArray<SpeakerQuotes> GroupQuotes(
        IReadOnlyList<MergedQuote> quotes,
        IReadOnlyList<ResolvedEntity> entities,
        Dictionary<string, Article> byId,
        Dictionary<string, ArticleDating> dating,
        Dictionary<string, string> outletOf)
    {
        var entityByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            entityByName.TryAdd(e.Name, e.Id);
        }

        return
        [
            .. quotes.GroupBy(q => q.SpeakerName ?? "(unattributed)", StringComparer.Ordinal)
                .Select(g => new SpeakerQuotes(
                    g.Key,
                    entityByName.GetValueOrDefault(g.Key),
                    [.. g.Select(q => new ViewQuote(QuoteText(q, byId), q.Kind.ToString().ToLowerInvariant(), QuoteDate(q, byId, dating), [.. q.Sources.Select(s => new QuoteCitation(s.ArticleId, s.Quote.Content.Start, s.Quote.Content.Length, outletOf[s.ArticleId]))]))]))
                .OrderBy(s => s.Speaker == "(unattributed)" ? 1 : 0).ThenByDescending(s => s.Quotes.Length).ThenBy(s => s.Speaker, StringComparer.Ordinal),
        ];
    }

    /// <summary>A summary sentence's date: its own time expression in its first source, else that article's date.</summary>
    private static ViewDate SentenceDate(SentenceSource source, Dictionary<string, Article> byId, Dictionary<string, ArticleDating> dating) =>
        Dates.View(ArticleDates.DateOf(dating[source.ArticleId], source.Start, source.Length), byId[source.ArticleId].Text);

    /// <summary>One row per value of a quantity (the figures that agree, with all their mentions), casualties first; disagreements as row indexes.</summary>
    private static (ImmutableArray<ViewFigure>, ImmutableArray<ViewDisagreement>) ViewFigures(StoryFigureSet set, Dictionary<string, Article> byId, Dictionary<string, string> outletOf, Dictionary<string, ArticleDating> dating)
    {
        // Plain counts ("12 villages") are left to `storyline figures --counts`: the view shows what happened to people and money.
        var groups = set.Groups
            .Select((g, i) => (g, i))
            .Where(x => x.g.Quantity.Category != FigureCategory.Count)
            .OrderBy(x => x.g.Quantity.Category)
            .ThenBy(x => x.i)
            .Select(x => x.g)
            .ToList();
        // A disagreement's values are groups of the same figures: rows are found through their mentions.
        var rowOf = new Dictionary<Figure, int>(ReferenceEqualityComparer.Instance);
        var rows = ImmutableArray.CreateBuilder<ViewFigure>();
        foreach (var g in groups)
        {
            foreach (var f in g.Figures)
            {
                rowOf[f] = rows.Count;
            }

            var first = g.Figures[0];
            var sources = g.Sources.ToList();
            rows.Add(new ViewFigure(
                g.Quantity.Category.ToString().ToLowerInvariant(),
                g.Value.Text,
                g.Value.Low,
                g.Value.High,
                Qualifier(g.Value.Qualifier),
                g.Value.Unit,
                first.Counted,
                g.Figures.Select(f => f.Place).FirstOrDefault(p => p is not null),
                g.Figures.Select(f => f.When).FirstOrDefault(w => w is not null),
                FigureDate(g, byId, dating),
                sources.Count == 0 ? null : string.Join("; ", sources),
                first.Text(byId[first.ArticleId].Text),
                [.. g.Figures.Select(f => new QuoteCitation(f.ArticleId, f.Span.Start, f.Span.Length, outletOf[f.ArticleId]))]));
        }

        var disagreements = set.Disagreements
            .Select(d => new ViewDisagreement(d.Quantity.ToString(), [.. d.Groups.Where(g => rowOf.ContainsKey(g.Figures[0])).Select(g => rowOf[g.Figures[0]]).Distinct()]))
            .Where(d => d.Figures.Length > 1)
            .ToImmutableArray();
        return (rows.ToImmutable(), disagreements);
    }

    private static string Qualifier(FigureQualifier q) => q switch
    {
        FigureQualifier.AtLeast => "at least",
        FigureQualifier.MoreThan => "more than",
        FigureQualifier.UpTo => "up to",
        FigureQualifier.LessThan => "less than",
        FigureQualifier.CloseTo => "close to",
        _ => q.ToString().ToLowerInvariant(),
    };

    /// <summary>The quoted words; a quote split by its attribution shows its pieces joined by an ellipsis.</summary>
    private static string QuoteText(MergedQuote q, Dictionary<string, Article> byId)
    {
        var first = q.Sources[0];
        var fragments = first.Quote.Fragments;
        return fragments.Length > 1
            ? string.Join(" … ", fragments.Select(f => Unquote(f.Of(byId[first.ArticleId].Text))))
            : Unquote(q.Text);
    }

    /// <summary>The quoted words without the marks around them and the comma the attribution left ("... unacceptable," he said).</summary>
    internal static string Unquote(string text)
    {
        const string marks = "\"'“”‘’«»„‚ \n";
        var t = text.Trim().TrimEnd(',', ' ');
        if (t.Length >= 2 && marks.Contains(t[0], StringComparison.Ordinal) && marks.Contains(t[^1], StringComparison.Ordinal)
            && t.Count(c => c is '"' or '“' or '”' or '«' or '»' or '„') <= 2)
        {
            t = t.Trim(marks.ToCharArray()).TrimEnd(',', ' ');
        }

        return t;
    }

    /// <summary>A quote's date: its sentence's own date expression in the first source that has one, else the first source's article date.</summary>
    /// <summary>
    /// The date a figure speaks of: its own time expression when that is a date ("on Monday"), else its sentence's
    /// first date, else its article's date flagged as such; the first mention with a calendar date wins.
    /// </summary>
    private static ViewDate FigureDate(FigureGroup g, Dictionary<string, Article> byId, Dictionary<string, ArticleDating> dating)
    {
        ViewDate? fallback = null;
        foreach (var f in g.Figures)
        {
            var text = byId[f.ArticleId].Text;
            var own = f.WhenSpan is { } w ? ArticleDates.DateOf(dating[f.ArticleId], w.Start, w.Length) : null;
            var date = own is { Source: SpanDateSource.Text } ? own : ArticleDates.DateOf(dating[f.ArticleId], f.Sentence.Start, f.Sentence.Length);

            var view = Dates.View(date, text);
            if (date.Source == SpanDateSource.Text && Dates.IsCalendar(date.Value))
            {
                return view;
            }

            fallback ??= view;
        }

        return fallback ?? Dates.Unknown;
    }

    private static ViewDate QuoteDate(MergedQuote q, Dictionary<string, Article> byId, Dictionary<string, ArticleDating> dating)
    {
        ViewDate? fallback = null;
        foreach (var s in q.Sources)
        {
            var text = byId[s.ArticleId].Text;
            var (start, end) = SentenceAround(text, s.Quote.Content.Start, s.Quote.Content.End);
            var date = ArticleDates.DateOf(dating[s.ArticleId], start, end - start);
            var view = Dates.View(date, text);
            if (date.Source == SpanDateSource.Text && Dates.IsCalendar(date.Value))
            {
                return view;
            }

            fallback ??= view;
        }

        return fallback ?? Dates.Unknown;
    }

    /// <summary>The sentence (or sentences) a span of text lies in.</summary>
    private static (int Start, int End) SentenceAround(string text, int start, int end)
    {
        var s = Math.Max(0, start);
        while (s > 0 && !(text[s - 1] == '\n' || (s > 1 && text[s - 1] == ' ' && text[s - 2] is '.' or '!' or '?')))
        {
            s--;
        }

        var e = Math.Min(text.Length, end);
        while (e < text.Length && text[e] != '\n' && !(text[e - 1] is '.' or '!' or '?' && text[e] == ' '))
        {
            e++;
        }

        return (s, e);
    }

    private static ImmutableArray<TimelineEntry> BuildTimeline(
        IReadOnlyList<Article> articles,
        Dictionary<string, int> order,
        Dictionary<string, ArticleDating> dating,
        IReadOnlyList<MergedQuote> quotes)
    {
        var entries = new List<(TimelineEntry Entry, string Key)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);

        // Which quote, if any, each sentence carries: a dated sentence that quotes someone is that person's quote on the timeline.
        var quoteSpans = quotes.SelectMany(q => q.Sources.Select(s => (s.ArticleId, s.Quote.Content, Quote: q)))
            .ToLookup(x => x.ArticleId, x => (x.Content, x.Quote), StringComparer.Ordinal);
        var articleById = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var quotesPlaced = new HashSet<MergedQuote>();

        foreach (var a in articles)
        {
            var d = dating[a.Id];
            foreach (var p in a.Paragraphs.Where(p => IsContent(p.Role)))
            {
                var paragraph = a.Text.AsSpan(p.Start, p.Length);
                foreach (var s in SentenceSplitter.Split(paragraph, out _))
                {
                    var start = p.Start + s.Start;
                    var date = ArticleDates.DateOf(d, start, s.Length);
                    if (date.Source != SpanDateSource.Text || !Dates.IsCalendar(date.Value))
                    {
                        continue;
                    }

                    var text = a.Text.Substring(start, s.Length);
                    var key = TextNormalizer.Normalize(text, lowerCase: true);
                    var cite = new Citation(a.Id, start, s.Length);
                    if (byKey.TryGetValue(key, out var at))
                    {
                        var e = entries[at].Entry;
                        entries[at] = (e with { Sources = e.Sources.Add(cite) }, key);
                        continue;
                    }

                    var quote = quoteSpans[a.Id].FirstOrDefault(q => q.Content.Start < start + s.Length && start < q.Content.End).Quote;
                    if (quote is not null)
                    {
                        quotesPlaced.Add(quote);
                    }

                    byKey[key] = entries.Count;
                    entries.Add((new TimelineEntry(Dates.View(date, a.Text), quote is null ? "statement" : "quote", text, quote?.SpeakerName, [cite]), key));
                }
            }
        }

        // Direct quotes with no date of their own in the sentence are placed on their article's date, flagged as such
        // (reported speech too would bury the dated events under every "said" of every article).
        foreach (var q in quotes.Where(q => q.Kind == QuoteKind.Direct && !quotesPlaced.Contains(q)))
        {
            var first = q.Sources[0];
            var a = articleById[first.ArticleId];
            var date = ArticleDates.DateOf(dating[a.Id], first.Quote.Content.Start, first.Quote.Content.Length);
            if (date.Source == SpanDateSource.ArticleDate && Dates.IsCalendar(date.Value))
            {
                entries.Add((new TimelineEntry(Dates.View(date, a.Text), "quote", q.Text, q.SpeakerName, [.. q.Sources.Select(s => new Citation(s.ArticleId, s.Quote.Content.Start, s.Quote.Content.Length))]), ""));
            }
        }

        return
        [
            .. entries.Select(e => e.Entry)
                .OrderBy(e => Dates.SortKey(e.Date.Value), StringComparer.Ordinal)
                .ThenBy(e => order[e.Sources[0].ArticleId])
                .ThenBy(e => e.Sources[0].Start),
        ];
    }

    private static Coverage BuildCoverage(IReadOnlyList<Article> articles, Dictionary<string, string> outletOf, Dictionary<string, string> copyOf, ImmutableArray<ViewSentence> summary)
    {
        // Paragraph fingerprints folded for typography: wire copy republished with other quotes and dashes still matches.
        var outletsOfParagraph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            foreach (var p in a.Paragraphs.Where(p => p.Role == BlockRole.Body))
            {
                var key = TextNormalizer.Normalize(a.Text.AsSpan(p.Start, p.Length), lowerCase: true);
                if (!outletsOfParagraph.TryGetValue(key, out var set))
                {
                    outletsOfParagraph[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(a.Id);
            }
        }

        var outlets = new List<OutletCoverage>();
        foreach (var group in articles.GroupBy(a => outletOf[a.Id], StringComparer.Ordinal))
        {
            var ids = group.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var facts = Enumerable.Range(0, summary.Length).Where(i => summary[i].Sources.Any(c => ids.Contains(c.ArticleId))).ToImmutableArray();
            var onlyHere = facts.Where(i => summary[i].Sources.All(c => ids.Contains(c.ArticleId))).ToImmutableArray();
            var own = group.Sum(a => a.Paragraphs.Count(p => p.Role == BlockRole.Body
                && outletsOfParagraph[TextNormalizer.Normalize(a.Text.AsSpan(p.Start, p.Length), lowerCase: true)].All(ids.Contains)));
            var wireOnly = group.All(a => copyOf.ContainsKey(a.Id)) && own == 0;
            outlets.Add(new OutletCoverage(group.Key, [.. ids.Order(StringComparer.Ordinal)], facts, onlyHere, own, wireOnly));
        }

        return new Coverage(summary.Length, [.. outlets]);
    }

    private static ViewCopy Copy(ArticleLink link, Dictionary<string, Article> byId)
    {
        var a = byId[link.A];
        var b = byId[link.B];
        var shared = link.SharedParagraphs
            .Where(p => p.A < a.Paragraphs.Length && p.B < b.Paragraphs.Length)
            .Select(p => new SharedParagraph(
                new Citation(a.Id, a.Paragraphs[p.A].Start, a.Paragraphs[p.A].Length),
                new Citation(b.Id, b.Paragraphs[p.B].Start, b.Paragraphs[p.B].Length)))
            .ToImmutableArray();
        var kind = link.Kind switch
        {
            LinkKind.ExactDuplicate => "exact_duplicate",
            LinkKind.NearDuplicate => "near_duplicate",
            _ => "shares_wire_copy",
        };
        var sharedCount = link.Kind == LinkKind.SharesWireCopy ? shared.Length : b.Paragraphs.Count(p => IsContent(p.Role));
        var added = Math.Max(0, b.Paragraphs.Count(p => IsContent(p.Role)) - sharedCount);
        return new ViewCopy(a.Id, b.Id, kind, Math.Round(link.Similarity, 3), sharedCount, added, shared);
    }
}
