using Storyline.Extract.Text;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Summaries;

/// <summary>A span of an article's text that carries a candidate sentence.</summary>
internal readonly record struct CandidateSource(int ArticleRank, int Start, int Length);

/// <summary>
/// A candidate sentence: one sentence, or several copies of it in different articles merged. Its place is the
/// first copy's (earliest article, then earliest position); its vector holds its content words, weighted and
/// of unit length.
/// </summary>
internal sealed class Candidate
{
    public required string Text { get; init; }

    public required int ArticleRank { get; init; }

    /// <summary>The sentence's index among its article's body sentences (the earliest over its copies).</summary>
    public required int Position { get; set; }

    public required int Words { get; init; }

    public required int[] Terms { get; init; }

    public required double[] Weights { get; init; }

    public List<CandidateSource> Sources { get; } = [];

    /// <summary>How many distinct articles carry it.</summary>
    public int Support => Sources.Select(s => s.ArticleRank).Distinct().Count();
}

/// <summary>The candidate sentences of a story and the similarities between them. Built once per summary; not shared.</summary>
internal sealed class SentenceSpace
{
    private readonly SummaryOptions _options;

    public SentenceSpace(IReadOnlyList<Article> articles, SummaryOptions options)
    {
        _options = options;
        ArticleCount = articles.Count;
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        var raw = new List<Candidate>();
        for (var rank = 0; rank < articles.Count; rank++)
        {
            AddSentences(articles[rank], rank, terms, spellings, raw);
        }

        Candidates = MergeCopies(raw, options.DuplicateSimilarity);
    }

    public List<Candidate> Candidates { get; }

    public int ArticleCount { get; }

    /// <summary>Cosine of two unit vectors.</summary>
    public static double Cosine(Candidate a, Candidate b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            var c = a.Terms[i].CompareTo(b.Terms[j]);
            if (c == 0)
            {
                dot += a.Weights[i++] * b.Weights[j++];
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    /// <summary>Each candidate's cosine with the story's centroid (the sum of all candidates, each counted once).</summary>
    public double[] CentroidScores()
    {
        var centroid = new Dictionary<int, double>();
        foreach (var c in Candidates)
        {
            for (var k = 0; k < c.Terms.Length; k++)
            {
                // Support weighs a copied sentence's words by the articles carrying it without scoring it twice.
                centroid[c.Terms[k]] = centroid.GetValueOrDefault(c.Terms[k]) + c.Weights[k];
            }
        }

        var norm = Math.Sqrt(centroid.Values.Sum(v => v * v));
        var scores = new double[Candidates.Count];
        if (norm == 0)
        {
            return scores;
        }

        for (var i = 0; i < Candidates.Count; i++)
        {
            var c = Candidates[i];
            double dot = 0;
            for (var k = 0; k < c.Terms.Length; k++)
            {
                dot += c.Weights[k] * centroid[c.Terms[k]];
            }

            scores[i] = dot / norm;
        }

        return scores;
    }

    /// <summary>PageRank (damping 0.85) over the graph whose edges are the candidates' cosine similarities.</summary>
    public double[] TextRankScores()
    {
        var n = Candidates.Count;
        var neighbours = Neighbours(Candidates);
        var outWeight = neighbours.Select(list => list.Sum(e => e.Similarity)).ToArray();
        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Rank of sentences with no edges spreads evenly, so the ranks keep summing to one.
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    dangling += rank[i];
                }
            }

            Array.Fill(next, (0.15 + (0.85 * dangling)) / n);
            for (var i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    continue;
                }

                var share = 0.85 * rank[i] / outWeight[i];
                foreach (var (j, s) in neighbours[i])
                {
                    next[j] += share * s;
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < 1e-6)
            {
                break;
            }
        }

