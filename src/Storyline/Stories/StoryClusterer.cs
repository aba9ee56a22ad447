using Storyline.Model;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// Online story clustering: each article joins the existing story it scores best against, or founds a new
/// one. The score is the mean cosine between the article's TF-IDF vector and the story's members, plus the
/// cosine of the article's (rarity-weighted) names with the story's, scaled down when dates are known and far
/// apart. An article that matches several stories may show they are one: two of them merge when their members
/// are, on average, similar enough (the younger into the older, so story ids stay). Candidate stories come from
/// an inverted index over the stories' rarest terms, so an article is scored against a bounded number of
/// stories. Deterministic for a given input order. Not thread-safe.
/// </summary>
internal sealed class StoryClusterer
{
    private const int MaxPostingScan = 2000;

    private readonly StoryOptions _options;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly DocumentFrequencies _termDf;
    private readonly DocumentFrequencies _nameDf = new();
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly List<StoryState> _stories = [];
    private readonly List<int> _mergedInto = [];
    private readonly HashSet<string> _observed = new(StringComparer.Ordinal);

    public StoryClusterer(StoryOptions options)
    {
        _options = options;
        _termDf = new DocumentFrequencies(options.BackgroundRarity ? BackgroundFrequencies.Embedded : null);
    }

    /// <summary>Every story founded so far, by index; a story merged into another is left empty.</summary>
    public IReadOnlyList<StoryState> Stories => _stories;

    /// <summary>The story a story index now stands for: itself, or the story it was merged into.</summary>
    public int Resolve(int story)
    {
        while (_mergedInto[story] >= 0)
        {
            story = _mergedInto[story];
        }

        return story;
    }

    /// <summary>
    /// Counts the article's terms and names in the document frequencies before it is added, so that a batch
    /// observed first is clustered with the rarity of words known from the whole batch (as extraction learns
    /// repetition in a first pass). An observed article is not counted again when added.
    /// </summary>
    public void Observe(Article article, IReadOnlyCollection<string> names)
    {
        if (_observed.Add(article.Id))
        {
            _termDf.Add(ContentTerms.Counts(article, _options).Keys);
            _nameDf.Add(NameKeys(names));
        }
    }

    private static List<string> NameKeys(IReadOnlyCollection<string> names) =>
        [.. names.Select(ContentTerms.Normalise).Where(n => n.Length > 1).Distinct(StringComparer.Ordinal)];

    /// <summary>Scores the article against candidate stories and adds it to the best one (or a new one), then merges the stories it bridges.</summary>
    /// <param name="forcedStory">A story the article must join (it carries the same copy as a member), or -1.</param>
    /// <returns>The story the article is in once any merge is done.</returns>
    public (int Story, double Score, bool Started) Add(Article article, IReadOnlyCollection<string> names, DateTimeOffset? date, int forcedStory)
    {
        var counts = ContentTerms.Counts(article, _options);
        var nameKeys = NameKeys(names);
        var observed = _observed.Remove(article.Id);
        if (!observed)
        {
            _termDf.Add(counts.Keys);
            _nameDf.Add(nameKeys);
        }

        // Only an observed batch says which words no other article carries; a stream cannot know it yet.
        var vector = Vectorise(counts, sharedOnly: observed && _options.SharedTermsOnly);

        var story = forcedStory < 0 ? -1 : Resolve(forcedStory);
        var score = 1.0;
        List<int> matched = [];
        if (story < 0)
        {
            (story, score, matched) = Best(vector, nameKeys, date);
        }

        // Stories the article bridges: it matches them too, and without it their members already look alike.
        // Judged before the article joins, so that an article touching two stories cannot merge them by itself.
        var bridged = _options.MergeThreshold > 0 && story >= 0
            ? matched.Where(other => other != story && StoryLink(_stories[story], _stories[other]) >= _options.MergeThreshold).ToList()
            : [];

        var started = story < 0;
        if (started)
        {
            story = _stories.Count;
            _stories.Add(new StoryState("s-" + article.Id));
            _mergedInto.Add(-1);
            score = 0;
        }

        var state = _stories[story];
        state.Add(article, vector, nameKeys, date);
        foreach (var (term, _) in vector.Take(_options.QueryTerms))
        {
            if (state.IndexedTerms.Add(term))
            {
                if (!_postings.TryGetValue(term, out var list))
                {
                    _postings[term] = list = [];
                }

                list.Add(story);
            }
        }

        foreach (var other in bridged)
        {
            story = Merge(Math.Min(story, other), Math.Max(story, other));
        }

        return (story, score, started);
    }

