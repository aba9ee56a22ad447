using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Eval.Extraction;

/// <summary>
/// The n-gram recipe of the Zyte article-extraction benchmark (shared/data/README.md): token 4-gram multisets,
/// per-page counts normalised to sum 1, precision and recall averaged over the pages where they are defined,
/// F1 of the two averages. Add pages one at a time; not thread-safe.
/// </summary>
internal sealed partial class NgramScore
{
    private double _precisionSum;
    private int _precisionPages;
    private double _recallSum;
    private int _recallPages;

    public double Precision => _precisionPages == 0 ? 0 : _precisionSum / _precisionPages;

    public double Recall => _recallPages == 0 ? 0 : _recallSum / _recallPages;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Pages added.</summary>
    public int Pages { get; private set; }

    public void Add(string predicted, string truth)
    {
        var (tp, fp, fn) = PageCounts(predicted, truth);
        Pages++;
        if (tp + fp > 0)
        {
            _precisionSum += PagePrecision(tp, fp, fn);
            _precisionPages++;
        }

        if (tp + fn > 0)
        {
            _recallSum += PageRecall(tp, fp, fn);
            _recallPages++;
        }
    }

    /// <summary>One page's tp, fp, fn, each divided by their sum (all zero when both texts have no shingle).</summary>
    public static (double Tp, double Fp, double Fn) PageCounts(string predicted, string truth)
    {
        var pred = Shingles(predicted);
        var gold = Shingles(truth);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, p) in pred)
        {
            var t = gold.GetValueOrDefault(shingle);
            tp += Math.Min(p, t);
            fp += Math.Max(0, p - t);
        }

        foreach (var (shingle, t) in gold)
        {
            fn += Math.Max(0, t - pred.GetValueOrDefault(shingle));
        }

        double sum = tp + fp + fn;
        return sum == 0 ? (0, 0, 0) : (tp / sum, fp / sum, fn / sum);
    }

    public static double PagePrecision(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);

    public static double PageRecall(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);

    /// <summary>The text's token 4-grams as a multiset; a text of 1–3 tokens is one shingle, an empty one none.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return counts;
        }

        var n = Math.Min(4, tokens.Length);
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            // U+0001 cannot occur inside a token, so joined shingles never collide.
            var key = string.Join('\u0001', tokens, i, n);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

/// <summary>
/// The trafilatura segment recipe: whitespace-collapsed snippets that must (<c>with</c>) or must not
/// (<c>without</c>) be found, case-sensitively, in the whitespace-collapsed output; counts summed over pages.
/// Not thread-safe.
/// </summary>
internal sealed class SegmentScore
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int TrueNegatives { get; private set; }

    public int Pages { get; private set; }

    public double F1
    {
        get
        {
            var d = (2 * TruePositives) + FalsePositives + FalseNegatives;
            return d == 0 ? 0 : 2.0 * TruePositives / d;
        }
    }

    public void Add(string predicted, IReadOnlyList<string> with, IReadOnlyList<string> without)
    {
        Pages++;
        var output = CollapseWhitespace(predicted);
        foreach (var snippet in with)
        {
            if (output.Contains(CollapseWhitespace(snippet), StringComparison.Ordinal))
            {
                TruePositives++;
            }
            else
            {
                FalseNegatives++;
            }
        }

        foreach (var snippet in without)
        {
            if (output.Contains(CollapseWhitespace(snippet), StringComparison.Ordinal))
            {
                FalsePositives++;
            }
            else
            {
                TrueNegatives++;
            }
        }
    }

    /// <summary>Runs of whitespace become one space; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

/// <summary>
/// The WCXB bag-of-words recipe: lower-cased <c>\w+</c> tokens as multisets; per page precision =
/// overlap / predicted, recall = overlap / reference; the means of per-page precision, recall and F1.
/// Not thread-safe.
/// </summary>
internal sealed partial class BagOfWordsScore
{
    private double _p;
    private double _r;
    private double _f;

    public int Pages { get; private set; }

    public double Precision => Pages == 0 ? 0 : _p / Pages;

    public double Recall => Pages == 0 ? 0 : _r / Pages;

    public double F1 => Pages == 0 ? 0 : _f / Pages;

    public void Add(string predicted, string truth)
    {
        var (p, r, f) = Page(predicted, truth);
        _p += p;
        _r += r;
        _f += f;
        Pages++;
    }

    /// <summary>One page's precision, recall and F1; two empty texts agree perfectly, one empty text scores 0.</summary>
    public static (double Precision, double Recall, double F1) Page(string predicted, string truth)
    {
        var pred = Bag(predicted);
        var gold = Bag(truth);
        long predTotal = pred.Values.Sum(), goldTotal = gold.Values.Sum();
        if (predTotal == 0 && goldTotal == 0)
        {
            return (1, 1, 1);
        }

        long overlap = 0;
        foreach (var (word, n) in pred)
        {
            overlap += Math.Min(n, gold.GetValueOrDefault(word));
        }

        var p = predTotal == 0 ? 0 : (double)overlap / predTotal;
        var r = goldTotal == 0 ? 0 : (double)overlap / goldTotal;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (p, r, f);
    }

    public static Dictionary<string, int> Bag(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

/// <summary>Share of pages whose metadata value equals the truth (whitespace-collapsed, exact), over pages where the truth is set.</summary>
internal sealed class MetadataScore
{
    public int Pages { get; private set; }

    public int Correct { get; private set; }

    /// <summary>Null when no page had a true value.</summary>
    public double? Accuracy => Pages == 0 ? null : (double)Correct / Pages;

    public void Add(string? predicted, string? truth)
    {
        if (string.IsNullOrWhiteSpace(truth))
        {
            return;
        }

        Pages++;
        if (predicted is not null && SegmentScore.CollapseWhitespace(predicted) == SegmentScore.CollapseWhitespace(truth))
        {
            Correct++;
        }
    }
}
