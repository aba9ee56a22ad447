namespace Storyline.Eval.Time;

/// <summary>Counts of one document (or a sum of documents) under the TempEval-3 TIMEX3 recipe.</summary>
public sealed record TimexCounts
{
    public int True { get; init; }

    public int Predicted { get; init; }

    /// <summary>Predictions whose span equals a true span exactly (one-to-one).</summary>
    public int StrictMatches { get; init; }

    /// <summary>Predictions overlapping a true span (one-to-one).</summary>
    public int RelaxedMatches { get; init; }

    /// <summary>Relaxed matches whose value is also right.</summary>
    public int ValueMatches { get; init; }

    /// <summary>Relaxed matches whose type is also right.</summary>
    public int TypeMatches { get; init; }

    public static TimexCounts operator +(TimexCounts a, TimexCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new TimexCounts
        {
            True = a.True + b.True,
            Predicted = a.Predicted + b.Predicted,
            StrictMatches = a.StrictMatches + b.StrictMatches,
            RelaxedMatches = a.RelaxedMatches + b.RelaxedMatches,
            ValueMatches = a.ValueMatches + b.ValueMatches,
            TypeMatches = a.TypeMatches + b.TypeMatches,
        };
    }

    public static TimexCounts Add(TimexCounts a, TimexCounts b) => a + b;

    public double StrictF1 => F1(StrictMatches);

    public double RelaxedF1 => F1(RelaxedMatches);

    public double ValueF1 => F1(ValueMatches);

    public double TypeF1 => F1(TypeMatches);

    public double Precision(int matches) => Predicted == 0 ? 0 : (double)matches / Predicted;

    public double Recall(int matches) => True == 0 ? 0 : (double)matches / True;

    /// <summary>F1 = 2PR/(P+R) with P = matches/predicted and R = matches/true.</summary>
    public double F1(int matches)
    {
        var p = Precision(matches);
        var r = Recall(matches);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}

/// <summary>
/// The TempEval-3 TIMEX3 recipe (shared/data/README.md): extraction P/R/F1 strict (exact span) and relaxed (any
/// overlap); value and type F1 over the relaxed matches whose attribute is also right. Pairs are one-to-one: each
/// true expression matches at most one prediction (an exact match first, else the first overlapping one in text order).
/// </summary>
public static class TempEvalScorer
{
    public static TimexCounts Score(IReadOnlyList<TimeMlTimex> truth, IReadOnlyList<TimeMlTimex> predicted)
    {
        var pairOf = Pairs(truth, predicted, out var strict);
        int relaxed = 0, value = 0, type = 0;
        for (var g = 0; g < truth.Count; g++)
        {
            if (pairOf[g] < 0)
            {
                continue;
            }

            relaxed++;
            var p = predicted[pairOf[g]];
            if (string.Equals(p.Value, truth[g].Value, StringComparison.Ordinal))
            {
                value++;
            }

            if (p.Type == truth[g].Type)
            {
                type++;
            }
        }

        return new TimexCounts
        {
            True = truth.Count,
            Predicted = predicted.Count,
            StrictMatches = strict,
            RelaxedMatches = relaxed,
            ValueMatches = value,
            TypeMatches = type,
        };
    }

    /// <summary>For each true expression, the index of the prediction paired with it (-1 when none); <paramref name="strict"/> counts the exact-span pairs.</summary>
    public static int[] Pairs(IReadOnlyList<TimeMlTimex> truth, IReadOnlyList<TimeMlTimex> predicted, out int strict)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var usedPred = new bool[predicted.Count];
        var pairOf = new int[truth.Count];
        Array.Fill(pairOf, -1);

        // Exact spans first, so an exact prediction is never taken by a neighbouring overlap.
        strict = 0;
        for (var g = 0; g < truth.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (!usedPred[p] && predicted[p].Start == truth[g].Start && predicted[p].Length == truth[g].Length)
                {
                    usedPred[p] = true;
                    pairOf[g] = p;
                    strict++;
                    break;
                }
            }
        }

        for (var g = 0; g < truth.Count; g++)
        {
            if (pairOf[g] >= 0)
            {
                continue;
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!usedPred[p] && predicted[p].Start < truth[g].End && truth[g].Start < predicted[p].End)
                {
                    usedPred[p] = true;
                    pairOf[g] = p;
                    break;
                }
            }
        }

        return pairOf;
    }
}
