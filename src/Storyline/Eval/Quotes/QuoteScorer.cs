using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Storyline.Quotes;

namespace Storyline.Eval.Quotes;

/// <summary>Quote scores on one set of articles (all attributions, or the direct subset).</summary>
public record QuoteScores
{
    public int Articles { get; init; }

    public int QuotesTrue { get; init; }

    public int QuotesPredicted { get; init; }

    [JsonPropertyName("precision_03")]
    public double Precision03 { get; init; }

    [JsonPropertyName("recall_03")]
    public double Recall03 { get; init; }

    [JsonPropertyName("f1_03")]
    public double F103 { get; init; }

    [JsonPropertyName("precision_08")]
    public double Precision08 { get; init; }

    [JsonPropertyName("recall_08")]
    public double Recall08 { get; init; }

    [JsonPropertyName("f1_08")]
    public double F108 { get; init; }

    /// <summary>Share of quotes matched at 0.3 whose speaker is right.</summary>
    public double SpeakerAccuracy { get; init; }
}

/// <summary>The scores of <c>storyline eval quotes</c>: all attributions, the direct subset beside them.</summary>
public sealed record QuoteEvaluation : QuoteScores
{
    /// <summary>All attributions' scores as this evaluation's own, the direct subset's under <see cref="Direct"/>.</summary>
    [SetsRequiredMembers]
    public QuoteEvaluation(QuoteScores all, QuoteScores direct)
        : base(all)
    {
        Direct = direct;
    }

    [JsonPropertyOrder(1)]
    public required QuoteScores Direct { get; init; }

    /// <summary>Extraction time per article in milliseconds (null when predictions were read from a file).</summary>
    [JsonPropertyOrder(2)]
    public double? MsPerArticle { get; init; }
}

/// <summary>Match counts at one threshold.</summary>
public readonly record struct QuoteCounts(int TruePositives, int FalsePositives, int FalseNegatives, int SpeakerMatches)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double SpeakerAccuracy => TruePositives == 0 ? 0 : (double)SpeakerMatches / TruePositives;

    public static QuoteCounts operator +(QuoteCounts a, QuoteCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives, a.SpeakerMatches + b.SpeakerMatches);
}

/// <summary>
/// The Gender Gap Tracker's quote recipe. Per article, each true quote in order takes the remaining predicted quote
/// that covers the largest share of its content's characters, when that share is above the threshold (0.3 or 0.8);
/// matched true quotes are true positives, unmatched true quotes false negatives, predicted quotes left over false
/// positives; counts are summed over articles. A matched quote's speaker is right when the predicted speaker span
/// overlaps the true one, or the resolved names are equal when the truth gives a name, or both have no speaker.
/// The direct subset keeps, on both sides, the quotes whose content contains a double quotation mark. Stateless.
/// </summary>
public static class QuoteScorer
{
    public static QuoteCounts Count(string text, IReadOnlyList<AnnotatedQuote> truth, IReadOnlyList<AnnotatedQuote> predicted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var remaining = predicted.ToList();
        int tp = 0, fn = 0, speakers = 0;
        foreach (var t in truth)
        {
            var best = -1;
            var bestScore = 0.0;
            var size = Size(t.Content.Pieces);
            for (var i = 0; i < remaining.Count && size > 0; i++)
            {
                var score = (double)Overlap(t.Content.Pieces, remaining[i].Content.Pieces) / size;
                if (score > threshold && score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            if (best < 0)
            {
                fn++;
                continue;
            }

            tp++;
            if (SpeakerMatches(text, t, remaining[best]))
            {
                speakers++;
            }

            remaining.RemoveAt(best);
        }

        return new QuoteCounts(tp, remaining.Count, fn, speakers);
    }

    public static bool SpeakerMatches(string text, AnnotatedQuote truth, AnnotatedQuote predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.SpeakerName is { Length: > 0 } name && predicted.SpeakerName is { } predictedName
            && string.Equals(name.Trim(), predictedName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (truth.Speaker is null)
        {
            return predicted.Speaker is null;
        }

        return predicted.Speaker is not null && Overlap(truth.Speaker.Pieces, predicted.Speaker.Pieces) > 0;
    }

    /// <summary>True when the quote's content contains a double quotation mark (" “ ” „ « »).</summary>
    public static bool IsDirect(string text, AnnotatedQuote quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        foreach (var p in quote.Content.Pieces)
        {
            foreach (var c in text.AsSpan(p.Start, p.Length))
            {
                if (c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Scores predictions against the truth, article by article (matched by position in the two lists).</summary>
    public static (QuoteScores All, QuoteScores Direct) Score(IReadOnlyList<(QuoteDocument Truth, IReadOnlyList<AnnotatedQuote> Predicted)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        QuoteCounts all3 = default, all8 = default, direct3 = default, direct8 = default;
        int trueAll = 0, predAll = 0, trueDirect = 0, predDirect = 0;
        foreach (var (truth, predicted) in articles)
        {
            var text = truth.Text;
            var t = truth.Quotes;
            var dt = t.Where(q => IsDirect(text, q)).ToList();
            var dp = predicted.Where(q => IsDirect(text, q)).ToList();
            all3 += Count(text, t, predicted, 0.3);
            all8 += Count(text, t, predicted, 0.8);
            direct3 += Count(text, dt, dp, 0.3);
            direct8 += Count(text, dt, dp, 0.8);
            trueAll += t.Length;
            predAll += predicted.Count;
            trueDirect += dt.Count;
            predDirect += dp.Count;
        }

        return (Scores(articles.Count, trueAll, predAll, all3, all8), Scores(articles.Count, trueDirect, predDirect, direct3, direct8));
    }

    private static QuoteScores Scores(int articles, int quotesTrue, int quotesPredicted, QuoteCounts at3, QuoteCounts at8) => new()
    {
        Articles = articles,
        QuotesTrue = quotesTrue,
        QuotesPredicted = quotesPredicted,
        Precision03 = Round(at3.Precision),
        Recall03 = Round(at3.Recall),
        F103 = Round(at3.F1),
        Precision08 = Round(at8.Precision),
        Recall08 = Round(at8.Recall),
        F108 = Round(at8.F1),
        SpeakerAccuracy = Round(at3.SpeakerAccuracy),
    };

    private static double Round(double v) => Math.Round(v, 4);

    /// <summary>Characters covered by the pieces (overlaps counted once).</summary>
    public static int Size(IReadOnlyList<CharSpan> pieces) => Merge(pieces).Sum(p => p.Length);

    /// <summary>Characters covered by both sets of pieces.</summary>
    public static int Overlap(IReadOnlyList<CharSpan> a, IReadOnlyList<CharSpan> b)
    {
        var total = 0;
        foreach (var x in Merge(a))
        {
            foreach (var y in Merge(b))
            {
                total += Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start));
            }
        }

        return total;
    }

    private static List<CharSpan> Merge(IReadOnlyList<CharSpan> pieces)
    {
        var sorted = pieces.Where(p => p.Length > 0).OrderBy(p => p.Start).ToList();
        var merged = new List<CharSpan>(sorted.Count);
        foreach (var p in sorted)
        {
            if (merged.Count > 0 && p.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = CharSpan.FromBounds(last.Start, Math.Max(last.End, p.End));
            }
            else
            {
                merged.Add(p);
            }
        }

        return merged;
    }
}