    /// <summary>Moves the younger story's members into the older one and points its index entries there.</summary>
    private int Merge(int older, int younger)
    {
        var (into, from) = (_stories[older], _stories[younger]);
        into.Absorb(from);
        foreach (var term in from.IndexedTerms)
        {
            var list = _postings[term];
            var at = list.LastIndexOf(younger);
            if (into.IndexedTerms.Add(term))
            {
                list[at] = older;
            }
            else
            {
                list.RemoveAt(at);
            }
        }

        from.IndexedTerms.Clear();
        _mergedInto[younger] = older;
        return older;
    }

    /// <summary>The best-scoring candidate story (or -1 when none reaches the threshold), and every candidate that reaches it, by index.</summary>
    private (int Story, double Score, List<int> Matched) Best(List<(int Term, double Weight)> vector, List<string> names, DateTimeOffset? date)
    {
        var overlap = new Dictionary<int, double>();
        foreach (var (term, weight) in vector.Take(_options.QueryTerms))
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }

            // The newest stories first: an old story reached only through a common term is an unlikely home.
            for (var i = list.Count - 1; i >= 0 && i >= list.Count - MaxPostingScan; i--)
            {
                overlap[list[i]] = overlap.GetValueOrDefault(list[i]) + weight;
            }
        }

        var best = -1;
        var bestScore = double.NegativeInfinity;
        var matched = new List<int>();
        foreach (var (candidate, _) in overlap.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(_options.MaxCandidates))
        {
            var s = Score(_stories[candidate], vector, names, date);
            if (s >= _options.JoinThreshold)
            {
                matched.Add(candidate);
            }

            if (s > bestScore || (s == bestScore && candidate < best))
            {
                bestScore = s;
                best = candidate;
            }
        }

        matched.Sort();
        return bestScore >= _options.JoinThreshold ? (best, bestScore, matched) : (-1, 0, []);
    }

    private double Score(StoryState story, List<(int Term, double Weight)> vector, List<string> names, DateTimeOffset? date)
    {
        var cosine = (1 - _options.MeanWeight) * story.Cosine(vector) + (_options.MeanWeight * story.MeanCosine(vector));
        if (_options.MemberWeight > 0)
        {
            var bestMember = 0.0;
            foreach (var m in story.Members)
            {
                bestMember = Math.Max(bestMember, StoryState.Dot(vector, m.Vector));
            }

            cosine = ((1 - _options.MemberWeight) * cosine) + (_options.MemberWeight * bestMember);
        }
        // Names as a vector of their own: the cosine between the article's (idf-weighted) names and the
        // story's (member counts times idf).
        double nameCosine = 0;
        if (names.Count > 0 && story.Names.Count > 0)
        {
            double dot = 0, docNorm = 0, storyNorm = 0;
            foreach (var n in names)
            {
                var idf = _nameDf.Idf(n);
                docNorm += idf * idf;
                if (story.Names.TryGetValue(n, out var c))
                {
                    dot += idf * idf * c;
                }
            }

            foreach (var (n, c) in story.Names)
            {
                var w = c * _nameDf.Idf(n);
                storyNorm += w * w;
            }

            nameCosine = dot / Math.Sqrt(docNorm * storyNorm);
        }

        var score = ((1 - _options.NameWeight) * cosine) + (_options.NameWeight * nameCosine);
        return date is { } d ? WeighTime(score, d, d, story) : score;
    }

    /// <summary>
    /// The similarity of two stories for a merge: the average link of their members, weighed by time like an
    /// article's score (stories months apart that share a place and its people stay apart).
    /// </summary>
    private double StoryLink(StoryState a, StoryState b)
    {
        var link = StoryState.AverageLink(a, b);
        return a.FirstDate is { } first && a.LastDate is { } last ? WeighTime(link, first, last, b) : link;
    }

    /// <summary>Scales a score down by the days between a date range and the story's dates, beyond the window.</summary>
    private double WeighTime(double score, DateTimeOffset from, DateTimeOffset to, StoryState story)
    {
        if (story.FirstDate is not { } first || story.LastDate is not { } last)
        {
            return score;
        }

        var gap = to < first ? (first - to).TotalDays : from > last ? (from - last).TotalDays : 0;
        if (gap <= _options.DateWindowDays)
        {
            return score;
        }

        // Time is evidence, not a veto: a page date can be a crawl stamp months after the events, so a
        // match on the story's own names and words keeps part of its score across any gap.
        var decay = Math.Exp(-(gap - _options.DateWindowDays) / _options.DateDecayDays);
        return score * (score >= _options.StrongMatch ? Math.Max(decay, _options.StrongMatchDateFloor) : decay);
    }

    /// <summary>Sublinear TF times IDF, unit length, the heaviest terms only, heaviest first (ties by term id); with <paramref name="sharedOnly"/>, only terms another article carries.</summary>
    private List<(int Term, double Weight)> Vectorise(Dictionary<string, double> counts, bool sharedOnly)
    {
        var weights = new List<(int Term, double Weight)>(counts.Count);
        foreach (var (term, tf) in counts)
        {
            if (sharedOnly && _termDf.Count(term) < 2)
            {
                continue;
            }

            if (!_vocabulary.TryGetValue(term, out var id))
            {
                id = _terms.Count;
                _vocabulary[term] = id;
                _terms.Add(term);
            }

            weights.Add((id, (1 + Math.Log(tf)) * Math.Pow(_termDf.Idf(term), _options.IdfPower)));
        }

        weights.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
        if (weights.Count > _options.TermsPerArticle)
        {
            weights.RemoveRange(_options.TermsPerArticle, weights.Count - _options.TermsPerArticle);
        }

        // A story keeps each member's vector: not the room its article's whole vocabulary took.
        weights.TrimExcess();

        var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
        if (norm > 0)
        {
            for (var i = 0; i < weights.Count; i++)
            {
                weights[i] = (weights[i].Term, weights[i].Weight / norm);
            }
        }

        return weights;
    }
}