        return rank;
    }

    /// <summary>
    /// How far the other articles say the same: for each candidate, the mean over the other articles of its best
    /// cosine with one of their sentences (1 for an article carrying a copy). What every outlet reports is the story.
    /// </summary>
    public double[] Agreement()
    {
        var neighbours = Neighbours(Candidates);
        var result = new double[Candidates.Count];
        if (ArticleCount < 2)
        {
            return result;
        }

        var best = new double[ArticleCount];
        for (var i = 0; i < Candidates.Count; i++)
        {
            Array.Clear(best);
            foreach (var (j, sim) in neighbours[i])
            {
                foreach (var src in Candidates[j].Sources)
                {
                    best[src.ArticleRank] = Math.Max(best[src.ArticleRank], sim);
                }
            }

            foreach (var src in Candidates[i].Sources)
            {
                best[src.ArticleRank] = 1;
            }

            var own = Candidates[i].ArticleRank;
            result[i] = (best.Sum() - best[own]) / (ArticleCount - 1);
        }

        return result;
    }

    /// <summary>A prior for news: the lead of an article states its story, so earlier sentences weigh more.</summary>
    public static double PositionPrior(int position) => 1.0 / Math.Sqrt(1 + position);

    /// <summary>For each candidate, the others it shares a content word with, and the cosine.</summary>
    private static List<(int Other, double Similarity)>[] Neighbours(List<Candidate> candidates)
    {
        var postings = new Dictionary<int, List<(int Candidate, double Weight)>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            for (var k = 0; k < c.Terms.Length; k++)
            {
                if (!postings.TryGetValue(c.Terms[k], out var list))
                {
                    postings[c.Terms[k]] = list = [];
                }

                list.Add((i, c.Weights[k]));
            }
        }

        var result = new List<(int, double)>[candidates.Count];
        var accumulator = new double[candidates.Count];
        var touched = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            for (var k = 0; k < c.Terms.Length; k++)
            {
                foreach (var (j, w) in postings[c.Terms[k]])
                {
                    if (j == i)
                    {
                        continue;
                    }

                    if (accumulator[j] == 0)
                    {
                        touched.Add(j);
                    }

                    accumulator[j] += c.Weights[k] * w;
                }
            }

            touched.Sort();
            result[i] = new List<(int, double)>(touched.Count);
            foreach (var j in touched)
            {
                result[i].Add((j, accumulator[j]));
                accumulator[j] = 0;
            }

            touched.Clear();
        }

        return result;
    }

    private void AddSentences(Article article, int rank, Dictionary<string, int> termIds, Dictionary<string, int> spellings, List<Candidate> into)
    {
        var position = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            if (paragraph.Role is not (BlockRole.Body or BlockRole.Standfirst))
            {
                continue;
            }

            var text = article.Text.AsSpan(paragraph.Start, paragraph.Length);
            var sentences = SentenceSplitter.Split(text, out var tokens);
            foreach (var sentence in sentences)
            {
                var index = position++;
                var (start, length) = WithoutDateline(text, sentence);
                var span = text.Slice(start, length);
                var words = TextNormalizer.CountWords(span);
                if (words < _options.MinSentenceWords || words > _options.MaxSentenceWords || !LooksLikeProse(span))
                {
                    continue;
                }

                var counts = new Dictionary<int, int>();
                for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
                {
                    if (tokens[t].Start >= start && TermId(tokens[t].In(text), termIds, spellings) is var id and >= 0)
                    {
                        counts[id] = counts.GetValueOrDefault(id) + 1;
                    }
                }

                if (counts.Count == 0)
                {
                    continue;
                }

                var ids = counts.Keys.Order().ToArray();
                var weights = ids.Select(id => 1 + Math.Log(counts[id])).ToArray();
                var norm = Math.Sqrt(weights.Sum(w => w * w));
                for (var k = 0; k < weights.Length; k++)
                {
                    weights[k] /= norm;
                }

                var candidate = new Candidate
                {
                    Text = Collapse(span),
                    ArticleRank = rank,
                    Position = index,
                    Words = words,
                    Terms = ids,
                    Weights = weights,
                };
                candidate.Sources.Add(new CandidateSource(rank, paragraph.Start + start, length));
                into.Add(candidate);
            }
        }
    }

    /// <summary>The sentence's span without a wire dateline opening it ("KATHMANDU (Reuters) -"): a summary reads on from the news itself.</summary>
    private static (int Start, int Length) WithoutDateline(ReadOnlySpan<char> text, Sentence sentence)
    {
        var span = text.Slice(sentence.Start, sentence.Length);
        if (Datelines.Leading(span.ToString()) is not { } dateline)
        {
            return (sentence.Start, sentence.Length);
        }

        var skip = dateline.Length;
        while (skip < span.Length && char.IsWhiteSpace(span[skip]))
        {
            skip++;
        }

        return skip < span.Length ? (sentence.Start + skip, sentence.Length - skip) : (sentence.Start, sentence.Length);
    }

    /// <summary>
    /// Merges each sentence into the first earlier one it copies (same words up to typography, or a near
    /// paraphrase). Copies share their rare words, so only sentences sharing one of their three rarest words are
    /// compared: comparing all pairs would make a large story, whose words recur in hundreds of sentences, quadratic.
    /// </summary>
    private const int RareKeys = 3;

    private static List<Candidate> MergeCopies(List<Candidate> raw, double threshold)
    {
        var df = new Dictionary<int, int>();
        foreach (var c in raw)
        {
            foreach (var t in c.Terms)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var index = new Dictionary<int, List<int>>();
        var owner = new int[raw.Count];
        var slot = new int[raw.Count];
        var seen = new int[raw.Count];
        var merged = new List<Candidate>();
        for (var i = 0; i < raw.Count; i++)
        {
            var keys = raw[i].Terms.OrderBy(t => df[t]).ThenBy(t => t).Take(RareKeys);
            owner[i] = i;
            var first = int.MaxValue;
            foreach (var key in keys)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                foreach (var j in list)
                {
                    // seen[j] holds i + 1 once j was compared with i.
                    if (j < first && seen[j] != i + 1)
                    {
                        seen[j] = i + 1;
                        if (Cosine(raw[i], raw[j]) >= threshold - 1e-9)
                        {
                            first = j;
                        }
                    }
                }

                list.Add(i);
            }

            if (first != int.MaxValue)
            {
                owner[i] = owner[first];
                var into = merged[slot[owner[i]]];
                into.Sources.AddRange(raw[i].Sources);
                into.Position = Math.Min(into.Position, raw[i].Position);
            }
            else
            {
                slot[i] = merged.Count;
                merged.Add(raw[i]);
            }
        }

        return merged;
    }

    /// <summary>The id of the token's term (-1 for none), each distinct spelling stemmed once per story: the hot path of a large story.</summary>
    private static int TermId(ReadOnlySpan<char> token, Dictionary<string, int> termIds, Dictionary<string, int> spellings)
    {
        if (token.Length < 2)
        {
            return -1;
        }

        var lookup = spellings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var known))
        {
            return known;
        }

        var id = -1;
        if (Term(token) is { } term && !termIds.TryGetValue(term, out id))
        {
            termIds[term] = id = termIds.Count;
        }

        lookup[token] = id;
        return id;
    }

    /// <summary>A content word as similarity compares it: lower-case letters and digits, Porter-stemmed; null for function words and punctuation.</summary>
    private static string? Term(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || StopWords.Contains(token))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Math.Min(token.Length, 64)];
        var n = 0;
        var ascii = true;
        foreach (var c in token)
        {
            if (!char.IsLetterOrDigit(c) || n == buffer.Length)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            ascii &= lower is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            buffer[n++] = lower;
        }

        if (n < 2)
        {
            return null;
        }

        var word = new string(buffer[..n]);
        return ascii ? PorterStemmer.Stem(word) : word;
    }

    /// <summary>Prose has lower-case words and ends like a sentence; headings, captions and link lines do not.</summary>
    private static bool LooksLikeProse(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.TrimEnd("\"'\u201D\u2019)]");
        if (trimmed.IsEmpty || trimmed[^1] is not ('.' or '!' or '?' or '\u2026'))
        {
            return false;
        }

        var lower = 0;
        foreach (var c in sentence)
        {
            if (char.IsLower(c))
            {
                lower++;
            }
        }

        return lower * 2 >= sentence.Length / 2 && !sentence.Contains("http", StringComparison.OrdinalIgnoreCase);
    }

    private static string Collapse(ReadOnlySpan<char> span) =>
        string.Join(' ', span.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
