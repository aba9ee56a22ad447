using Storyline.Summaries;

namespace Storyline.Eval.Summaries;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1 of one summary against one reference.</summary>
public readonly record struct RougeScores(double Rouge1, double Rouge2, double RougeL)
{
    public static RougeScores operator +(RougeScores a, RougeScores b) => new(a.Rouge1 + b.Rouge1, a.Rouge2 + b.Rouge2, a.RougeL + b.RougeL);

    public RougeScores Divide(int n) => n == 0 ? default : new(Rouge1 / n, Rouge2 / n, RougeL / n);
}

/// <summary>
/// ROUGE as shared/data/README.md specifies it: both texts lower-cased, tokens are the runs of <c>[a-z0-9]</c>,
/// each Porter-stemmed, no stop words removed; the system summary cut to its first N tokens; ROUGE-N is the F1
/// of the clipped n-gram overlap (multiset), ROUGE-L the F1 of the longest common subsequence of the whole token
/// sequences. Stateless and thread-safe.
/// </summary>
public static class Rouge
{
    /// <summary>The tokens ROUGE compares: lower-cased <c>[a-z0-9]+</c> runs, Porter-stemmed.</summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var lower = text.ToLowerInvariant();
        var i = 0;
        while (i < lower.Length)
        {
            if (!IsTokenChar(lower[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < lower.Length && IsTokenChar(lower[i]))
            {
                i++;
            }

            tokens.Add(PorterStemmer.Stem(lower[start..i]));
        }

        return tokens;
    }

    /// <summary>Scores <paramref name="system"/> cut to its first <paramref name="words"/> tokens (null: uncut) against <paramref name="reference"/>.</summary>
    public static RougeScores Score(string system, string reference, int? words)
    {
        var sys = Tokens(system);
        if (words is { } n && sys.Count > n)
        {
            sys.RemoveRange(n, sys.Count - n);
        }

        return Score(sys, Tokens(reference));
    }

    /// <summary>Scores token lists (already as <see cref="Tokens"/> makes them).</summary>
    public static RougeScores Score(IReadOnlyList<string> system, IReadOnlyList<string> reference)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(reference);
        return new RougeScores(NGramF1(system, reference, 1), NGramF1(system, reference, 2), LcsF1(system, reference));
    }

    /// <summary>F1 of the clipped overlap of the two texts' n-gram multisets; 0 when either has no n-gram.</summary>
    public static double NGramF1(IReadOnlyList<string> system, IReadOnlyList<string> reference, int n)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(reference);
        var sysCount = Math.Max(0, system.Count - n + 1);
        var refCount = Math.Max(0, reference.Count - n + 1);
        if (sysCount == 0 || refCount == 0)
        {
            return 0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < refCount; i++)
        {
            var g = Gram(reference, i, n);
            counts[g] = counts.GetValueOrDefault(g) + 1;
        }

        var overlap = 0;
        for (var i = 0; i < sysCount; i++)
        {
            var g = Gram(system, i, n);
            if (counts.TryGetValue(g, out var c) && c > 0)
            {
                counts[g] = c - 1;
                overlap++;
            }
        }

        return F1(overlap, sysCount, refCount);
    }

    /// <summary>F1 of the longest common subsequence's length over the two token sequences' lengths.</summary>
    public static double LcsF1(IReadOnlyList<string> system, IReadOnlyList<string> reference)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(reference);
        if (system.Count == 0 || reference.Count == 0)
        {
            return 0;
        }

        // One row of the dynamic programme at a time: memory grows with the reference, not the product.
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        for (var i = 1; i <= system.Count; i++)
        {
            for (var j = 1; j <= reference.Count; j++)
            {
                current[j] = string.Equals(system[i - 1], reference[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return F1(previous[reference.Count], system.Count, reference.Count);
    }

    private static double F1(int overlap, int systemTotal, int referenceTotal)
    {
        if (overlap == 0)
        {
            return 0;
        }

        var p = (double)overlap / systemTotal;
        var r = (double)overlap / referenceTotal;
        return 2 * p * r / (p + r);
    }

    // A unit separator cannot occur in a token, so joined n-grams never collide.
    private static string Gram(IReadOnlyList<string> tokens, int start, int n) =>
        n == 1 ? tokens[start] : string.Join('\u001F', Enumerable.Range(start, n).Select(k => tokens[k]));

    private static bool IsTokenChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
