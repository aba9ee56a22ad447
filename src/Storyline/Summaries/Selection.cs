namespace Storyline.Summaries;

/// <summary>The ways of choosing candidates until the summary has its words. Each returns candidate indices in the order chosen.</summary>
internal static class Selection
{
    /// <summary>First sentences of each article in turn (the articles in reading order), then second ones, and so on.</summary>
    public static List<int> Lead(SentenceSpace space, SummaryOptions options)
    {
        var byArticle = Enumerable.Range(0, space.Candidates.Count)
            .GroupBy(i => space.Candidates[i].ArticleRank)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(i => space.Candidates[i].Position).ToList())
            .ToList();
        var chosen = new List<int>();
        var words = 0;
        for (var depth = 0; words < options.Words && byArticle.Any(list => depth < list.Count); depth++)
        {
            foreach (var list in byArticle)
            {
                if (depth < list.Count && words < options.Words)
                {
                    chosen.Add(list[depth]);
                    words += space.Candidates[list[depth]].Words;
                }
            }
        }

        return chosen;
    }

    /// <summary>Best scores first, skipping a candidate too similar to one already chosen.</summary>
    public static List<int> Greedy(SentenceSpace space, double[] scores, SummaryOptions options)
    {
        var candidates = space.Candidates;
        var chosen = new List<int>();
        var words = 0;
        foreach (var i in Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).ThenBy(i => i))
        {
            if (words >= options.Words)
            {
                break;
            }

            if (chosen.Any(j => SentenceSpace.Cosine(candidates[i], candidates[j]) >= options.RedundancySimilarity))
            {
                continue;
            }

            chosen.Add(i);
            words += candidates[i].Words;
        }

        return chosen;
    }

    /// <summary>
    /// Maximal marginal relevance (Carbonell and Goldstein, 1998): relevance is closeness to the centroid (scaled
    /// to the best candidate's), the position prior, the share of articles carrying the sentence and how far the
    /// other articles say the same (<see cref="SentenceSpace.Agreement"/>); each step
    /// takes the candidate maximising λ·relevance − (1 − λ)·(its largest similarity to a chosen one).
    /// </summary>
    public static List<int> Mmr(SentenceSpace space, SummaryOptions options)
    {
        var candidates = space.Candidates;
        var n = candidates.Count;
        var centroid = space.CentroidScores();
        var best = centroid.Max();
        var agreement = options.AgreementWeight > 0 ? space.Agreement() : new double[n];
        var relevance = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            var support = space.ArticleCount > 1 ? (c.Support - 1.0) / (space.ArticleCount - 1.0) : 0;
            relevance[i] = (best > 0 ? centroid[i] / best : 0)
                + (options.PositionWeight * SentenceSpace.PositionPrior(c.Position))
                + (options.SupportWeight * support)
                + (options.AgreementWeight * agreement[i]);
        }

        var maxSimilarity = new double[n];
        var taken = new bool[n];
        var chosen = new List<int>();
        var words = 0;
        while (words < options.Words && chosen.Count < n)
        {
            var pick = -1;
            var pickScore = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i])
                {
                    continue;
                }

                var score = (options.Lambda * relevance[i]) - ((1 - options.Lambda) * maxSimilarity[i]);
                if (score > pickScore)
                {
                    pick = i;
                    pickScore = score;
                }
            }

            taken[pick] = true;
            chosen.Add(pick);
            words += candidates[pick].Words;
            for (var i = 0; i < n; i++)
            {
                if (!taken[i])
                {
                    maxSimilarity[i] = Math.Max(maxSimilarity[i], SentenceSpace.Cosine(candidates[i], candidates[pick]));
                }
            }
        }

        return chosen;
    }
}
