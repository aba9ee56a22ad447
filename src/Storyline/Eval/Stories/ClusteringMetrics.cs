namespace Storyline.Eval.Stories;

/// <summary>Agreement between a true and a predicted partition of the same articles.</summary>
public sealed record ClusteringScores(
    int Articles,
    int StoriesTrue,
    int StoriesPredicted,
    double PairwiseF1,
    double PairwisePrecision,
    double PairwiseRecall,
    double BcubedF1,
    double BcubedPrecision,
    double BcubedRecall,
    double Ari);

/// <summary>
/// The clustering scores of shared/data/README.md: pairwise and BCubed precision, recall and F1, and the adjusted
/// Rand index as scikit-learn computes it. Counts are 64-bit. Stateless and thread-safe.
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="truth"/>: the cluster label of each article, in the same order.</summary>
    public static ClusteringScores Score(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predicted ones", nameof(predicted));
        }

        var n = truth.Count;
        var a = Sizes(truth);
        var b = Sizes(predicted);
        var cells = new Dictionary<(string, string), long>();
        for (var i = 0; i < n; i++)
        {
            var key = (truth[i], predicted[i]);
            cells[key] = cells.GetValueOrDefault(key) + 1;
        }

        long sameBoth = 0, sameTrue = 0, samePredicted = 0;
        double bcubedP = 0, bcubedR = 0;
        foreach (var ((t, p), nij) in cells)
        {
            sameBoth += Pairs(nij);
            bcubedP += (double)nij * nij / b[p];
            bcubedR += (double)nij * nij / a[t];
        }

        foreach (var size in a.Values)
        {
            sameTrue += Pairs(size);
        }

        foreach (var size in b.Values)
        {
            samePredicted += Pairs(size);
        }

        // No predicted pairs claims nothing wrong, no true pairs leaves nothing to miss: both count as perfect.
        var pp = samePredicted == 0 ? 1.0 : (double)sameBoth / samePredicted;
        var pr = sameTrue == 0 ? 1.0 : (double)sameBoth / sameTrue;
        bcubedP = n == 0 ? 1.0 : bcubedP / n;
        bcubedR = n == 0 ? 1.0 : bcubedR / n;
        return new ClusteringScores(n, a.Count, b.Count, F1(pp, pr), pp, pr, F1(bcubedP, bcubedR), bcubedP, bcubedR,
            AdjustedRand(n, sameBoth, sameTrue, samePredicted));
    }

    /// <summary>
    /// ARI from the pair confusion matrix, as scikit-learn's adjusted_rand_score: 1 when the two partitions
    /// agree on every pair (including the degenerate all-singletons and one-cluster cases).
    /// </summary>
    private static double AdjustedRand(long n, long sameBoth, long sameTrue, long samePredicted)
    {
        // sklearn counts ordered pairs; the factor 2 cancels, so unordered pairs give the same value.
        var tp = (double)sameBoth;
        var fp = (double)(samePredicted - sameBoth);
        var fn = (double)(sameTrue - sameBoth);
        var tn = (double)Pairs(n) - tp - fp - fn;
        if (fn == 0 && fp == 0)
        {
            return 1.0;
        }

        return 2.0 * ((tp * tn) - (fn * fp)) / (((tp + fn) * (fn + tn)) + ((tp + fp) * (fp + tn)));
    }

    private static Dictionary<string, long> Sizes(IReadOnlyList<string> labels)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var l in labels)
        {
            sizes[l] = sizes.GetValueOrDefault(l) + 1;
        }

        return sizes;
    }

    private static long Pairs(long k) => k * (k - 1) / 2;

    public static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