/// <summary>A story while it grows: the sum of its members' vectors, their names and their date range.</summary>
internal sealed class StoryState(string id)
{
    private readonly Dictionary<int, double> _centroid = [];
    private double _normSquared;

    public string Id { get; } = id;

    public List<StoryMember> Members { get; } = [];

    public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);

    public HashSet<int> IndexedTerms { get; } = [];

    public DateTimeOffset? FirstDate { get; private set; }

    public DateTimeOffset? LastDate { get; private set; }

    public void Add(Article article, List<(int Term, double Weight)> vector, IEnumerable<string> names, DateTimeOffset? date)
    {
        Members.Add(new StoryMember(article.Id, article.Title?.Value, StoryMember.LeadOf(article), vector));
        foreach (var (term, w) in vector)
        {
            var old = _centroid.GetValueOrDefault(term);
            var now = old + w;
            _centroid[term] = now;
            _normSquared += (now * now) - (old * old);
        }

        foreach (var n in names)
        {
            Names[n] = Names.GetValueOrDefault(n) + 1;
        }

        if (date is { } d)
        {
            FirstDate = FirstDate is { } f && f <= d ? f : d;
            LastDate = LastDate is { } l && l >= d ? l : d;
        }
    }

    /// <summary>Takes in another story's members, words, names and dates, leaving the other story empty.</summary>
    public void Absorb(StoryState other)
    {
        Members.AddRange(other.Members);
        foreach (var (term, w) in other._centroid)
        {
            var old = _centroid.GetValueOrDefault(term);
            var now = old + w;
            _centroid[term] = now;
            _normSquared += (now * now) - (old * old);
        }

        foreach (var (n, c) in other.Names)
        {
            Names[n] = Names.GetValueOrDefault(n) + c;
        }

        FirstDate = Earlier(FirstDate, other.FirstDate);
        LastDate = Later(LastDate, other.LastDate);
        other.Members.Clear();
        other._centroid.Clear();
        other._normSquared = 0;
        other.Names.Clear();
    }

    /// <summary>The mean cosine over every pair of a member of one story and a member of the other (average linkage).</summary>
    public static double AverageLink(StoryState a, StoryState b)
    {
        if (a.Members.Count == 0 || b.Members.Count == 0)
        {
            return 0;
        }

        var (small, large) = a._centroid.Count <= b._centroid.Count ? (a, b) : (b, a);
        var dot = 0.0;
        foreach (var (term, w) in small._centroid)
        {
            if (large._centroid.TryGetValue(term, out var v))
            {
                dot += w * v;
            }
        }

        return dot / ((double)a.Members.Count * b.Members.Count);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x <= y ? x : y;

    private static DateTimeOffset? Later(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x >= y ? x : y;

    /// <summary>Dot product of two sparse vectors.</summary>
    public static double Dot(List<(int Term, double Weight)> a, List<(int Term, double Weight)> b)
    {
        var map = new Dictionary<int, double>(b.Count);
        foreach (var (t, w) in b)
        {
            map[t] = w;
        }

        var dot = 0.0;
        foreach (var (t, w) in a)
        {
            if (map.TryGetValue(t, out var v))
            {
                dot += w * v;
            }
        }

        return dot;
    }

    /// <summary>Cosine between a unit vector and the centroid.</summary>
    public double Cosine(List<(int Term, double Weight)> vector)
    {
        if (_normSquared <= 0)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var (term, w) in vector)
        {
            if (_centroid.TryGetValue(term, out var c))
            {
                dot += w * c;
            }
        }

        return dot / Math.Sqrt(_normSquared);
    }

    /// <summary>
    /// The mean cosine between a unit vector and the members: unlike the centroid's cosine, it does not
    /// grow as a story's members drift apart, so a loose story does not become a magnet for everything.
    /// </summary>
    public double MeanCosine(List<(int Term, double Weight)> vector)
    {
        var dot = 0.0;
        foreach (var (term, w) in vector)
        {
            if (_centroid.TryGetValue(term, out var c))
            {
                dot += w * c;
            }
        }

        return Members.Count == 0 ? 0 : dot / Members.Count;
    }
}

/// <summary>What a story keeps of a member: enough to label the story, not the article itself.</summary>
internal sealed record StoryMember(string Id, string? Title, string Lead, List<(int Term, double Weight)> Vector)
{
    /// <summary>The first words of the article's first paragraph: a label when no member has a title.</summary>
    public static string LeadOf(Article article)
    {
        if (article.Paragraphs.IsEmpty)
        {
            return article.Id;
        }

        // The first paragraph that reads like prose: short first lines are often site chrome.
        var first = article.Paragraphs.Select(article.ParagraphText).FirstOrDefault(t => TextNormalizer.CountWords(t) >= 8 && !t.Contains('|', StringComparison.Ordinal))
            ?? article.ParagraphText(article.Paragraphs[0]);
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 12 ? first : string.Join(' ', words.Take(12)) + " \u2026";
    }
}
