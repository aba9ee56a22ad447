using System.Runtime.InteropServices;
using System.Text;
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

    // Reached's scratch: a sum by story index and the indexes touched, per thread (settling scores on all cores).
    [ThreadStatic]
    private static double[]? _overlapScratch;

    [ThreadStatic]
    private static bool[]? _seenScratch;

    [ThreadStatic]
    private static List<int>? _touchedScratch;

    private readonly StoryOptions _options;
    private readonly DocumentFrequencies _termDf;
    // Names by id, with how many articles carry each: a member keeps its names as ids, not as strings of its own.
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly List<int> _nameCounts = [];
    private int _nameDocuments;

    // Counts the changes of the names' rarity: a story's cached name norm holds while this and its names stay.
    private int _nameDfVersion;
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
    public void Observe(string articleId, Dictionary<string, double> counts, IReadOnlyCollection<string> names)
    {
        if (_observed.Add(articleId))
        {
            _termDf.Add(counts.Keys);
            CountNames(NameIds(names));
        }
    }

    /// <summary>The names' ids, each once, in the order first given; a name new to the clusterer gets the next id.</summary>
    private int[] NameIds(IReadOnlyCollection<string> names)
    {
        var ids = new List<int>(names.Count);
        var seen = new HashSet<int>();
        foreach (var name in names)
        {
            var key = ContentTerms.Normalise(name);
            if (key.Length <= 1)
            {
                continue;
            }

            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_nameIds, key, out var known);
            if (!known)
            {
                id = _nameCounts.Count;
                _nameCounts.Add(0);
            }

            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    private void CountNames(int[] ids)
    {
        foreach (var id in ids)
        {
            _nameCounts[id]++;
        }

        _nameDocuments++;
        _nameDfVersion++;
    }

    /// <summary>Smoothed inverse document frequency of a name, as <see cref="DocumentFrequencies.Idf"/> without a background.</summary>
    private double NameIdf(int id) => Math.Log((_nameDocuments + 1.0) / (_nameCounts[id] + 1.0)) + 1.0;

    /// <summary>Scores the article against candidate stories and adds it to the best one (or a new one), then merges the stories it bridges.</summary>
    /// <param name="forcedStory">A story the article must join (it carries the same copy as a member), or -1.</param>
    /// <returns>The story the article is in once any merge is done.</returns>
    /// <param name="counts">The article's content terms (<see cref="ContentTerms.Counts"/>).</param>
    public (int Story, double Score, bool Started) Add(Article article, Dictionary<string, double> counts, IReadOnlyCollection<string> names, DateTimeOffset? date, int forcedStory)
    {
        var nameKeys = NameIds(names);
        var observed = _observed.Remove(article.Id);
        if (observed && _observed.Count == 0)
        {
            _observed.TrimExcess(); // a batch's worth of ids, not needed again
        }
        if (!observed)
        {
            _termDf.Add(counts.Keys);
            CountNames(nameKeys);
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

    /// <summary>
    /// Merges, the most alike first, every two stories whose members are on average alike enough (average
    /// link, weighed by time, at least <see cref="StoryOptions.SettleThreshold"/>). Online clustering splits
    /// a story whose articles each share little with the first ones; seen whole, the pieces link. Pairs come
    /// from the inverted index (stories sharing an indexed term), so the cost follows the candidates, not the
    /// square of the stories. A pair whose side has grown since it was scored is scored again before it merges:
    /// a merged story's link to a third is the mean of its parts' links, so no pair below the threshold is missed.
    /// </summary>
    public List<(string Id, int Story)> Settle()
    {
        if (_options.SettleThreshold <= 0)
        {
            return [];
        }

        var version = new int[_stories.Count];
        var queue = new PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)>();

        // The first links only read the stories: found on all cores, queued in story order.
        var links = new List<(int B, double Link)>[_stories.Count];
        Parallel.For(0, _stories.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism) }, a =>
            links[a] = [.. Neighbours(a).Select(b => (b, Link(a, b))).Where(x => x.Item2 >= _options.SettleThreshold)]);
        for (var a = 0; a < _stories.Count; a++)
        {
            foreach (var (b, link) in links[a])
            {
                queue.Enqueue((a, b, version[a], version[b]), (-link, a, b));
            }
        }

        while (queue.TryDequeue(out var pair, out _))
        {
            var (a, b) = (Resolve(pair.A), Resolve(pair.B));
            if (a == b)
            {
                continue;
            }

            if (a != pair.A || b != pair.B || version[a] != pair.VA || version[b] != pair.VB)
            {
                Enqueue(queue, Math.Min(a, b), Math.Max(a, b), version);
                continue;
            }

            var kept = Merge(a, b);
            version[kept]++;
        }

        return _options.ReassignMargin >= 0 ? Reassign() : [];
    }

    /// <summary>
    /// Moves each article that scores higher in another story than in its own (without it) by
    /// <see cref="StoryOptions.ReassignMargin"/>. Every move is decided on the same settled stories and applied after, so the order of the
    /// articles does not matter; the deciding only reads the stories, so it runs on all cores and gives the same moves on one.
    /// </summary>
    private List<(string Id, int Story)> Reassign()
    {
        var live = new List<int>();
        for (var s = 0; s < _stories.Count; s++)
        {
            if (_stories[s].Members.Count > 0)
            {
                NameNorm(_stories[s]); // cached now, so that scoring writes nothing
                live.Add(s);
            }
        }

        var found = new List<(StoryMember Member, int To)>[live.Count];
        Parallel.For(0, live.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism) }, i => found[i] = MovesOf(live[i]));

        var moves = new List<(int From, StoryMember Member, int To)>();
        for (var i = 0; i < live.Count; i++)
        {
            moves.AddRange(found[i].Select(x => (live[i], x.Member, x.To)));
        }

        foreach (var (from, m, to) in moves)
        {
            _stories[from].Remove(m);
            _stories[to].Insert(_stories[to].Members.Count, m);
        }

        return [.. moves.Select(x => (x.Member.Id, x.To))];
    }

    /// <summary>The members of a story that score higher elsewhere than in their own story without them, with where they go.</summary>
    private List<(StoryMember Member, int To)> MovesOf(int s)
    {
        var state = _stories[s];
        var moves = new List<(StoryMember, int)>();
        var fullNorm = NameNorm(state);
        var dates = state.Members.Where(m => m.Date is not null).Select(m => m.Date!.Value).Order().ToList();
        foreach (var m in state.Members)
        {
            // Its own story is scored without it, as any other story is.
            var own = state.Members.Count > 1 ? ScoreWithout(state, m, fullNorm, dates) : _options.SettleThreshold;
            var (best, bestScore) = (-1, own + _options.ReassignMargin);
            foreach (var c in CandidatesOf(m.Vector))
            {
                if (c != s && Score(_stories[c], m.Vector, m.Names, m.Date, floor: bestScore) is var score && score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            if (best >= 0)
            {
                moves.Add((m, best));
            }
        }

        return moves;
    }

    /// <summary>
    /// <see cref="Score"/> of a member against its own story less the member, from the story's sums less the
    /// member's share: nothing is taken out and put back, so the story is only read.
    /// </summary>
    private double ScoreWithout(StoryState story, StoryMember m, double fullNameNorm, List<DateTimeOffset> sortedDates)
    {
        var (dot, self) = story.DotWithCentroid(m.Vector);
        var others = story.Members.Count - 1;
        var without = dot - self;
        var normSquared = story.NormSquared - (2 * dot) + self;
        var centroidCosine = normSquared > 1e-12 ? without / Math.Sqrt(normSquared) : 0;
        var cosine = ((1 - _options.MeanWeight) * centroidCosine) + (_options.MeanWeight * without / others);
        if (_options.MemberWeight > 0)
        {
            cosine = ((1 - _options.MemberWeight) * cosine) + (_options.MemberWeight * story.BestMember(m.Vector, m, _options.MembersCompared));
        }

        // The names: each of the member's names counts once less in the story.
        double nameCosine = 0;
        var nameNorm = fullNameNorm;
        double nameDot = 0, docNorm = 0;
        foreach (var n in m.Names)
        {
            var idf = NameIdf(n);
            var c = story.Names.GetValueOrDefault(n);
            docNorm += idf * idf;
            nameDot += idf * idf * (c - 1);
            nameNorm += idf * idf * (((c - 1.0) * (c - 1.0)) - ((double)c * c));
        }

        if (m.Names.Length > 0 && nameNorm > 1e-12)
        {
            nameCosine = nameDot / Math.Sqrt(docNorm * nameNorm);
        }

        var score = ((1 - _options.NameWeight) * cosine) + (_options.NameWeight * nameCosine);
        if (m.Date is not { } d)
        {
            return score;
        }

        // The story's date range without the member: the next date in where the member held an end.
        DateTimeOffset? first = sortedDates.Count > 1 ? (sortedDates[0] == d ? sortedDates[1] : sortedDates[0]) : null;
        DateTimeOffset? last = sortedDates.Count > 1 ? (sortedDates[^1] == d ? sortedDates[^2] : sortedDates[^1]) : null;
        return WeighTime(score, d, d, first, last);
    }

    /// <summary>
    /// The stories worth scoring for a vector: those its heaviest terms reach in the inverted index, the best by
    /// overlap first. A story all of whose members moved away is no home.
    /// </summary>
    private List<int> CandidatesOf(TermWeight[] vector) =>
        Reached(vector.Take(_options.QueryTerms).Select(x => (x.Term, (double)x.Weight)), story => _stories[story].Members.Count > 0);

    /// <summary>
    /// The stories the terms reach in the inverted index that <paramref name="keep"/> accepts, by the summed
    /// weight of the terms that reach them (ties by index), at most <see cref="StoryOptions.MaxCandidates"/>. The
    /// newest stories come first in a long posting list: an old story reached only through a common term is an
    /// unlikely home.
    /// </summary>
    private List<int> Reached(IEnumerable<(int Term, double Weight)> terms, Func<int, bool> keep)
    {
        var scanned = new List<(List<int> List, double Weight)>();
        foreach (var (term, weight) in terms)
        {
            if (_postings.TryGetValue(term, out var list))
            {
                scanned.Add((list, weight));
            }
        }

        // Summed in a scratch array by story, one per thread and reused: a map sized to the postings scanned
        // allocated megabytes for each large story while settling, garbage that raised the peak of a run.
        if (_overlapScratch is null || _overlapScratch.Length < _stories.Count)
        {
            var length = Math.Max(_stories.Count, 2 * (_overlapScratch?.Length ?? 0));
            (_overlapScratch, _seenScratch) = (new double[length], new bool[length]);
        }

        var (overlap, seen) = (_overlapScratch, _seenScratch!);
        var touched = _touchedScratch ??= [];
        foreach (var (list, weight) in scanned)
        {
            for (var i = list.Count - 1; i >= 0 && i >= list.Count - MaxPostingScan; i--)
            {
                var story = list[i];
                if (keep(story))
                {
                    if (!seen[story])
                    {
                        seen[story] = true;
                        touched.Add(story);
                    }

                    overlap[story] += weight;
                }
            }
        }

        // The best few by overlap (ties by index), kept in a small heap whose root is the worst kept.
        var max = _options.MaxCandidates;
        var heap = new PriorityQueue<int, (double Overlap, int Story)>(max + 1, WorstFirst.Instance);
        foreach (var story in touched)
        {
            var sum = overlap[story];
            (overlap[story], seen[story]) = (0, false);
            if (heap.Count < max)
            {
                heap.Enqueue(story, (sum, story));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((sum, story), worst) > 0)
            {
                heap.DequeueEnqueue(story, (sum, story));
            }
        }

        touched.Clear();
        var best = new List<(double Overlap, int Story)>(heap.Count);
        while (heap.TryDequeue(out var story, out var key))
        {
            best.Add(key);
        }

        best.Reverse();
        return [.. best.Select(b => b.Story)];
    }

    /// <summary>Orders candidates worst first: lower overlap, then higher index.</summary>
    private sealed class WorstFirst : IComparer<(double Overlap, int Story)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Overlap, int Story) x, (double Overlap, int Story) y) =>
            x.Overlap != y.Overlap ? x.Overlap.CompareTo(y.Overlap) : y.Story.CompareTo(x.Story);
    }

    private double Link(int a, int b) => Math.Max(StoryLink(_stories[a], _stories[b]), StoryLink(_stories[b], _stories[a]));

    private void Enqueue(PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)> queue, int a, int b, int[] version)
    {
        var link = Link(a, b);
        if (link >= _options.SettleThreshold)
        {
            // The most alike first; ties by index, so the order of merges does not depend on the queue.
            queue.Enqueue((a, b, version[a], version[b]), (-link, a, b));
        }
    }

    /// <summary>The live stories after <paramref name="story"/> that share one of its indexed terms, the best by shared terms first.</summary>
    private List<int> Neighbours(int story) =>
        _stories[story].Members.Count == 0 ? [] : Reached(_stories[story].IndexedTerms.Select(t => (t, 1.0)), other => other > story && _stories[other].Members.Count > 0);

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
    private (int Story, double Score, List<int> Matched) Best(TermWeight[] vector, int[] names, DateTimeOffset? date)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var matched = new List<int>();
        foreach (var candidate in CandidatesOf(vector))
        {
            var s = Score(_stories[candidate], vector, names, date, floor: _options.JoinThreshold);
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

    /// <param name="storyNameNorm">The story's squared name norm when the caller knows it, else computed (and cached).</param>
    /// <param name="floor">
    /// The score below which the caller does not care how low it is: a score that cannot reach it is returned
    /// without its costly part (the best member), still below it.
    /// </param>
    private double Score(StoryState story, TermWeight[] vector, int[] names, DateTimeOffset? date, double? storyNameNorm = null, double floor = double.NegativeInfinity)
    {
        var (centroidCosine, mean) = story.Cosines(vector);
        var cosine = (1 - _options.MeanWeight) * centroidCosine + (_options.MeanWeight * mean);
        // Names as a vector of their own: the cosine between the article's (idf-weighted) names and the
        // story's (member counts times idf).
        double nameCosine = 0;
        if (names.Length > 0 && story.Names.Count > 0)
        {
            double dot = 0, docNorm = 0;
            foreach (var n in names)
            {
                var idf = NameIdf(n);
                docNorm += idf * idf;
                if (story.Names.TryGetValue(n, out var c))
                {
                    dot += idf * idf * c;
                }
            }

            nameCosine = dot / Math.Sqrt(docNorm * (storyNameNorm ?? NameNorm(story)));
        }

        if (_options.MemberWeight > 0)
        {
            // No member can be closer than all of them together (the mean times their number): most candidates
            // are far below the floor even so, and are not compared member by member.
            var bound = Math.Min(1, (mean * story.Members.Count) + 1e-6);
            var best = ((1 - _options.NameWeight) * (((1 - _options.MemberWeight) * cosine) + (_options.MemberWeight * bound))) + (_options.NameWeight * nameCosine);
            cosine = ((1 - _options.MemberWeight) * cosine) + (best < floor ? 0 : _options.MemberWeight * story.BestMember(vector, null, _options.MembersCompared));
        }

        var score = ((1 - _options.NameWeight) * cosine) + (_options.NameWeight * nameCosine);
        return date is { } d ? WeighTime(score, d, d, story.FirstDate, story.LastDate) : score;
    }

    /// <summary>
    /// The squared norm of the story's names (member counts times rarity). A story of thousands of members has
    /// thousands of names and is scored against every article that might join or leave it, so the norm is kept
    /// until the story's names or their rarity change.
    /// </summary>
    private double NameNorm(StoryState story)
    {
        if (story.CachedNameNorm(_nameDfVersion) is { } known)
        {
            return known;
        }

        var norm = 0.0;
        foreach (var (n, c) in story.Names)
        {
            var w = c * NameIdf(n);
            norm += w * w;
        }

        story.KeepNameNorm(_nameDfVersion, norm);
        return norm;
    }

    /// <summary>
    /// The similarity of two stories for a merge: the average link of their members, weighed by time like an
    /// article's score (stories months apart that share a place and its people stay apart).
    /// </summary>
    private double StoryLink(StoryState a, StoryState b)
    {
        var link = StoryState.AverageLink(a, b);
        return a.FirstDate is { } first && a.LastDate is { } last ? WeighTime(link, first, last, b.FirstDate, b.LastDate) : link;
    }

    /// <summary>Scales a score down by the days between a date range and a story's dates (first to last), beyond the window.</summary>
    private double WeighTime(double score, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? storyFirst, DateTimeOffset? storyLast)
    {
        if (storyFirst is not { } first || storyLast is not { } last)
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
    private TermWeight[] Vectorise(Dictionary<string, double> counts, bool sharedOnly)
    {
        var weights = new List<(int Term, double Weight)>(counts.Count);
        foreach (var (term, tf) in counts)
        {
            if (sharedOnly && _termDf.Count(term) < 2)
            {
                continue;
            }

            weights.Add((_termDf.Id(term), (1 + Math.Log(tf)) * Math.Pow(_termDf.Idf(term), _options.IdfPower)));
        }

        weights.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
        if (weights.Count > _options.TermsPerArticle)
        {
            weights.RemoveRange(_options.TermsPerArticle, weights.Count - _options.TermsPerArticle);
        }

        // A story keeps each member's vector: six bytes a term (see TermWeight), not the room its article's
        // whole vocabulary took in a list of doubles (a million members).
        var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
        var vector = new TermWeight[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            vector[i] = new TermWeight(weights[i].Term, norm > 0 ? weights[i].Weight / norm : weights[i].Weight);
        }

        return vector;
    }
}

/// <summary>A story while it grows: the sum of its members' vectors, their names and their date range.</summary>
internal sealed class StoryState(string id)
{
    // Single precision: a story's summed weights, one entry per distinct term of its members (millions in all).
    private readonly Dictionary<int, float> _centroid = [];
    private double _normSquared;

    public string Id { get; } = id;

    public List<StoryMember> Members { get; } = [];

    /// <summary>The members' names (by id) and how many members carry each.</summary>
    public Dictionary<int, int> Names { get; } = [];

    public HashSet<int> IndexedTerms { get; } = [];

    // The squared name norm and the name-rarity version it was computed under; any change of the names drops it.
    private double _nameNorm;
    private int _nameNormVersion = -1;

    public double? CachedNameNorm(int version) => _nameNormVersion == version ? _nameNorm : null;

    public void KeepNameNorm(int version, double norm) => (_nameNormVersion, _nameNorm) = (version, norm);

    public DateTimeOffset? FirstDate { get; private set; }

    public DateTimeOffset? LastDate { get; private set; }

    public void Add(Article article, TermWeight[] vector, int[] names, DateTimeOffset? date) =>
        Insert(Members.Count, StoryMember.Of(article, vector, names, date));

    /// <summary>Puts a member at a place in the member list, counting its words, names and date in.</summary>
    public void Insert(int index, StoryMember m)
    {
        Members.Insert(index, m);
        _nameNormVersion = -1;
        AddWeights(m.Vector, 1);
        foreach (var n in m.Names)
        {
            Names[n] = Names.GetValueOrDefault(n) + 1;
        }

        if (m.Date is { } d)
        {
            FirstDate = FirstDate is { } f && f <= d ? f : d;
            LastDate = LastDate is { } l && l >= d ? l : d;
        }
    }

    /// <summary>Takes a member out (its words, names and dates with it) and says where it stood.</summary>
    public int Remove(StoryMember m)
    {
        var index = Members.IndexOf(m);
        Members.RemoveAt(index);
        _nameNormVersion = -1;
        AddWeights(m.Vector, -1);
        foreach (var n in m.Names)
        {
            if (--Names[n] == 0)
            {
                Names.Remove(n);
            }
        }

        FirstDate = Members.Min(x => x.Date);
        LastDate = Members.Max(x => x.Date);
        if (Members.Count == 0)
        {
            // Not a sum of rounding leftovers that would still look like words.
            _centroid.Clear();
            _normSquared = 0;
        }

        return index;
    }

    private void AddWeights(TermWeight[] vector, double sign)
    {
        foreach (var (term, w) in vector)
        {
            AddWeight(term, sign * w);
        }
    }

    private void AddWeights(IEnumerable<(int Term, float Weight)> vector, double sign)
    {
        foreach (var (term, w) in vector)
        {
            AddWeight(term, sign * w);
        }
    }

    private void AddWeight(int term, double delta)
    {
        ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_centroid, term, out _);
        double old = value;
        value = (float)(old + delta);
        // The norm follows the stored (rounded) values, so it stays the norm of the centroid as held.
        _normSquared += ((double)value * value) - (old * old);
    }

    /// <summary>Takes in another story's members, words, names and dates, leaving the other story empty.</summary>
    public void Absorb(StoryState other)
    {
        Members.AddRange(other.Members);
        (_nameNormVersion, other._nameNormVersion) = (-1, -1);
        AddWeights(other._centroid.Select(kv => (kv.Key, kv.Value)), 1);

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

    // BestMember's scratch: the vector last looked up, as a map by term, per thread (reassigning scores on all cores).
    [ThreadStatic]
    private static Dictionary<int, float>? _lookup;

    [ThreadStatic]
    private static TermWeight[]? _lookupOf;

    /// <summary>
    /// The highest cosine between the vector and one member, <paramref name="except"/> left out, over the newest
    /// <paramref name="newest"/> members only: the cost of an article's score stays bounded however large its
    /// candidate stories grow. The vector is mapped once and the map reused while the same vector is scored.
    /// </summary>
    public double BestMember(TermWeight[] vector, StoryMember? except, int newest)
    {
        if (!ReferenceEquals(_lookupOf, vector))
        {
            var map = _lookup ??= [];
            map.Clear();
            foreach (var (t, w) in vector)
            {
                map[t] = w;
            }

            _lookupOf = vector;
        }

        var lookup = _lookup!;
        var best = 0.0;
        for (var i = Members.Count - 1; i >= 0 && i >= Members.Count - newest; i--)
        {
            var m = Members[i];
            if (ReferenceEquals(m, except))
            {
                continue;
            }

            var dot = 0.0;
            foreach (var (t, w) in m.Vector)
            {
                if (lookup.TryGetValue(t, out var v))
                {
                    dot += w * v;
                }
            }

            best = Math.Max(best, dot);
        }

        return best;
    }

    /// <summary>The squared length of the centroid.</summary>
    public double NormSquared => _normSquared;

    /// <summary>The vector's dot product with the centroid, and with itself.</summary>
    public (double Dot, double Self) DotWithCentroid(TermWeight[] vector)
    {
        double dot = 0, self = 0;
        foreach (var (term, w) in vector)
        {
            self += w * w;
            if (_centroid.TryGetValue(term, out var c))
            {
                dot += w * c;
            }
        }

        return (dot, self);
    }

    /// <summary>Cosine between a unit vector and the centroid.</summary>
    public double Cosine(TermWeight[] vector) => Cosines(vector).Cosine;

    /// <summary>
    /// The cosine between a unit vector and the centroid, and the mean cosine between it and the members, from one
    /// pass over the vector (a candidate's score reads both). The mean, unlike the centroid's cosine, does not grow as
    /// a story's members drift apart, so a loose story does not become a magnet for everything.
    /// </summary>
    public (double Cosine, double Mean) Cosines(TermWeight[] vector)
    {
        var dot = 0.0;
        foreach (var (term, w) in vector)
        {
            if (_centroid.TryGetValue(term, out var c))
            {
                dot += w * c;
            }
        }

        return (_normSquared <= 0 ? 0 : dot / Math.Sqrt(_normSquared), Members.Count == 0 ? 0 : dot / Members.Count);
    }
}

/// <summary>What a story keeps of a member: enough to label the story, not the article itself.</summary>
/// <param name="Lead">The opening words, kept only when the title cannot label the story (none, or a menu).</param>
/// <param name="Names">The ids of its names.</param>
/// <param name="TitleUtf8">The title as UTF-8: a story keeps every member's title until it is labelled, a million of them, at half the room of strings.</param>
internal sealed record StoryMember(string Id, byte[]? TitleUtf8, string? Lead, TermWeight[] Vector, int[] Names, DateTimeOffset? Date)
{
    public static StoryMember Of(Article article, TermWeight[] vector, int[] names, DateTimeOffset? date)
    {
        var title = article.Title?.Value;
        return new StoryMember(article.Id, title is null ? null : Encoding.UTF8.GetBytes(title), IsLabel(title) ? null : LeadOf(article), vector, names, date);
    }

    public string? Title => TitleUtf8 is null ? null : Encoding.UTF8.GetString(TitleUtf8);

    /// <summary>A title labels a story unless it is made of menu items (the cleaner took a navigation bar for it).</summary>
    public static bool IsLabel(string? title) => title is { } t && t.Count(ch => ch == '|') < 2;

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

/// <summary>
/// A term of a member's vector and its weight, in six bytes where a (term, float) pair takes eight: a story keeps
/// every member's vector, a million of them. The weight is a unit vector's component, held as a 16-bit fraction
/// of 1 (to within 0.00001).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal readonly struct TermWeight(int term, double weight)
{
    private readonly int _term = term;
    private readonly ushort _weight = (ushort)Math.Round(Math.Clamp(weight, 0, 1) * ushort.MaxValue);

    public int Term => _term;

    public float Weight => _weight * (1f / ushort.MaxValue);

    public void Deconstruct(out int term, out float weight) => (term, weight) = (Term, Weight);
}
