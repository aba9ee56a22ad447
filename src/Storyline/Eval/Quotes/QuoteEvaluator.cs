using System.Collections.Immutable;
using System.Diagnostics;
using Storyline.Quotes;

namespace Storyline.Eval.Quotes;

/// <summary>Runs the quote extractor over a quotes dataset and scores it; optionally writes the predictions.</summary>
public static class QuoteEvaluator
{
    /// <summary>Predictions for every document, with the time spent extracting (milliseconds per article, one thread, after a warm-up).</summary>
    public static (List<QuoteDocument> Predictions, double MsPerArticle) Predict(IReadOnlyList<QuoteDocument> truth, QuoteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(extractor);
        var predictions = new List<QuoteDocument>(truth.Count);

        // Warm up first, so the figure is the steady per-article cost and not the JIT compiling the extractor.
        foreach (var doc in truth.Take(1000))
        {
            extractor.Extract(doc.Text);
        }

        var clock = Stopwatch.StartNew();
        foreach (var doc in truth)
        {
            var quotes = extractor.Extract(doc.Text);
            predictions.Add(doc with { Quotes = quotes.Select(QuoteDataset.FromQuote).ToImmutableArray() });
        }

        clock.Stop();
        return (predictions, truth.Count == 0 ? 0 : clock.Elapsed.TotalMilliseconds / truth.Count);
    }

    /// <summary>Scores predictions against the truth; predictions are matched to articles by id (a missing id has no quotes).</summary>
    public static QuoteEvaluation Evaluate(IReadOnlyList<QuoteDocument> truth, IReadOnlyList<QuoteDocument> predictions, double? msPerArticle)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var byId = new Dictionary<string, QuoteDocument>(StringComparer.Ordinal);
        foreach (var p in predictions)
        {
            byId.TryAdd(p.Id, p);
        }

        var pairs = truth
            .Select(t => (t, (IReadOnlyList<AnnotatedQuote>)(byId.TryGetValue(t.Id, out var p) ? p.Quotes : ImmutableArray<AnnotatedQuote>.Empty)))
            .ToList();
        var (all, direct) = QuoteScorer.Score(pairs);
        return new QuoteEvaluation(all, direct)
        {
            MsPerArticle = msPerArticle is { } ms ? Math.Round(ms, 3) : null,
        };
    }
}
