using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Stories;

namespace Storyline.Summaries;

/// <summary>Where a summary sentence stands: a span of <see cref="Article.Text"/> of the article <paramref name="ArticleId"/>.</summary>
public sealed record SentenceSource(string ArticleId, int Start, int Length);

/// <summary>
/// A sentence of a story's summary: its words (as the first article carrying it has them, whitespace collapsed),
/// every article that carries it or a near paraphrase of it (the first one first), and that article's date.
/// </summary>
public sealed record SummarySentence(string Text, ImmutableArray<SentenceSource> Sources, DateTimeOffset? Date);

/// <summary>
/// Extractive multi-document summaries of a story. Candidates are the sentences of the articles' body and
/// standfirst paragraphs only (removed boilerplate never is one); copies of a sentence across articles (wire
/// copy, near paraphrases) become one candidate that cites every article and counts once; sentences are chosen
/// by <see cref="SummaryOptions.Method"/> with redundancy removed and given in reading order: articles by date
/// (undated ones after, in the order given), sentences by their place in the article. Stateless and thread-safe.
/// </summary>
public static class StorySummarizer
{
    /// <summary>The summary of the story told by <paramref name="articles"/> (pages that are not articles are left out).</summary>
    public static ImmutableArray<SummarySentence> Summarize(IReadOnlyList<Article> articles, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= SummaryOptions.Default;
        var ordered = ReadingOrder(articles);
        var space = new SentenceSpace(ordered, options);
        if (space.Candidates.Count == 0)
        {
            return [];
        }

        var chosen = options.Method switch
        {
            SummaryMethod.Lead => Selection.Lead(space, options),
            SummaryMethod.Centroid => Selection.Greedy(space, space.CentroidScores(), options),
            SummaryMethod.TextRank => Selection.Greedy(space, space.TextRankScores(), options),
            _ => Selection.Mmr(space, options),
        };

        return [.. chosen
            .Select(i => space.Candidates[i])
            .OrderBy(c => c.ArticleRank)
            .ThenBy(c => c.Position)
            .Select(c => new SummarySentence(
                c.Text,
                [.. c.Sources.Select(s => new SentenceSource(ordered[s.ArticleRank].Id, s.Start, s.Length))],
                ordered[c.ArticleRank].Date?.Value))];
    }

    /// <summary>The articles that are articles (all of them when none is), dated ones by date, then undated ones, each group in the order given.</summary>
    private static List<Article> ReadingOrder(IReadOnlyList<Article> articles)
    {
        var real = articles.Where(a => NonArticleFilter.Default.Reason(a) is null).ToList();
        if (real.Count == 0)
        {
            real = [.. articles];
        }

        return [.. real
            .Select((a, i) => (a, i))
            .OrderBy(x => x.a.Date is null ? 1 : 0)
            .ThenBy(x => x.a.Date?.Value ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.i)
            .Select(x => x.a)];
    }
}
